/**
 * The only reader of the environment. `loadConfig(env)` validates every variable once, at start,
 * and returns a frozen `Config` that flows down through `buildApp(config)` into plugin options.
 * A bad value throws a `TypeError` naming the variable (fail fast, as oidc-provider does).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
// Not ops/local-certificate.ts: its X.509 modules are loaded only with SESAME_HTTPS=lan.
import { lanAddress } from './ops/lan-address.ts';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface ClientConfig {
  clientId: string;
  /** Shown on the sign-in page: « Connectez-vous pour accéder à « Espace client » ». */
  name: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /**
   * Where a sign-in of this application starts (OpenID Connect's `initiate_login_uri`): the
   * button of a sign-in page that has expired leads there, not to a dead end.
   */
  initiateLoginUri: string;
}

/**
 * Where Prometheus reads `/metrics` (G-42): a listener of its own, a bearer token, or both;
 * with neither, metrics are not served.
 */
export interface MetricsConfig {
  /** Bearer token a scraper presents (`Authorization: Bearer …`); at least 32 characters. */
  token: string | undefined;
  /** A listener serving only `/metrics`; unset: on the public listener, token required. */
  port: number | undefined;
  /** Interface of that listener: loopback unless told otherwise. */
  host: string;
}

/** Push approval (issue 7). */
export interface PushConfig {
  /** How long « Ce n'était pas moi » blocks the account's pushes (SESAME_PUSH_DENIAL_BLOCK_MINUTES). */
  denialBlockSeconds: number;
  /** The VAPID contact the push services see (RFC 8292 §2.1): mailto: or https:. */
  vapidSubject: string;
  /** A city database in the MaxMind DB format (SESAME_GEOIP_CITY_DB): the phone shows the city. */
  cityDatabase: string | undefined;
}

/** Mail (issue 8): SMTP when configured, else the development outbox (/dev/outbox). */
export interface MailConfig {
  /** SESAME_SMTP_URL: smtp://user:pass@host:587 (STARTTLS) or smtps://…:465; unset: the outbox. */
  smtpUrl: string | undefined;
  /** SESAME_MAIL_FROM: the sender, `Sesame <no-reply@example.com>` or a bare address. */
  from: string;
}

/** SMS codes' provider (issue 8 §3): the Messages REST API of Twilio; unset: SMS is not offered. */
export interface SmsConfig {
  /** SESAME_SMS_TWILIO_ACCOUNT_SID (AC…), SESAME_SMS_TWILIO_AUTH_TOKEN. */
  accountSid: string;
  authToken: string;
  /** SESAME_SMS_TWILIO_FROM: the sending number (E.164) or messaging service (MG…). */
  from: string;
  /** SESAME_SMS_TWILIO_BASE_URL: the API's origin (https://api.twilio.com; a stand-in in tests). */
  baseUrl: string;
}

export interface Config {
  /**
   * Serve HTTPS on the local network with a certificate of a local authority (trying the guide
   * with a real phone: a PWA's camera and service worker need a secure origin).
   */
  lanHttps: boolean;
  /** Public base URL of the identity server (what browsers and phones reach). */
  publicUrl: string;
  /** OIDC issuer: publicUrl + '/oidc'. */
  issuer: string;
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  redisUrl: string | undefined;
  /** 32 bytes: root of the keys for cookies, CSRF tokens and secrets at rest. */
  secretKey: Buffer;
  trustedProxies: string[];
  clients: ClientConfig[];
  logLevel: string;
  metrics: MetricsConfig;
  push: PushConfig;
  mail: MailConfig;
  sms: SmsConfig | undefined;
  /** ID token signing keys' rotation (ADR 0014). */
  signingKeys: SigningKeysConfig;
}

