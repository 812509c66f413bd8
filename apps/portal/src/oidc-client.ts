/**
 * The portal's side of OpenID Connect: authorization code flow with PKCE S256, state and nonce
 * (RFC 9700 §2.1.1, OIDC Core §3.1), on openid-client 6. The portal never sees a password or a
 * factor; it only checks what the identity server returns.
 */
import * as client from 'openid-client';
import type { PortalConfig } from './config.ts';
import type { Lang } from './i18n/language.ts';
import type { PreAuth, SignedInUser } from './session-store.ts';

export const SCOPE = 'openid profile email';

export interface AuthorizationRequest {
  /** Where to send the browser: the issuer's authorization endpoint with every parameter. */
  readonly url: URL;
  /** What to keep server-side until the callback. */
  readonly preAuth: PreAuth;
}

export interface PortalOidcClient {
  buildAuthorizationRequest(lang: Lang): Promise<AuthorizationRequest>;
  /** Redeems the code; throws when state, nonce, PKCE or the ID token do not check out. */
  finishSignIn(callbackUrl: URL, preAuth: PreAuth): Promise<SignedInUser>;
  /** RP-initiated logout URL at the issuer; undefined when the issuer offers none. */
  buildEndSessionUrl(idTokenHint: string | undefined): Promise<URL | undefined>;
  /** CIBA (poll mode): asks the signed-in client, named by its ID token, to approve an operation. */
  requestApproval(idTokenHint: string, bindingMessage: string): Promise<ApprovalRequest>;
  /** One token request for that approval (the caller keeps to the interval). */
  pollApproval(authReqId: string): Promise<ApprovalPoll>;
}

export interface ApprovalRequest {
  readonly authReqId: string;
  readonly expiresInSeconds: number;
  /** Seconds between two token requests (CIBA Core §7.3: 5 when the issuer says nothing). */
  readonly intervalSeconds: number;
}

/** What one token request said: still waiting, poll slower, approved (by whom), or over. */
export type ApprovalPoll =
  | { readonly status: 'pending' | 'slow_down' | 'denied' | 'expired' }
  | { readonly status: 'approved'; readonly sub: string };

export const CIBA_GRANT_TYPE = 'urn:openid:params:grant-type:ciba';

export interface OidcClientOptions {
  /** Seconds before a request to the issuer is abandoned. */
  timeoutSeconds?: number;
}

export function redirectUriOf(config: PortalConfig): string {
  return `${config.publicUrl}/callback`;
}

export function createOidcClient(
  config: PortalConfig,
  options: OidcClientOptions = {},
): PortalOidcClient {
  let discovered: Promise<client.Configuration> | undefined;
  // Lazy and cached: the portal starts even when the identity server is not up yet.
  const getConfiguration = (): Promise<client.Configuration> => {
    discovered ??= discover(config, options.timeoutSeconds ?? 10).catch((error: unknown) => {
      discovered = undefined; // retry at the next request instead of caching the failure
      throw error;
    });
    return discovered;
  };

  return {
    async buildAuthorizationRequest(lang) {
      return buildAuthorizationRequest(config, await getConfiguration(), lang);
    },
    async finishSignIn(callbackUrl, preAuth) {
      return finishSignIn(await getConfiguration(), callbackUrl, preAuth);
    },
    async buildEndSessionUrl(idTokenHint) {
      const configuration = await getConfiguration();
      if (configuration.serverMetadata().end_session_endpoint === undefined) return undefined;
      const parameters: Record<string, string> = {
        post_logout_redirect_uri: `${config.publicUrl}/`,
      };
      if (idTokenHint !== undefined) parameters.id_token_hint = idTokenHint;
      return client.buildEndSessionUrl(configuration, parameters);
    },
    async requestApproval(idTokenHint, bindingMessage) {
      const response = await client.initiateBackchannelAuthentication(await getConfiguration(), {
        scope: 'openid',
        id_token_hint: idTokenHint,
        binding_message: bindingMessage,
      });
      return {
        authReqId: response.auth_req_id,
        expiresInSeconds: response.expires_in,
        intervalSeconds: response.interval ?? 5,
      };
    },
    async pollApproval(authReqId) {
      return pollApproval(await getConfiguration(), authReqId);
    },
  };
}

/** CIBA Core §11: the token endpoint's answers to a poll; anything else is thrown. */
async function pollApproval(
  configuration: client.Configuration,
  authReqId: string,
): Promise<ApprovalPoll> {
  try {
    // openid-client checks the ID token (signature, issuer, audience) before claims() is read.
    const tokens = await client.genericGrantRequest(configuration, CIBA_GRANT_TYPE, {
      auth_req_id: authReqId,
    });
    const sub = tokens.claims()?.sub;
    if (sub === undefined) throw new Error('no ID token in the CIBA token response');
    return { status: 'approved', sub };
  } catch (error) {
    const code = error instanceof client.ResponseBodyError ? error.error : undefined;
    if (code === 'authorization_pending') return { status: 'pending' };
    if (code === 'slow_down') return { status: 'slow_down' };
    if (code === 'access_denied') return { status: 'denied' };
    if (code === 'expired_token') return { status: 'expired' };
    throw error;
  }
}

async function discover(
  config: PortalConfig,
  timeoutSeconds: number,
): Promise<client.Configuration> {
  const issuer = new URL(config.issuer);
  return client.discovery(
    issuer,
    config.clientId,
    undefined,
    // oidc-provider's default for a registered client is client_secret_basic.
    client.ClientSecretBasic(config.clientSecret),
    {
      timeout: timeoutSeconds,
      // Plain http only when the issuer itself is configured so (local development).
      ...(issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
    },
  );
}

async function buildAuthorizationRequest(
  config: PortalConfig,
  configuration: client.Configuration,
  lang: Lang,
): Promise<AuthorizationRequest> {
  const preAuth: PreAuth = {
    codeVerifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUriOf(config),
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(preAuth.codeVerifier),
    // RFC 7636 §4.2: S256, never plain.
    code_challenge_method: 'S256',
    state: preAuth.state,
    nonce: preAuth.nonce,
    ui_locales: lang,
  });
  return { url, preAuth };
}

async function finishSignIn(
  configuration: client.Configuration,
  callbackUrl: URL,
  preAuth: PreAuth,
): Promise<SignedInUser> {
  const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: preAuth.codeVerifier,
    expectedState: preAuth.state,
    expectedNonce: preAuth.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (claims === undefined || tokens.id_token === undefined) throw new Error('no ID token');
  let profile: Record<string, unknown> = claims;
  // oidc-provider keeps profile claims out of the ID token when an access token is issued.
  if (typeof claims.name !== 'string' || typeof claims.email !== 'string') {
    const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    profile = { ...userinfo, ...claims };
  }
  return {
    sub: claims.sub,
    name: stringOrUndefined(profile.name),
    email: stringOrUndefined(profile.email),
    amr: Array.isArray(claims.amr) ? claims.amr.filter((v) => typeof v === 'string') : [],
    acr: stringOrUndefined(claims.acr),
    authTime: typeof claims.auth_time === 'number' ? claims.auth_time : undefined,
    idToken: tokens.id_token,
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
