/**
 * The OpenID Provider (oidc-provider, OpenID Certified). Only `oidc/` imports oidc-provider.
 * Authorization code + PKCE S256 only, exact redirect URIs, RP-initiated logout, refresh token
 * rotation; the interaction (sign-in) UI lives in `sign-in/` and hands back `{ accountId, amr, acr }`.
 */
import type { Kysely } from 'kysely';
import Provider, { type Configuration, type JWK, type KoaContextWithOIDC } from 'oidc-provider';
import { findAccountById } from '../accounts/queries.ts';
import type { Database } from '../db/database.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { backchannelTtlSeconds, type Ciba } from './ciba.ts';
import { type ClientRegistration, clientMetadata } from './client-metadata.ts';
import { followPublicOrigin } from './follow-public-origin.ts';
import { sesameInteractionPolicy } from './interaction-policy.ts';
import { createKyselyAdapterFactory } from './kysely-adapter.ts';
import { logoutSource, postLogoutSuccessSource, renderError } from './oidc-pages.tsx';
import { providerCookies } from './provider-cookies.ts';
import { sessionTtlSeconds } from './session-ttl.ts';
import { createStoredClientAdapter } from './stored-client-adapter.ts';
import { withWriteBatch } from './write-batch.ts';

export interface ProviderOptions {
  issuer: string;
  db: Kysely<Database>;
  /** The configuration's applications (the database's are read by stored-client-adapter.ts). */
  clients: ClientRegistration[];
  /** Opens the database applications' sealed secrets. */
  box: SecretBox;
  signingKeys: JWK[];
  cookieKeys: string[];
  now: () => number;
  /** Behind trusted proxies: honour X-Forwarded-Proto/Host. */
  proxy: boolean;
  /** CIBA: the approvals of sensitive operations (oidc/ciba.ts). */
  ciba: Pick<Ciba, 'feature' | 'attach'>;
}

export const ttlSeconds = {
  AuthorizationCode: 60,
  AccessToken: 3600,
  IdToken: 3600,
  RefreshToken: 14 * 24 * 3600,
  Grant: 14 * 24 * 3600,
  Interaction: 3600,
} as const;

export function createProvider(options: ProviderOptions): Provider {
  const { db } = options;
  const storage = createKyselyAdapterFactory(db, options.now);
  const publicOrigin = new URL(options.issuer).origin;
  const configuration: Configuration = {
    adapter: (model) =>
      // Applications registered in the database, read at every use (ADR 0012).
      model === 'Client' ? createStoredClientAdapter(db, options.box) : storage(model),
    // The configuration's applications; those of the database come through the adapter.
    clients: options.clients.map(clientMetadata),
    jwks: { keys: options.signingKeys },
    cookies: providerCookies(publicOrigin, options.cookieKeys),
    // RFC 9700: PKCE for every authorization code request; oidc-provider 9 supports only S256.
    pkce: { required: () => true },
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    // acr, amr and auth_time ride on the openid scope: every ID token says how the user signed in.
    claims: {
      openid: ['sub', 'acr', 'amr', 'auth_time'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    // The portal reads the client's name from the ID token: put scope claims in it too.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      ciba: options.ciba.feature,
    },
    findAccount: async (_ctx, sub) => {
      const account = await findAccountById(db, sub);
      // G-41: a locked account gets no token, no userinfo, from any session it had.
      if (account === undefined || account.locked === 1) return undefined;
      return {
        accountId: account.id,
        claims: async () => ({
          sub: account.id,
          name: account.name,
          email: account.email ?? undefined,
          email_verified: account.email === null ? undefined : false,
          preferred_username: account.username,
        }),
      };
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
      policy: sesameInteractionPolicy(),
    },
    // The organization's own applications (configured, or registered by its administrators):
    // consent is implied.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => loadFirstPartyGrant(ctx),
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('openid'),
    rotateRefreshToken: true,
    ttl: {
      ...ttlSeconds,
      // G-27: 12 h from the sign-in at most, 1 h idle. oidc-provider stamps `loginTs` with
      // Date.now, so the remaining time is counted on that clock too.
      Session: (_ctx, session) => sessionTtlSeconds(session.loginTs, Math.floor(Date.now() / 1000)),
      BackchannelAuthenticationRequest: backchannelTtlSeconds,
    },
    renderError,
    acrValues: ['urn:sesame:loa:1fa', 'urn:sesame:loa:2fa'],
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = options.proxy;
  // Each request's saves committed together, before its response (write-batch.ts).
  provider.use(async (ctx, next) => {
    try {
      await withWriteBatch(db, next);
    } catch (error) {
      await answerFailedSave(ctx as KoaContextWithOIDC, error);
    }
  });
  followPublicOrigin(provider, publicOrigin);
  options.ciba.attach(provider);
  return provider;
}

/**
 * The saves of a request failed once the provider had answered it: that answer (a redirect with
 * a code, tokens) must not go out. The browser's endpoints get the provider's generic error
 * page, the others its JSON error, as when a save failed inside the provider (G-38: no detail).
 */
async function answerFailedSave(ctx: KoaContextWithOIDC, error: unknown): Promise<void> {
  ctx.app.emit('error', error, ctx);
  // Nor the cookies it set: a sign-out's cleared session cookie, for a session still saved.
  ctx.remove('location');
  ctx.remove('set-cookie');
  ctx.status = 500;
  const out = { error: 'server_error', error_description: 'oops! something went wrong' };
  if (
    ctx.method === 'GET' &&
    (ctx.accepts('json', 'html') === 'html' || ctx.path.includes('/auth'))
  )
    await renderError(ctx, out);
  else ctx.body = out;
}

async function loadFirstPartyGrant(ctx: KoaContextWithOIDC) {
  const { client, session, params } = ctx.oidc;
  if (client === undefined || session?.accountId === undefined) return undefined;
  const grantId = session.grantIdFor(client.clientId);
  const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
  const grant =
    existing ??
    new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope(String(params?.scope ?? 'openid'));
  await grant.save();
  return grant;
}
