/**
 * One complete sign-in through the real HTTP flow, as a browser and the portal would make it:
 * GET /oidc/auth (PKCE S256, state, nonce) → sign-in page → POST the form → redirect with the
 * code → POST /oidc/token (client_secret_basic) → an id_token bound to our nonce.
 * Each sign-in has its own cookie jar; redirects are followed by hand (`redirect: 'manual'`).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface OidcClient {
  /** Identity origin, e.g. http://localhost:4100 (also the Origin of the form post). */
  origin: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface Credentials {
  username: string;
  password: string;
}

/** Request label (method and path, uid elided) → durations in ms, filled by each sign-in. */
export type StepTimes = Map<string, number[]>;

const requestTimeoutMs = 30_000;

export async function signInOverHttp(
  client: OidcClient,
  credentials: Credentials,
  steps?: StepTimes,
): Promise<void> {
  const browser = new Browser(client.origin, steps);
  const request = authorizationRequest(client);
  const form = await openSignInPage(browser, request.url);
  const code = await submitPassword(browser, client, { ...form, ...credentials }, request.state);
  const idToken = await redeemCode(browser, client, code, request.verifier);
  if (idTokenNonce(idToken) !== request.nonce) throw new Error('token: id_token nonce mismatch');
}

/** What the portal sends the browser to: code flow, PKCE S256, a fresh state and nonce. */
function authorizationRequest(client: OidcClient) {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');
  const url = new URL('/oidc/auth', client.origin);
  url.search = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: client.redirectUri,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
    nonce,
  }).toString();
  return { url, verifier, state, nonce };
}

/** Follow /oidc/auth to the sign-in page; return its form's action and CSRF token. */
async function openSignInPage(browser: Browser, authorizeUrl: URL) {
  const page = await browser.follow(await browser.request('GET', authorizeUrl));
  const action = /action="([^"]+\/login)"/.exec(page.text)?.[1];
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1];
  if (page.status !== 200 || action === undefined || csrf === undefined)
    throw new Error(`sign-in page: HTTP ${page.status}, no form`);
  return { action, csrf };
}

/** POST the form, follow the identity server's redirects to the client's callback: the code. */
async function submitPassword(
  browser: Browser,
  client: OidcClient,
  form: { action: string; csrf: string; username: string; password: string },
  state: string,
): Promise<string> {
  const { action, ...fields } = form;
  const login = await browser.request(
    'POST',
    new URL(action, client.origin),
    new URLSearchParams(fields),
    {
      origin: client.origin,
    },
  );
  if (login.status !== 303) throw new Error(`password: HTTP ${login.status}, expected 303`);
  const callback = new URL(redirectTarget(await browser.follow(login)));
  const code = callback.searchParams.get('code');
  if (callback.href.split('?')[0] !== client.redirectUri || code === null)
    throw new Error(`callback: no code (${callback.searchParams.get('error') ?? 'no error'})`);
  if (callback.searchParams.get('state') !== state) throw new Error('callback: state mismatch');
  return code;
}

/** The portal's back-channel call: code + verifier, client_secret_basic → the id_token. */
async function redeemCode(browser: Browser, client: OidcClient, code: string, verifier: string) {
  const basic = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: client.redirectUri,
    code_verifier: verifier,
  });
  const token = await browser.request('POST', new URL('/oidc/token', client.origin), body, {
    accept: 'application/json',
    authorization: `Basic ${Buffer.from(basic).toString('base64')}`,
  });
  if (token.status !== 200)
    throw new Error(`token: HTTP ${token.status} ${token.text.slice(0, 200)}`);
  const json = JSON.parse(token.text) as { id_token?: unknown };
  if (typeof json.id_token !== 'string') throw new Error('token: no id_token');
  return json.id_token;
}

/** The nonce claim of a compact JWS (the signature is the portal's to check, not the bench's). */
function idTokenNonce(jwt: string): unknown {
  const payload = jwt.split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { nonce?: unknown })
    .nonce;
}

interface Reply {
  status: number;
  location: string | null;
  text: string;
}

function redirectTarget(reply: Reply): string {
  if (reply.location === null) throw new Error(`expected a redirect, got HTTP ${reply.status}`);
  return reply.location;
}

/** A cookie jar and a timer around `fetch`; follows redirects only within the identity origin. */
class Browser {
  private readonly cookies = new Map<string, string>();
  private readonly origin: string;
  private readonly steps: StepTimes | undefined;
  constructor(origin: string, steps: StepTimes | undefined) {
    this.origin = origin;
    this.steps = steps;
  }

  async request(
    method: 'GET' | 'POST',
    url: URL,
    body?: URLSearchParams,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const started = performance.now();
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      signal: AbortSignal.timeout(requestTimeoutMs),
      headers: {
        accept: 'text/html',
        ...(cookie === '' ? {} : { cookie }),
        ...headers,
      },
      ...(body === undefined ? {} : { body }),
    });
    this.store(response.headers.getSetCookie());
    // Read the whole body before stopping the clock (and so the connection is reused).
    const text = await response.text();
    this.record(`${method} ${stepPath(url)}`, performance.now() - started);
    return { status: response.status, location: response.headers.get('location'), text };
  }

  /** Follow 3xx responses while they point at the identity origin; return the last response. */
  async follow(reply: Reply): Promise<Reply> {
    let current = reply;
    for (let hop = 0; hop < 10 && current.status >= 300 && current.status < 400; hop += 1) {
      const location = new URL(redirectTarget(current), this.origin);
      if (location.origin !== this.origin) return current;
      current = await this.request('GET', location);
    }
    return current;
  }

  private store(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', val = ''] = attribute.trim().split('=');
        if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(val) < Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private record(step: string, ms: number) {
    if (this.steps === undefined) return;
    const list = this.steps.get(step) ?? [];
    list.push(ms);
    this.steps.set(step, list);
  }
}

/** `/interaction/Ab3…/login` → `/interaction/:uid/login`, so that steps group across sign-ins. */
function stepPath(url: URL): string {
  return url.pathname.replace(/^(\/interaction|\/oidc\/auth)\/[^/]+/, '$1/:uid');
}
