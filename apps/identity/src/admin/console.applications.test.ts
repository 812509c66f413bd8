/**
 * « Applications » in the console, as an administrator meets it and as the registered
 * application meets it over real HTTP (openid-client): registered in the console, it signs a user
 * in through Sesame and gets an ID token; a renewed secret refuses the old one at the token
 * endpoint at once; an edited redirect URI holds at once; a removed application is refused; one
 * that requires two factors gets acr 2fa whatever it asks. Refusals of the help desk, of a client
 * and of a form without the console's token: console.every-route-guarded.test.ts walks these
 * routes too. Both backends.
 */
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { type ConsoleUser, consoleUser, signInToConsole } from '../../test/console-kit.ts';
import { listenTestApp } from '../../test/listen-test-app.ts';
import { enrollOtherApp, finishEnrollment, interactionPath } from '../../test/mfa-kit.ts';
import {
  discoverClient,
  redeem,
  type SigningInUser,
  signInToClient,
  startAuthorization,
} from '../../test/relying-party-kit.ts';

const callback = 'http://localhost:4100/callback';
const loopbackCallback = 'http://127.0.0.1:4100/cb';
/** What openid-client throws when the token endpoint refuses the client (RFC 6749 §5.2). */
/** The Espace client's sign-in start (the configuration's application). */
const portalStart = 'http://localhost:3001/login';
const clientRefused = { status: 401, cause: [{ parameters: { error: 'invalid_client' } }] };

