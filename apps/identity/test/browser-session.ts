/**
 * A minimal browser for `inject()` tests: a cookie jar, form posts, and redirects followed
 * within the identity origin (a redirect elsewhere, to a client, is returned, not followed).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class BrowserSession {
  /** Cookies with Path=/ (every Sesame cookie), by name. */
  readonly cookies = new Map<string, string>();
  /**
   * Cookies scoped to a narrower path (oidc-provider's interaction cookies), by path and name,
   * sent only under their path — as a browser does, so that two tabs' interactions coexist.
   */
  readonly scopedCookies = new Map<string, { name: string; path: string; value: string }>();
  private readonly app: FastifyInstance;
  private readonly origin: string;
  readonly headers: Record<string, string>;
  constructor(app: FastifyInstance, origin: string, headers: Record<string, string> = {}) {
    this.app = app;
    this.origin = origin;
    this.headers = headers;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.request('GET', url);
  }

  async post(url: string, form: Record<string, string>, extraHeaders: Record<string, string> = {}) {
    return this.request('POST', url, new URLSearchParams(form).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      origin: this.origin,
      ...extraHeaders,
    });
  }

  /** Follow redirects while they stay on the identity server; return the last response. */
  async follow(response: LightMyRequestResponse, max = 10): Promise<LightMyRequestResponse> {
    let current = response;
    for (let i = 0; i < max && current.statusCode >= 300 && current.statusCode < 400; i += 1) {
      const location = new URL(String(current.headers.location), this.origin);
      if (location.origin !== this.origin) return current;
      current = await this.get(location.pathname + location.search);
    }
    return current;
  }

  /** The Cookie header this browser sends to `url` (path-scoped cookies first, as browsers do). */
  cookieHeader(url: string): string {
    const pathname = new URL(url, this.origin).pathname;
    const scoped = [...this.scopedCookies.values()]
      .filter((c) => pathname === c.path || pathname.startsWith(`${c.path.replace(/\/$/, '')}/`))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`);
    return [...scoped, ...[...this.cookies].map(([k, v]) => `${k}=${v}`)].join('; ');
  }

  async request(
    method: 'GET' | 'POST',
    url: string,
    payload?: string,
    extra: Record<string, string> = {},
  ) {
    const cookie = this.cookieHeader(url);
    const response = await this.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload }),
      headers: {
        accept: 'text/html',
        host: new URL(this.origin).host,
        ...this.headers,
        ...extra,
        ...(cookie ? { cookie } : {}),
      },
    });
    for (const c of response.cookies as Array<{
      name: string;
      value: string;
      path?: string;
      maxAge?: number;
      expires?: Date;
    }>) {
      const expired =
        c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
      const path = c.path ?? '/';
      if (path !== '/') {
        const key = `${path} ${c.name}`;
        if (expired || c.value === '') this.scopedCookies.delete(key);
        else this.scopedCookies.set(key, { name: c.name, path, value: c.value });
      } else if (expired || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }
}

export function hiddenField(html: string, name: string): string {
  const match =
    new RegExp(`name="${name}" value="([^"]*)"`).exec(html) ??
    new RegExp(`value="([^"]*)" name="${name}"`).exec(html);
  if (!match?.[1]) throw new Error(`no hidden field ${name}`);
  return match[1];
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export const portalRedirectUri = 'http://localhost:3001/callback';

export function authorizeUrl(params: Record<string, string> = {}): {
  url: string;
  verifier: string;
} {
  const { verifier, challenge } = pkcePair();
  const query = new URLSearchParams({
    client_id: 'espace-client',
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: portalRedirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    ...params,
  });
  return { url: `/oidc/auth?${query}`, verifier };
}

/** Start an authorization request and land on the sign-in page. */
export async function openSignIn(browser: BrowserSession, params: Record<string, string> = {}) {
  const { url, verifier } = authorizeUrl(params);
  const page = await browser.follow(await browser.get(url));
  const action = /action="([^"]+\/login)"/.exec(page.body)?.[1];
  if (page.statusCode !== 200 || action === undefined)
    throw new Error(`no sign-in page: ${page.statusCode} ${page.body.slice(0, 300)}`);
  return { page, action, csrf: hiddenField(page.body, 'csrf'), verifier };
}

/** Sign in with a password; returns the response after following redirects on the identity server. */
export async function signIn(
  browser: BrowserSession,
  username: string,
  password: string,
  params: Record<string, string> = {},
) {
  const { action, csrf, verifier } = await openSignIn(browser, params);
  const response = await browser.post(action, { csrf, username, password });
  return { response: await browser.follow(response), verifier };
}
