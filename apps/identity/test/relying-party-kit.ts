/**
 * Another OpenID Connect application in tests: openid-client (a certified relying party) for a
 * client registered in the database, and a browser that signs a user in to it — password, then
 * the authenticator app's code when Sesame asks for one — and comes back with the code.
 */
import * as client from 'openid-client';
import { generateTotpCode } from '../src/factors/totp/totp-code.ts';
import { BrowserSession, hiddenField } from './browser-session.ts';
import type { TestApp } from './build-test-app.ts';

/** openid-client's configuration for one client of this app (plain HTTP allowed: tests). */
export function discoverClient(
  t: TestApp,
  clientId: string,
  clientSecret: string,
): Promise<client.Configuration> {
  return client.discovery(
    new URL(t.config.issuer),
    clientId,
    undefined,
    client.ClientSecretBasic(clientSecret),
    { execute: [client.allowInsecureRequests] },
  );
}

export interface SigningInUser {
  username: string;
  password: string;
  /** The authenticator app's secret, for a sign-in that asks for a second factor. */
  secret?: Uint8Array | undefined;
}

/** Start an authorization request in `browser`; the response of its first page. */
export async function startAuthorization(
  browser: BrowserSession,
  config: client.Configuration,
  redirectUri: string,
  extra: Record<string, string> = {},
) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    ...extra,
  });
  const response = await browser.follow(await browser.get(url.pathname + url.search));
  return { response, verifier, state };
}

/** A full sign-in to the application: the callback URL it gets, and the PKCE verifier. */
export async function signInToClient(
  t: TestApp,
  config: client.Configuration,
  redirectUri: string,
  user: SigningInUser,
  extra: Record<string, string> = {},
  browser = new BrowserSession(t.app, t.config.publicUrl),
) {
  const started = await startAuthorization(browser, config, redirectUri, extra);
  let response = started.response;
  const login = /action="([^"]+\/login)"/.exec(response.body)?.[1];
  if (login === undefined) throw new Error(`no sign-in page: ${response.statusCode}`);
  response = await browser.follow(
    await browser.post(login, {
      csrf: hiddenField(response.body, 'csrf'),
      username: user.username,
      password: user.password,
    }),
  );
  const verify = /action="([^"]+\/verify)"/.exec(response.body)?.[1];
  if (verify !== undefined && user.secret !== undefined) {
    t.clock.advance(30);
    response = await browser.follow(
      await browser.post(verify, {
        csrf: hiddenField(response.body, 'csrf'),
        authenticatorId: hiddenField(response.body, 'authenticatorId'),
        code: generateTotpCode(user.secret, t.clock.now),
      }),
    );
  }
  const location = response.headers.location;
  if (location === undefined) throw new Error(`no way back to the client: ${response.statusCode}`);
  const { verifier, state } = started;
  return { callback: new URL(String(location)), verifier, state, browser };
}

/** The code of `callback` exchanged at the token endpoint by `config`'s client. */
export function redeem(
  config: client.Configuration,
  signedIn: { callback: URL; verifier: string; state: string },
) {
  return client.authorizationCodeGrant(config, signedIn.callback, {
    pkceCodeVerifier: signedIn.verifier,
    expectedState: signedIn.state,
  });
}
