/**
 * openid-client, a certified relying party library, against Sesame over real HTTP: discovery,
 * authorization code + PKCE, token, ID token claims, userinfo, refresh, RP-initiated logout.
 */
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField, portalRedirectUri } from '../../test/browser-session.ts';
import type { TestApp } from '../../test/build-test-app.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { discoverPortalClient, listenTestApp } from '../../test/listen-test-app.ts';

describe.each(testBackends())('OpenID Connect with openid-client (%s)', (backend) => {
  let t: TestApp & { url: string };
  let config: client.Configuration;

  beforeAll(async () => {
    t = await listenTestApp(backend);
    await t.createUser({
      username: 'mathieu',
      name: 'Mathieu Gagnon',
      email: 'mathieu@example.ca',
      password: 'érable sucré 1987',
    });
    config = await discoverPortalClient(t);
  });
  afterAll(() => t.close());

  /** The browser's part: authorize, sign in, come back with the code (as the portal would). */
  async function authorize(browser: BrowserSession, scope = 'openid profile email') {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: portalRedirectUri,
      scope,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    let response = await browser.follow(await browser.get(url.pathname + url.search));
    if (response.statusCode === 200) {
      const action = /action="([^"]+\/login)"/.exec(response.body)?.[1] as string;
      const form = {
        csrf: hiddenField(response.body, 'csrf'),
        username: 'Mathieu',
        password: 'érable sucré 1987',
      };
      response = await browser.follow(await browser.post(action, form));
    }
    return { callback: new URL(String(response.headers.location)), verifier, state, nonce };
  }

  async function signIn(browser = new BrowserSession(t.app, t.url)) {
    const { callback, verifier, state, nonce } = await authorize(browser);
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    return { tokens, callback, verifier, state, nonce, browser };
  }

  it('discovers an issuer that offers only the code flow with S256 PKCE', () => {
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(`${t.url}/oidc`);
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.token_endpoint_auth_methods_supported).not.toContain('none');
    expect(metadata.grant_types_supported).not.toContain('password');
    expect(metadata.end_session_endpoint).toBe(`${t.url}/oidc/session/end`);
  });

  it('issues an ID token with sub, name, email, amr, acr and auth_time', async () => {
    const { tokens } = await signIn();
    const claims = tokens.claims();
    expect(claims).toMatchObject({
      name: 'Mathieu Gagnon',
      email: 'mathieu@example.ca',
      amr: ['pwd'],
      acr: 'urn:sesame:loa:1fa',
    });
    expect(claims?.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof claims?.auth_time).toBe('number');
  });

  it('answers userinfo and refreshes with rotation', async () => {
    const { tokens } = await signIn();
    const sub = tokens.claims()?.sub as string;
    const info = await client.fetchUserInfo(config, tokens.access_token, sub);
    expect(info).toMatchObject({ sub, name: 'Mathieu Gagnon', email: 'mathieu@example.ca' });
    expect(tokens.refresh_token).toBeTruthy();
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token as string);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    // RFC 9700 §4.14.2: the rotated-out refresh token is refused.
    await expect(
      client.refreshTokenGrant(config, tokens.refresh_token as string),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a code used twice', async () => {
    const { callback, verifier, state, nonce } = await signIn();
    const again = client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    await expect(again).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an unregistered redirect URI without redirecting to it', async () => {
    const browser = new BrowserSession(t.app, t.url);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: 'https://evil.example/callback',
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const response = await browser.get(url.pathname + url.search);
    expect(response.statusCode).toBe(400);
    expect(response.headers.location).toBeUndefined();
    expect(response.body).toContain('invalid_redirect_uri');
  });

  it('signs out through RP-initiated logout and asks for the password again afterwards', async () => {
    const { tokens, browser } = await signIn();
    // While the session lives, a new authorization needs no password (single sign-on).
    const sso = await authorize(browser);
    expect(sso.callback.searchParams.get('code')).toBeTruthy();
    const end = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token as string,
      post_logout_redirect_uri: 'http://localhost:3001/',
    });
    const confirm = await browser.follow(await browser.get(end.pathname + end.search));
    expect(confirm.body).toContain('Me déconnecter');
    const action = /action="([^"]+)"/.exec(confirm.body)?.[1] as string;
    const done = await browser.post(new URL(action).pathname, {
      xsrf: hiddenField(confirm.body, 'xsrf'),
      logout: 'yes',
    });
    expect(done.headers.location).toBe('http://localhost:3001/');
    const after = await browser.follow(
      await browser.get(
        client
          .buildAuthorizationUrl(config, {
            redirect_uri: portalRedirectUri,
            scope: 'openid',
            code_challenge: await client.calculatePKCECodeChallenge(
              client.randomPKCECodeVerifier(),
            ),
            code_challenge_method: 'S256',
          })
          .search.replace(/^/, '/oidc/auth'),
      ),
    );
    expect(after.body).toContain('Mot de passe');
  });
});
