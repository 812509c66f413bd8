/**
 * The only reader of the environment for the portal. `loadPortalConfig(env)` validates every
 * variable once, at start, and returns a frozen `PortalConfig` that flows into
 * `buildPortalApp(config)`. A bad value throws a `TypeError` naming the variable (fail fast).
 */

export interface PortalConfig {
  /** TCP port the portal listens on. */
  readonly port: number;
  /** Interface the portal binds to. */
  readonly host: string;
  /** Public base URL of the portal (an origin, no trailing slash); redirect URIs derive from it. */
  readonly publicUrl: string;
  /** OIDC issuer identifier of the Sesame identity server. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The identity server's self-service security page (the dashboard's « Sécurité » link). */
  readonly accountUrl: string;
}

type Env = Record<string, string | undefined>;

export function loadPortalConfig(env: Env): PortalConfig {
  const port = readPort(env, 'PORTAL_PORT', 3001);
  const issuer = readUrl(env, 'SESAME_ISSUER', 'http://localhost:3000/oidc');
  return Object.freeze({
    port,
    host: readHost(env, 'PORTAL_HOST', 'localhost'),
    publicUrl: readOrigin(env, 'PORTAL_PUBLIC_URL', `http://localhost:${port}`),
    issuer,
    clientId: readToken(env, 'PORTAL_CLIENT_ID', 'espace-client'),
    clientSecret: readSecret(env, 'PORTAL_CLIENT_SECRET'),
    accountUrl: readUrl(env, 'SESAME_ACCOUNT_URL', `${new URL(issuer).origin}/account`),
  });
}

function readRaw(env: Env, name: string): string | undefined {
  const raw = env[name];
  // An empty variable counts as unset, as in the identity server's config.
  return raw === undefined || raw === '' ? undefined : raw;
}

function readPort(env: Env, name: string, fallback: number): number {
  const raw = readRaw(env, name);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new TypeError(`${name} must be a port number between 1 and 65535 (got "${raw}")`);
  }
  return port;
}

function readHost(env: Env, name: string, fallback: string): string {
  const raw = readRaw(env, name);
  if (raw === undefined) return fallback;
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(raw))
    throw new TypeError(`${name} must be a host name or an IP address`);
  return raw;
}

function parseHttpUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`${name} must be an absolute http(s) URL (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`${name} must use http or https (got "${raw}")`);
  }
  // Credentials, queries and fragments have no place in a base URL.
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new TypeError(`${name} must not contain credentials, a query or a fragment`);
  }
  return url;
}

function readUrl(env: Env, name: string, fallback: string): string {
  const raw = readRaw(env, name);
  if (raw === undefined) return fallback;
  return parseHttpUrl(name, raw).href.replace(/\/$/, '');
}

function readOrigin(env: Env, name: string, fallback: string): string {
  const raw = readRaw(env, name);
  if (raw === undefined) return fallback;
  const url = parseHttpUrl(name, raw);
  // The portal's routes live at the root: a path prefix would break its redirect URI.
  if (url.pathname !== '/') throw new TypeError(`${name} must be an origin without a path`);
  return url.origin;
}

function readToken(env: Env, name: string, fallback: string): string {
  const raw = readRaw(env, name);
  if (raw === undefined) return fallback;
  if (!/^[\x21-\x7e]+$/.test(raw))
    throw new TypeError(`${name} must be printable ASCII without spaces`);
  return raw;
}

function readSecret(env: Env, name: string): string {
  const raw = readRaw(env, name);
  // No default: a guessable client secret would let anyone act as the portal.
  if (raw === undefined) {
    throw new Error(`${name} is required: set it to the client secret registered for the portal`);
  }
  return readToken(env, name, raw);
}
