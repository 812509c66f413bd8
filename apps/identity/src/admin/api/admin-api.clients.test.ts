/**
 * The admin API's client applications, as a program with a `clients:manage` token meets them and
 * as the registered application then meets Sesame over real HTTP (openid-client): registered,
 * it signs in; its redirect URIs edited, the old one is refused; its secret renewed, the old one
 * is refused at the token endpoint; removed, it is refused. The configuration's are read only.
 * Without the scope: 403 (admin-api.every-route-guarded.test.ts walks every route). Both backends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, makeApiTokenInConsole } from '../../../test/api-token-kit.ts';
import { BrowserSession } from '../../../test/browser-session.ts';
import { testBackends } from '../../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../../test/console-kit.ts';
import { listenTestApp } from '../../../test/listen-test-app.ts';
import {
  discoverClient,
  redeem,
  signInToClient,
  startAuthorization,
} from '../../../test/relying-party-kit.ts';

const callback = 'https://courtage.example/callback';
const clientRefused = { status: 401, cause: [{ parameters: { error: 'invalid_client' } }] };

describe.each(testBackends())('client applications through the admin API (%s)', (backend) => {
  let t: Awaited<ReturnType<typeof listenTestApp>>;
  let token: string;
  let tokenId: string;
  const mathieu = { username: 'mathieu', password: 'érable sucré 1987' };

  beforeAll(async () => {
    t = await listenTestApp(backend);
    const admin = await consoleUser(t, 'ariane', 'admin');
    const console = (await signInToConsole(t, admin)).browser;
    token = await makeApiTokenInConsole(t, console, ['clients:manage'], { name: 'déploiement' });
    tokenId = (await t.db.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow()).id;
    await t.createUser(mathieu);
  });
  afterAll(() => t.close());

  async function register(body: object) {
    const response = await callApi(t, token, 'POST', '/admin/api/clients', body);
    return {
      response,
      ...(response.json() as { client: { clientId: string }; clientSecret: string }),
    };
  }

  it('registers an application that signs a user in; lists it beside the configuration’s', async () => {
    const made = await register({ name: 'Courtage', redirectUris: [callback] });
    expect(made.response.statusCode).toBe(201);
    expect(made.client).toMatchObject({
      name: 'Courtage',
      redirectUris: [callback],
      postLogoutRedirectUris: [],
      twoFactorsRequired: false,
      requiredAcr: null,
      source: 'database',
      createdBy: `api:${tokenId}`,
    });
    const config = await discoverClient(t, made.client.clientId, made.clientSecret);
    const tokens = await redeem(config, await signInToClient(t, config, callback, mathieu));
    expect(tokens.claims()?.aud).toBe(made.client.clientId);

    const list = (await callApi(t, token, 'GET', '/admin/api/clients')).json() as {
      clients: Array<{ clientId: string; source: string; requiredAcr: string | null }>;
    };
    expect(list.clients.map((c) => [c.clientId, c.source])).toEqual(
      expect.arrayContaining([
        [made.client.clientId, 'database'],
        ['espace-client', 'configuration'],
        ['sesame-console', 'configuration'],
      ]),
    );
    expect(list.clients.find((c) => c.clientId === 'sesame-console')?.requiredAcr).toBe(
      'urn:sesame:loa:2fa',
    );
    const one = await callApi(t, token, 'GET', `/admin/api/clients/${made.client.clientId}`);
    expect(one.json()).toMatchObject({ clientId: made.client.clientId, name: 'Courtage' });
  });

  it('describes its routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/admin/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/admin/api/clients/{id}'] ?? {}).sort()).toEqual([
      'delete',
      'get',
      'patch',
      'put',
    ]);
    expect(doc.paths['/admin/api/clients/{id}/secret']).toHaveProperty('post');
  });

  it('refuses URIs that are not https (but loopback), or have a fragment', async () => {
    for (const uri of ['http://courtage.example/cb', 'https://courtage.example/cb#x', 'cb']) {
      const refused = await register({ name: 'Refusée', redirectUris: [uri] });
      expect(refused.response.statusCode, uri).toBe(400);
      expect(refused.response.json(), uri).toMatchObject({ error: 'clients.invalid_metadata' });
    }
    const missing = await callApi(t, token, 'POST', '/admin/api/clients', { name: 'Sans URI' });
    expect(missing.statusCode).toBe(400);
  });

  it('an edit holds at once; a renewed secret refuses the old one; a removal refuses all', async () => {
    const made = await register({ name: 'Assurances', redirectUris: [callback] });
    const path = `/admin/api/clients/${made.client.clientId}`;
    const oldConfig = await discoverClient(t, made.client.clientId, made.clientSecret);

    const patched = await callApi(t, token, 'PATCH', path, {
      redirectUris: ['https://assurances.example/retour'],
      twoFactorsRequired: true,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Assurances',
      requiredAcr: 'urn:sesame:loa:2fa',
    });
    const old = await startAuthorization(new BrowserSession(t.app, t.url), oldConfig, callback);
    expect(old.response.statusCode).toBe(400);
    expect(old.response.body).toContain('invalid_redirect_uri');
    const put = await callApi(t, token, 'PUT', path, {
      name: 'Assurances auto',
      redirectUris: [callback],
    });
    expect(put.json()).toMatchObject({ name: 'Assurances auto', twoFactorsRequired: false });

    const renewed = await callApi(t, token, 'POST', `${path}/secret`);
    expect(renewed.statusCode).toBe(200);
    const { clientSecret } = renewed.json() as { clientSecret: string };
    const signedIn = await signInToClient(t, oldConfig, callback, mathieu);
    await expect(redeem(oldConfig, signedIn)).rejects.toMatchObject(clientRefused);
    const newConfig = await discoverClient(t, made.client.clientId, clientSecret);
    expect((await redeem(newConfig, signedIn)).claims()?.aud).toBe(made.client.clientId);

    const pending = await signInToClient(t, newConfig, callback, mathieu);
    expect((await callApi(t, token, 'DELETE', path)).statusCode).toBe(204);
    expect((await callApi(t, token, 'GET', path)).statusCode).toBe(404);
    expect((await callApi(t, token, 'DELETE', path)).statusCode).toBe(404);
    await expect(redeem(newConfig, pending)).rejects.toMatchObject(clientRefused);
    const types = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor'])
      .where('client_id', '=', made.client.clientId)
      .where('type', 'like', 'client.%')
      .orderBy('id')
      .execute();
    expect(types).toEqual(
      [
        'client.registered',
        'client.updated',
        'client.updated',
        'client.secret_rotated',
        'client.removed',
      ].map((type) => ({ type, actor: `api:${tokenId}` })),
    );
  });

  it('leaves the configuration’s applications alone', async () => {
    for (const [method, url] of [
      ['PATCH', '/admin/api/clients/espace-client'],
      ['POST', '/admin/api/clients/sesame-console/secret'],
      ['DELETE', '/admin/api/clients/espace-client'],
    ] as const) {
      const response = await callApi(
        t,
        token,
        method,
        url,
        method === 'PATCH' ? { name: 'x' } : undefined,
      );
      expect(response.statusCode, url).toBe(409);
    }
  });

  it('refuses a token without clients:manage', async () => {
    const admin = await consoleUser(t, 'benoit', 'admin');
    const console = (await signInToConsole(t, admin)).browser;
    const usersOnly = await makeApiTokenInConsole(t, console, ['users:manage', 'users:read']);
    const response = await callApi(t, usersOnly, 'POST', '/admin/api/clients', {
      name: 'Intrus',
      redirectUris: [callback],
    });
    expect(response.statusCode).toBe(403);
    const stored = await t.db.selectFrom('client_applications').select('name').execute();
    expect(stored.map((row) => row.name)).not.toContain('Intrus');
  });
});
