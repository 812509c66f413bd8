/**
 * A change to a client application holds at once on every identity node (ADR 0012): two
 * instances on one database, each having used the application already (so oidc-provider holds
 * it built), then the secret renewed, the redirect URIs edited, the application removed through
 * the other — and each refusal seen on the node that did not make the change. Both backends.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { cheapArgon2, testBackends } from '../../test/build-test-app.ts';
import { listenTestApp } from '../../test/listen-test-app.ts';
import {
  discoverClient,
  signInToClient,
  startAuthorization,
} from '../../test/relying-party-kit.ts';
import { basicAuth, tokenRequest } from '../../test/sign-in-kit.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { buildApp } from '../app.ts';
import { createSecretBox } from '../security/secret-box.ts';
import { editClientApplication } from './operations/edit-client-application.ts';
import { registerClientApplication } from './operations/register-client-application.ts';
import { removeClientApplication } from './operations/remove-client-application.ts';
import { rotateClientSecret } from './operations/rotate-client-secret.ts';

const callback = 'https://courtage.example/callback';

describe.each(testBackends())('client applications on every node (%s)', (backend) => {
  let t: Awaited<ReturnType<typeof listenTestApp>>;
  let other: FastifyInstance;
  let deps: Parameters<typeof registerClientApplication>[0];
  const user = { username: 'mathieu', password: 'érable sucré 1987' };
  const fields = {
    name: 'Courtage',
    redirectUris: [callback],
    postLogoutRedirectUris: [],
    twoFactorsRequired: false,
  };

  beforeAll(async () => {
    t = await listenTestApp(backend);
    other = await buildApp(t.config, {
      db: t.db,
      now: () => t.clock.now,
      argon2: cheapArgon2,
      logger: false,
    });
    deps = { db: t.db, now: () => t.clock.now, box: createSecretBox(t.config.secretKey) };
    await t.createUser(user);
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  /** A code from the first node, redeemed at the other's token endpoint with `secret`. */
  async function redeemAtOther(clientId: string, secret: string, current = secret) {
    const config = await discoverClient(t, clientId, current);
    const signedIn = await signInToClient(t, config, callback, user);
    const form = {
      grant_type: 'authorization_code',
      code: signedIn.callback.searchParams.get('code') as string,
      code_verifier: signedIn.verifier,
      redirect_uri: callback,
    };
    return tokenRequest(other, form, basicAuth(clientId, secret));
  }

  it('a renewed secret is refused by the other node at once', async () => {
    const made = await registerClientApplication(deps, cliActor, fields);
    expect((await redeemAtOther(made.clientId, made.clientSecret)).status).toBe(200);
    const secret = (await rotateClientSecret(deps, cliActor, made)) as string;
    const old = await redeemAtOther(made.clientId, made.clientSecret, secret);
    expect(old).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect((await redeemAtOther(made.clientId, secret)).status).toBe(200);
  });

  it('an edited redirect URI, and a removal, hold at once on the other node', async () => {
    const made = await registerClientApplication(deps, cliActor, fields);
    const config = await discoverClient(t, made.clientId, made.clientSecret);
    const atOther = async (redirectUri: string) => {
      const browser = new BrowserSession(other, t.url);
      return (await startAuthorization(browser, config, redirectUri)).response;
    };
    expect((await atOther(callback)).statusCode).toBe(200);
    const moved = {
      ...fields,
      clientId: made.clientId,
      redirectUris: ['https://courtage.example/retour'],
    };
    await editClientApplication(deps, cliActor, moved);
    const refused = await atOther(callback);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('invalid_redirect_uri');
    expect((await atOther('https://courtage.example/retour')).statusCode).toBe(200);

    await removeClientApplication(deps, cliActor, made);
    const gone = await atOther('https://courtage.example/retour');
    expect(gone.statusCode).toBe(400);
    expect(gone.body).toContain('invalid_client');
  });
});
