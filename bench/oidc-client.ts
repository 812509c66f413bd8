/**
 * The portal's side of a sign-in, as the bench plays it: the authorization request (code flow,
 * PKCE S256, state, nonce), the code read off the redirect to the callback, and the token request
 * (client_secret_basic) that must return an id_token bound to our nonce.
 */
import { createHash, randomBytes } from 'node:crypto';
import { type Browser, type Reply, redirectTarget } from './browser.ts';

export interface OidcClient {
  /** Identity origin, e.g. http://localhost:4100 (also the Origin of the form posts). */
  origin: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface AuthorizationRequest {
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

/** What the portal sends the browser to: code flow, PKCE S256, a fresh state and nonce. */
export function authorizationRequest(client: OidcClient): AuthorizationRequest {
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

/** The reply that left the identity server for the client's callback: its code, state checked. */
export function codeFromCallback(
  client: OidcClient,
  reply: Reply,
  request: AuthorizationRequest,
): string {
  if (reply.status < 300 || reply.status >= 400)
    throw new Error(`callback: HTTP ${reply.status} instead of the redirect to the client`);
  const callback = new URL(redirectTarget(reply));
  const code = callback.searchParams.get('code');
  if (callback.href.split('?')[0] !== client.redirectUri || code === null)
    throw new Error(`callback: no code (${callback.searchParams.get('error') ?? 'no error'})`);
  if (callback.searchParams.get('state') !== request.state)
    throw new Error('callback: state mismatch');
  return code;
}

/** The portal's back-channel call: code + verifier → an id_token carrying our nonce. */
export async function redeemCode(
  browser: Browser,
  client: OidcClient,
  code: string,
  request: AuthorizationRequest,
): Promise<{ amr: unknown }> {
  const basic = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: client.redirectUri,
    code_verifier: request.verifier,
  });
  const token = await browser.request('POST', new URL('/oidc/token', client.origin), body, {
    accept: 'application/json',
    authorization: `Basic ${Buffer.from(basic).toString('base64')}`,
  });
  if (token.status !== 200)
    throw new Error(`token: HTTP ${token.status} ${token.text.slice(0, 200)}`);
  const json = JSON.parse(token.text) as { id_token?: unknown };
  if (typeof json.id_token !== 'string') throw new Error('token: no id_token');
  const claims = jwtClaims(json.id_token);
  if (claims.nonce !== request.nonce) throw new Error('token: id_token nonce mismatch');
  return { amr: claims.amr };
}

/** The claims of a compact JWS (the signature is the portal's to check, not the bench's). */
function jwtClaims(jwt: string): { nonce?: unknown; amr?: unknown } {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}
