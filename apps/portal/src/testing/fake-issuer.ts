/**
 * A tiny stand-in OpenID provider for the portal's unit tests only: a discovery document, a JWKS,
 * a token endpoint that checks client authentication, the redirect URI and PKCE S256, and a
 * userinfo endpoint. ID tokens are really signed (RS256). The real round trip is tested
 * end to end against the Sesame identity server.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IssuedCode {
  codeChallenge: string;
  nonce: string;
  /** ID token claims besides iss, aud, exp, iat and nonce. */
  claims: Record<string, unknown>;
  /** What the userinfo endpoint returns for this code's access token. */
  userinfo?: Record<string, unknown>;
}

export interface FakeIssuer {
  readonly issuer: string;
  issueCode(code: IssuedCode): string;
  /** Form bodies received by the token endpoint. */
  readonly tokenRequests: URLSearchParams[];
  close(): Promise<void>;
}

export interface FakeIssuerOptions {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

interface IssuerState {
  readonly options: FakeIssuerOptions;
  readonly privateKey: KeyObject;
  readonly jwk: Record<string, unknown>;
  readonly codes: Map<string, IssuedCode>;
  readonly accessTokens: Map<string, IssuedCode>;
  readonly tokenRequests: URLSearchParams[];
  issuer: string;
}

type Answer = [status: number, body: unknown];

export async function startFakeIssuer(options: FakeIssuerOptions): Promise<FakeIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const state: IssuerState = {
    options,
    privateKey,
    jwk: { ...publicKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' },
    codes: new Map(),
    accessTokens: new Map(),
    tokenRequests: [],
    issuer: '',
  };
  const server = createServer((request, response) => {
    route(state, request).then(
      ([status, body]) => {
        response
          .writeHead(status, { 'content-type': 'application/json' })
          .end(JSON.stringify(body));
      },
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oidc`;
  return {
    issuer: state.issuer,
    tokenRequests: state.tokenRequests,
    issueCode(code) {
      const value = randomBytes(16).toString('base64url');
      state.codes.set(value, code);
      return value;
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

async function route(state: IssuerState, request: IncomingMessage): Promise<Answer> {
  const path = new URL(request.url ?? '/', state.issuer).pathname;
  if (path === '/oidc/.well-known/openid-configuration')
    return [200, discoveryDocument(state.issuer)];
  if (path === '/oidc/jwks') return [200, { keys: [state.jwk] }];
  if (path === '/oidc/token' && request.method === 'POST') {
    return redeemCode(
      state,
      new URLSearchParams(await readBody(request)),
      request.headers.authorization,
    );
  }
  if (path === '/oidc/me') {
    const issued = state.accessTokens.get(
      (request.headers.authorization ?? '').replace(/^Bearer /, ''),
    );
    if (issued === undefined) return [401, { error: 'invalid_token' }];
    return [200, { sub: issued.claims.sub, ...issued.userinfo }];
  }
  return [404, { error: 'not_found' }];
}

function redeemCode(
  state: IssuerState,
  body: URLSearchParams,
  authorization: string | undefined,
): Answer {
  state.tokenRequests.push(body);
  if (!hasClientCredentials(authorization, state.options))
    return [401, { error: 'invalid_client' }];
  const code = body.get('code') ?? '';
  const issued = state.codes.get(code);
  state.codes.delete(code);
  const challenge = createHash('sha256')
    .update(body.get('code_verifier') ?? '')
    .digest('base64url');
  if (issued === undefined || challenge !== issued.codeChallenge)
    return [400, { error: 'invalid_grant' }];
  if (body.get('redirect_uri') !== state.options.redirectUri)
    return [400, { error: 'invalid_grant' }];
  const accessToken = randomBytes(16).toString('base64url');
  state.accessTokens.set(accessToken, issued);
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: state.issuer,
    aud: state.options.clientId,
    iat: now,
    exp: now + 300,
    nonce: issued.nonce,
  };
  const idToken = signJwt(state.privateKey, { ...claims, ...issued.claims });
  return [
    200,
    { access_token: accessToken, token_type: 'Bearer', expires_in: 300, id_token: idToken },
  ];
}

function signJwt(privateKey: KeyObject, payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', kid: 'test', typ: 'JWT' })}.${encode(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

/** RFC 6749 §2.3.1: Basic credentials, each part form-urlencoded first. */
function hasClientCredentials(
  authorization: string | undefined,
  options: FakeIssuerOptions,
): boolean {
  if (authorization?.startsWith('Basic ') !== true) return false;
  const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
  const [id = '', secret = ''] = decoded
    .split(':')
    .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
  return id === options.clientId && secret === options.clientSecret;
}

function discoveryDocument(issuer: string): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/me`,
    jwks_uri: `${issuer}/jwks`,
    end_session_endpoint: `${issuer}/session/end`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic'],
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