/** ID token signing keys' rotation (ADR 0014). */
export interface SigningKeysConfig {
  /**
   * How long a new key is published before it signs (SESAME_SIGNING_KEY_PUBLISH_AHEAD_MINUTES,
   * default 10): at least as long as an application caches the JWKS.
   */
  publishAheadSeconds: number;
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Readonly<Config> {
  const port = readPort(env, 'SESAME_PORT', 3000);
  const lanHttps = readEnum(env, 'SESAME_HTTPS', ['off', 'lan'], 'off') === 'lan';
  // On the local network: listen on every interface, and name this machine by its LAN address.
  const host = env.SESAME_HOST ?? (lanHttps ? '0.0.0.0' : 'localhost');
  const defaultUrl = lanHttps
    ? `https://${lanAddress() ?? 'localhost'}:${port}`
    : `http://localhost:${port}`;
  const publicUrl = readUrl(env, 'SESAME_PUBLIC_URL', defaultUrl);
  const dataDir = resolve(env.SESAME_DATA_DIR ?? './data');
  const secretKey = readSecretKey(env, dataDir);
  return Object.freeze({
    lanHttps,
    publicUrl,
    issuer: `${publicUrl}/oidc`,
    host,
    port,
    dataDir,
    database: readDatabase(env, dataDir),
    redisUrl: env.REDIS_URL ? readUrl(env, 'REDIS_URL', '') : undefined,
    secretKey,
    trustedProxies: readList(env.SESAME_TRUSTED_PROXIES),
    clients: [readPortalClient(env, secretKey)],
    logLevel: readEnum(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'silent'],
      'info',
    ),
    metrics: readMetrics(env, port),
    push: readPush(env, publicUrl),
    mail: readMail(env, publicUrl),
    sms: readSms(env),
    signingKeys: readSigningKeys(env),
  });
}

function readSigningKeys(env: Env): SigningKeysConfig {
  const raw = env.SESAME_SIGNING_KEY_PUBLISH_AHEAD_MINUTES;
  const minutes = raw === undefined || raw === '' ? 10 : Number(raw);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 7 * 24 * 60)
    throw new TypeError(
      'SESAME_SIGNING_KEY_PUBLISH_AHEAD_MINUTES must be a whole number of minutes, 1 to 10080',
    );
  return Object.freeze({ publishAheadSeconds: minutes * 60 });
}

function readPush(env: Env, publicUrl: string): PushConfig {
  const raw = env.SESAME_PUSH_DENIAL_BLOCK_MINUTES;
  const minutes = raw === undefined || raw === '' ? 15 : Number(raw);
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60)
    throw new TypeError(
      'SESAME_PUSH_DENIAL_BLOCK_MINUTES must be a whole number of minutes, 0 to 1440',
    );
  const subject = env.SESAME_VAPID_SUBJECT || `mailto:security@${new URL(publicUrl).hostname}`;
  if (!/^(mailto:.+|https:\/\/.+)/.test(subject))
    throw new TypeError('SESAME_VAPID_SUBJECT must be a mailto: or https: URL');
  const cityDatabase = env.SESAME_GEOIP_CITY_DB || undefined;
  if (cityDatabase !== undefined && !existsSync(cityDatabase))
    throw new TypeError(`SESAME_GEOIP_CITY_DB names no file: ${cityDatabase}`);
  return Object.freeze({ denialBlockSeconds: minutes * 60, vapidSubject: subject, cityDatabase });
}