describe.each(testBackends())('client applications in the console (%s)', (backend) => {
  let t: Awaited<ReturnType<typeof listenTestApp>>;
  let admin: ConsoleUser;
  let adminBrowser: BrowserSession;
  let lucie: ConsoleUser;
  const mathieu: SigningInUser = { username: 'mathieu', password: 'érable sucré 1987' };

  beforeAll(async () => {
    t = await listenTestApp(backend);
    admin = await consoleUser(t, 'ariane', 'admin');
    adminBrowser = (await signInToConsole(t, admin, '/admin/applications')).browser;
    // A client of the organization with an authenticator app, and one with a password only.
    lucie = await consoleUser(t, 'lucie', null);
    await t.createUser({ ...mathieu, name: 'Mathieu Gagnon' });
  });
  afterAll(() => t.close());

  const csrfOf = async (path: string) => hiddenField((await adminBrowser.get(path)).body, 'csrf');

  async function register(fields: Record<string, string>) {
    const csrf = await csrfOf('/admin/applications/new');
    const page = await adminBrowser.post('/admin/applications/new', { csrf, ...fields });
    const clientId = /data-testid="client-id">([^<]+)</.exec(page.body)?.[1];
    const secret = /data-testid="client-secret">([^<]+)</.exec(page.body)?.[1];
    return { page, clientId: clientId as string, secret: secret as string };
  }

  const brokers = {
    name: 'Portail des courtiers',
    redirectUris: `${callback}\n${loopbackCallback}\n`,
    postLogoutRedirectUris: 'http://localhost:4100/',
  };

  it('registers an application that then signs a user in and gets an ID token', async () => {
    const made = await register(brokers);
    expect(made.page.statusCode).toBe(200);
    expect(made.page.body).toContain('n’est affiché qu’une fois');
    expect(made.clientId).toMatch(/^app-/);
    expect(made.secret.length).toBeGreaterThanOrEqual(43);
    // Listed beside the configuration's, which are read only.
    const list = await adminBrowser.get('/admin/applications');
    expect(list.body).toContain('Portail des courtiers');
    expect(list.body).toContain('espace-client');
    expect(list.body).toContain('Configuration (lecture seule)');
    // The secret is kept sealed, never as given.
    const stored = await t.db
      .selectFrom('client_applications')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(made.secret);

    const config = await discoverClient(t, made.clientId, made.secret);
    for (const redirectUri of [callback, loopbackCallback]) {
      const signedIn = await signInToClient(t, config, redirectUri, mathieu);
      expect(signedIn.callback.origin + signedIn.callback.pathname).toBe(redirectUri);
      const tokens = await redeem(config, signedIn);
      expect(tokens.claims()).toMatchObject({
        aud: made.clientId,
        name: 'Mathieu Gagnon',
        acr: 'urn:sesame:loa:1fa',
      });
    }
    // RP-initiated logout back to its post-logout URI.
    const signedIn = await signInToClient(t, config, callback, mathieu);
    const { id_token } = await redeem(config, signedIn);
    const end = client.buildEndSessionUrl(config, {
      id_token_hint: id_token as string,
      post_logout_redirect_uri: 'http://localhost:4100/',
    });
    const browser = signedIn.browser;
    const confirm = await browser.follow(await browser.get(end.pathname + end.search));
    const action = /action="([^"]+)"/.exec(confirm.body)?.[1] as string;
    const done = await browser.post(new URL(action).pathname, {
      xsrf: hiddenField(confirm.body, 'xsrf'),
      logout: 'yes',
    });
    expect(done.headers.location).toBe('http://localhost:4100/');

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['actor', 'client_id'])
      .where('type', '=', 'client.registered')
      .execute();
    expect(audit).toEqual([{ actor: `admin:${admin.accountId}`, client_id: made.clientId }]);
  });

  it('an expired sign-in page of the application sends back to it, not to the Espace client', async () => {
    const made = await register({ ...brokers, name: 'Expirée' });
    const config = await discoverClient(t, made.clientId, made.secret);
    const browser = new BrowserSession(t.app, t.url);
    const { response } = await startAuthorization(browser, config, callback);
    const login = /action="([^"]+\/login)"/.exec(response.body)?.[1] as string;
    // The page's own flow is gone (its cookie lost): the page has expired.
    for (const [key, cookie] of browser.scopedCookies)
      if (cookie.name.includes('sesame-flow')) browser.scopedCookies.delete(key);
    const expired = await browser.post(login, {
      csrf: hiddenField(response.body, 'csrf'),
      username: mathieu.username,
      password: mathieu.password,
    });
    expect(expired.body).toContain('Votre page de connexion a expiré.');
    expect(expired.body).not.toContain(portalStart);
  });

  it('refuses redirect URIs that are not absolute https (or loopback http), or have a fragment', async () => {
    for (const [uri, said] of [
      ['http://broker.example/callback', 'Seules les adresses https'],
      ['https://broker.example/callback#top', 'fragment'],
      ['/callback', 'adresse complète'],
      ['https://user:pass@broker.example/cb', 'mot de passe'],
    ] as const) {
      const refused = await register({ ...brokers, name: 'Refusée', redirectUris: uri });
      expect(refused.page.statusCode, uri).toBe(400);
      expect(refused.page.body, uri).toContain(said);
      // What was typed is kept in the form.
      expect(refused.page.body, uri).toContain('Refusée');
    }
    const named = await t.db
      .selectFrom('client_applications')
      .select('name')
      .where('name', '=', 'Refusée')
      .execute();
    expect(named).toEqual([]);
  });

  it('renews the secret: the old one is refused at the token endpoint, the new one accepted', async () => {
    const made = await register({ ...brokers, name: 'Courtage' });
    const oldConfig = await discoverClient(t, made.clientId, made.secret);
    const path = `/admin/applications/${made.clientId}`;
    const renewed = await adminBrowser.post(`${path}/secret`, { csrf: await csrfOf(path) });
    expect(renewed.statusCode).toBe(200);
    const secret = /data-testid="client-secret">([^<]+)</.exec(renewed.body)?.[1] as string;
    expect(secret).not.toBe(made.secret);

    const signedIn = await signInToClient(t, oldConfig, callback, mathieu);
    await expect(redeem(oldConfig, signedIn)).rejects.toMatchObject(clientRefused);
    const newConfig = await discoverClient(t, made.clientId, secret);
    const tokens = await redeem(newConfig, signedIn);
    expect(tokens.claims()?.aud).toBe(made.clientId);
  });

  it('an edited redirect URI holds at once: the old one is refused', async () => {
    const made = await register({ ...brokers, name: 'Assurances' });
    const config = await discoverClient(t, made.clientId, made.secret);
    const path = `/admin/applications/${made.clientId}`;
    const saved = await adminBrowser.post(path, {
      csrf: await csrfOf(path),
      name: 'Assurances auto',
      redirectUris: 'https://assurances.example/retour',
      postLogoutRedirectUris: '',
    });
    expect(saved.statusCode).toBe(303);
    const page = await adminBrowser.get(String(saved.headers.location));
    expect(page.body).toContain('Assurances auto');
    expect(page.body).toContain('https://assurances.example/retour');

    const before = await startAuthorization(new BrowserSession(t.app, t.url), config, callback);
    expect(before.response.statusCode).toBe(400);
    expect(before.response.body).toContain('invalid_redirect_uri');
    const signedIn = await signInToClient(t, config, 'https://assurances.example/retour', mathieu);
    expect(signedIn.callback.searchParams.get('code')).toBeTruthy();
    // The sign-in page names the application by its new name.
    const started = await startAuthorization(
      new BrowserSession(t.app, t.url),
      config,
      'https://assurances.example/retour',
    );
    expect(started.response.body).toContain('Assurances auto');
  });

  it('a removed application is refused: its sign-in, its code and its tokens', async () => {
    const made = await register({ ...brokers, name: 'Éphémère' });
    const config = await discoverClient(t, made.clientId, made.secret);
    const tokens = await redeem(config, await signInToClient(t, config, callback, mathieu));
    const pending = await signInToClient(t, config, callback, mathieu);
    const path = `/admin/applications/${made.clientId}`;
    const removed = await adminBrowser.post(`${path}/delete`, { csrf: await csrfOf(path) });
    expect(removed.statusCode).toBe(303);
    expect((await adminBrowser.get(String(removed.headers.location))).body).toContain(
      'L’application est supprimée.',
    );

    const again = await startAuthorization(new BrowserSession(t.app, t.url), config, callback);
    expect(again.response.statusCode).toBe(400);
    expect(again.response.body).toContain('invalid_client');
    await expect(redeem(config, pending)).rejects.toMatchObject(clientRefused);
    const sub = tokens.claims()?.sub as string;
    await expect(client.fetchUserInfo(config, tokens.access_token, sub)).rejects.toMatchObject({
      status: 401,
      cause: [{ parameters: { error: 'invalid_token' } }],
    });
    // Its page is gone too: an old link leads back to the list.
    expect((await adminBrowser.get(path)).headers.location).toBe('/admin/applications');
  });

  it('an application that requires two factors gets acr 2fa, whatever it asks', async () => {
    const made = await register({ ...brokers, name: 'Virements', twoFactorsRequired: 'on' });
    const list = await adminBrowser.get('/admin/applications');
    expect(list.body).toMatch(/Virements[\s\S]*Deux facteurs, toujours :[\s\S]*urn:sesame:loa:2fa/);
    const config = await discoverClient(t, made.clientId, made.secret);
    const tokens = await redeem(config, await signInToClient(t, config, callback, lucie));
    expect(tokens.claims()).toMatchObject({ acr: 'urn:sesame:loa:2fa', amr: ['pwd', 'otp'] });

    // A browser signed in with one factor (another application) that asks for one factor only
    // is not let through: it signs in again, and an account without a method enrolls one.
    const gabriel = { username: 'gabriel', password: 'boulevard Laurier 2230 Québec' };
    await t.createUser(gabriel);
    const brokersApp = await register({ ...brokers, name: 'Courtiers bis' });
    const brokersConfig = await discoverClient(t, brokersApp.clientId, brokersApp.secret);
    const browser = new BrowserSession(t.app, t.url);
    const oneFactor = await signInToClient(t, brokersConfig, callback, gabriel, {}, browser);
    expect((await redeem(brokersConfig, oneFactor)).claims()?.acr).toBe('urn:sesame:loa:1fa');
    const started = await startAuthorization(browser, config, callback, {
      acr_values: 'urn:sesame:loa:1fa',
    });
    const login = /action="([^"]+\/login)"/.exec(started.response.body)?.[1] as string;
    expect(login).toBeDefined();
    const afterPassword = await browser.post(login, {
      csrf: hiddenField(started.response.body, 'csrf'),
      ...gabriel,
    });
    const base = interactionPath(afterPassword.headers.location);
    await enrollOtherApp(t, browser, base);
    const back = await finishEnrollment(browser, base);
    const signedIn = { ...started, callback: new URL(String(back.headers.location)) };
    expect((await redeem(config, signedIn)).claims()).toMatchObject({
      acr: 'urn:sesame:loa:2fa',
      amr: ['pwd', 'otp'],
    });
  });

  it('records each change with the administrator as its actor', async () => {
    const types = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor'])
      .where('type', 'like', 'client.%')
      .execute();
    expect(new Set(types.map((row) => row.type))).toEqual(
      new Set(['client.registered', 'client.updated', 'client.secret_rotated', 'client.removed']),
    );
    expect(new Set(types.map((row) => row.actor))).toEqual(new Set([`admin:${admin.accountId}`]));
    // The console's log says which application, by name.
    const log = await adminBrowser.get('/admin/audit');
    expect(log.body).toContain('client.removed</code> (Éphémère)');
    expect(log.body).toContain('client.secret_rotated</code> (Courtage)');
  });
});
