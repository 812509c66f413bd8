/**
 * G-26 for oidc-provider's cookies, as for Sesame's own: Secure, HttpOnly, SameSite=Lax and a
 * prefix — `__Host-` for the session cookie (Path=/), `__Secure-` for the interaction and resume
 * cookies, which oidc-provider scopes to one interaction's path so that two sign-ins started in
 * one browser each keep their own (G-45). Secure follows the public URL, also when a TLS proxy
 * forwards the request over plain HTTP and no proxy is trusted. Both backends.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { authorizeUrl, BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { gotCode } from '../../test/sign-in-kit.ts';
import { providerCookieNames } from './provider-cookies.ts';

const password = 'marée haute 2031';

type SetCookie = {
  name: string;
  value: string;
  path?: string;
  domain?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: string;
};

describe.each(testBackends())("oidc-provider's cookies (%s)", (backend) => {
  let t: TestApp;
  afterEach(() => t.close());

  async function app(env: Record<string, string> = {}): Promise<TestApp> {
    t = await buildTestApp(backend, env);
    await t.createUser({ username: 'odile', password });
    return t;
  }

  /** A sign-in from authorization to code; every cookie oidc-provider set on the way. */
  async function signInCookies(browser: BrowserSession) {
    const set: SetCookie[] = [];
    const seen = <R extends { cookies: unknown[] }>(response: R): R => {
      set.push(...(response.cookies as SetCookie[]));
      return response;
    };
    const started = seen(await browser.get(authorizeUrl().url));
    const uid = /^\/interaction\/([^/?]+)/.exec(String(started.headers.location))?.[1] ?? '';
    const page = seen(await browser.get(`/interaction/${uid}`));
    const posted = seen(
      await browser.post(`/interaction/${uid}/login`, {
        csrf: hiddenField(page.body, 'csrf'),
        username: 'odile',
        password,
      }),
    );
    const done = seen(await browser.get(String(posted.headers.location)));
    expect(gotCode(done)).toBe(true);
    const fromProvider = set.filter((c) => !c.name.includes('sesame-flow'));
    return { uid, cookies: fromProvider };
  }

  function expectPrefixedAndSecure(
    cookies: SetCookie[],
    uid: string,
    names = providerCookieNames('https://x'),
  ) {
    const named = (name: string) => cookies.filter((c) => c.name.replace(/\.sig$/, '') === name);
    expect(named(names.session).length).toBeGreaterThan(0);
    expect(named(names.interaction).length).toBeGreaterThan(0);
    expect(named(names.resume).length).toBeGreaterThan(0);
    for (const c of cookies) {
      expect(c.name).toMatch(/^__(Host|Secure)-/);
      expect(c).toMatchObject({ secure: true, httpOnly: true });
      expect(c.sameSite?.toLowerCase()).toBe('lax');
      expect(c.domain).toBeUndefined();
      // `__Host-` requires Path=/; the interaction's own cookies stay on its paths.
      if (c.name.startsWith('__Host-')) expect(c.path).toBe('/');
    }
    for (const c of named(names.interaction)) expect(c.path).toBe(`/interaction/${uid}`);
    for (const c of named(names.resume)) expect(c.path).toBe(`/oidc/auth/${uid}`);
  }

  it('prefixes every cookie and sets Secure, HttpOnly, SameSite=Lax (localhost)', async () => {
    await app();
    const { uid, cookies } = await signInCookies(new BrowserSession(t.app, t.config.publicUrl));
    expect(providerCookieNames(t.config.publicUrl)).toEqual({
      session: '__Host-sesame-session',
      interaction: '__Secure-sesame-interaction',
      resume: '__Secure-sesame-resume',
    });
    expectPrefixedAndSecure(cookies, uid);
  });

  it('keeps Secure behind a TLS proxy that forwards plain HTTP, with no proxy trusted', async () => {
    await app({ SESAME_PUBLIC_URL: 'https://sesame.example' });
    // inject() is plain HTTP, as from the proxy; the Host header is the public one.
    const browser = new BrowserSession(t.app, 'https://sesame.example', {
      'x-forwarded-proto': 'http',
    });
    const { uid, cookies } = await signInCookies(browser);
    expectPrefixedAndSecure(cookies, uid);

    // Its endpoints are the public https ones, not what the request looked like.
    const discovery = (await browser.get('/oidc/.well-known/openid-configuration')).json();
    expect(discovery).toMatchObject({
      issuer: 'https://sesame.example/oidc',
      authorization_endpoint: 'https://sesame.example/oidc/auth',
      token_endpoint: 'https://sesame.example/oidc/token',
      end_session_endpoint: 'https://sesame.example/oidc/session/end',
    });
  });

  it('sets plain cookies, without Secure, when the public URL is plain HTTP elsewhere than localhost', async () => {
    await app({ SESAME_PUBLIC_URL: 'http://sesame.test' });
    const { cookies } = await signInCookies(new BrowserSession(t.app, 'http://sesame.test'));
    expect(cookies.map((c) => c.name.replace(/\.sig$/, ''))).toContain('sesame-session');
    for (const c of cookies) expect(c.secure).toBeFalsy();
  });

  it('keeps two interactions started in one browser apart: each page resolves its own', async () => {
    await app();
    // One browser's cookie jar, sending a cookie only under its path, as browsers do.
    const jar = new Map<string, SetCookie>();
    const get = async (url: string) => {
      const path = new URL(url, t.config.publicUrl).pathname;
      const cookie = [...jar.values()]
        .filter((c) => c.path === '/' || path === c.path || path.startsWith(`${c.path}/`))
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      for (const c of response.cookies as SetCookie[]) jar.set(`${c.path} ${c.name}`, c);
      return response;
    };
    const uids: string[] = [];
    for (const _tab of ['first tab', 'second tab']) {
      const started = await get(authorizeUrl().url);
      uids.push(/^\/interaction\/([^/?]+)/.exec(String(started.headers.location))?.[1] ?? '');
    }
    expect(new Set(uids).size).toBe(2);
    // One cookie name, one cookie per interaction path.
    const interactionCookies = [...jar.values()].filter(
      (c) => c.name === '__Secure-sesame-interaction',
    );
    expect(interactionCookies.map((c) => c.path).sort()).toEqual(
      uids.map((uid) => `/interaction/${uid}`).sort(),
    );
    // Each page shows its own interaction's form, in either order.
    const [first, second] = uids as [string, string];
    for (const uid of [first, second, second, first]) {
      const page = await get(`/interaction/${uid}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`action="/interaction/${uid}/login"`);
    }
  });
});