function readMail(env: Env, publicUrl: string): MailConfig {
  const raw = env.SESAME_SMTP_URL;
  let smtpUrl: string | undefined;
  if (raw !== undefined && raw !== '') {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new TypeError('SESAME_SMTP_URL must be a URL like smtp://user:pass@host:587');
    }
    if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '')
      throw new TypeError('SESAME_SMTP_URL must be smtp:// or smtps:// with a host');
    smtpUrl = raw;
  }
  const from = env.SESAME_MAIL_FROM || `Sesame <no-reply@${new URL(publicUrl).hostname}>`;
  // One address, bare or as `Name <address>`; no line break (header injection).
  if (!/^([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(from))
    throw new TypeError('SESAME_MAIL_FROM must be an address, or a name and <address>');
  return Object.freeze({ smtpUrl, from });
}

function readSms(env: Env): SmsConfig | undefined {
  const accountSid = env.SESAME_SMS_TWILIO_ACCOUNT_SID || undefined;
  const authToken = env.SESAME_SMS_TWILIO_AUTH_TOKEN || undefined;
  const from = env.SESAME_SMS_TWILIO_FROM || undefined;
  if (accountSid === undefined && authToken === undefined && from === undefined) return undefined;
  if (accountSid === undefined || authToken === undefined || from === undefined)
    throw new TypeError(
      'SESAME_SMS_TWILIO_ACCOUNT_SID, SESAME_SMS_TWILIO_AUTH_TOKEN and SESAME_SMS_TWILIO_FROM go together',
    );
  if (!/^AC[0-9a-zA-Z]{32}$/.test(accountSid))
    throw new TypeError('SESAME_SMS_TWILIO_ACCOUNT_SID must be AC followed by 32 characters');
  // E.164 (ITU-T E.164: + and at most 15 digits), or a messaging service.
  if (!/^(\+[1-9][0-9]{6,14}|MG[0-9a-fA-F]{32})$/.test(from))
    throw new TypeError('SESAME_SMS_TWILIO_FROM must be an E.164 number (+15145550100) or MG…');
  const baseUrl = readUrl(env, 'SESAME_SMS_TWILIO_BASE_URL', 'https://api.twilio.com');
  return Object.freeze({ accountSid, authToken, from, baseUrl });
}

function readMetrics(env: Env, publicPort: number): MetricsConfig {
  const token = env.SESAME_METRICS_TOKEN === '' ? undefined : env.SESAME_METRICS_TOKEN;
  if (token !== undefined && token.length < 32)
    throw new TypeError('SESAME_METRICS_TOKEN must be at least 32 characters');
  const port = env.SESAME_METRICS_PORT ? readPort(env, 'SESAME_METRICS_PORT', 0) : undefined;
  if (port !== undefined && port === publicPort)
    throw new TypeError('SESAME_METRICS_PORT must differ from SESAME_PORT');
  return Object.freeze({ token, port, host: env.SESAME_METRICS_HOST || '127.0.0.1' });
}

/** The portal's client secret: configured, or derived from the secret key so that a
 * launcher running both apps on one machine needs no extra setting. */
export function derivePortalClientSecret(secretKey: Buffer): string {
  return createHmac('sha256', secretKey).update('sesame:portal-client-secret').digest('base64url');
}

function readPortalClient(env: Env, secretKey: Buffer): ClientConfig {
  const portalUrl = readUrl(
    env,
    'PORTAL_PUBLIC_URL',
    `http://localhost:${readPort(env, 'PORTAL_PORT', 3001)}`,
  );
  return {
    clientId: env.PORTAL_CLIENT_ID ?? 'espace-client',
    name: 'Espace client',
    clientSecret: env.PORTAL_CLIENT_SECRET ?? derivePortalClientSecret(secretKey),
    redirectUris: [`${portalUrl}/callback`],
    postLogoutRedirectUris: [`${portalUrl}/`],
    initiateLoginUri: `${portalUrl}/login`,
  };
}

function readDatabase(env: Env, dataDir: string): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (url === undefined || url === '')
    return { kind: 'sqlite', file: join(dataDir, 'sesame.sqlite') };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://'))
    return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', file: url.slice('sqlite:'.length) };
  throw new TypeError('DATABASE_URL must start with postgres://, postgresql:// or sqlite:');
}

function readSecretKey(env: Env, dataDir: string): Buffer {
  const configured = env.SESAME_SECRET_KEY;
  if (configured !== undefined && configured !== '') {
    const key = Buffer.from(configured, 'base64');
    if (key.length !== 32)
      throw new TypeError('SESAME_SECRET_KEY must be 32 bytes, base64-encoded');
    return key;
  }
  // Embedded default: a key made once and kept beside the SQLite file, outside the database.
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return readSecretKey({ SESAME_SECRET_KEY: readFileSync(file, 'utf8').trim() }, dataDir);
}

function readPort(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError(`${name} must be a port number`);
  return port;
}

function readUrl(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  try {
    const url = new URL(raw);
    return url.href.replace(/\/$/, '');
  } catch {
    throw new TypeError(`${name} must be an absolute URL`);
  }
}

function readEnum<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!values.includes(raw as T))
    throw new TypeError(`${name} must be one of ${values.join(', ')}`);
  return raw as T;
}

function readList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
