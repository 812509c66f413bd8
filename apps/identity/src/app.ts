/**
 * buildApp(config, deps): every plugin and route in reading order. No listening here (main.ts
 * does that), so tests build the app and talk to it with `inject()`.
 */

import { randomUUID } from 'node:crypto';
import type { Agent } from 'node:https';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { buildAuthenticatorApp, serveAuthenticatorApp } from '@sesame/authenticator/server';
import Fastify, { type FastifyInstance } from 'fastify';
import type { JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { DestinationStream } from 'pino';
import { accountRoutes } from './account/account-routes.tsx';
import { createStepUpHost } from './account/step-up-host.ts';
import { stepUpRoutes } from './account/step-up-routes.ts';
import {
  type Argon2Params,
  createPasswordHasher,
  DEFAULT_ARGON2_PARAMS,
} from './accounts/password-hasher.ts';
import { consoleClient } from './admin/console-client.ts';
import { consoleRoutes } from './admin/console-routes.tsx';
import { brandingPlugin } from './branding/branding-plugin.ts';
import type { Config } from './config.ts';
import { createDb } from './db/create-db.ts';
import type { Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { deviceApiRoutes } from './devices/device-api-routes.ts';
import { createEventBus, type EventBus } from './events/event-bus.ts';
import { openCityDatabase } from './factors/push/locate-ip.ts';
import { openPushService } from './factors/push/push-service.ts';
import { createTwilioSmsSender } from './factors/sms-code/twilio-sms-sender.ts';
import { invitationRoutes } from './lifecycle/invitation-routes.tsx';
import { registrationRoutes } from './lifecycle/registration-routes.tsx';
import { sendVerificationLink } from './mail/email-verification.ts';
import { emailVerificationRoutes } from './mail/email-verification-routes.tsx';
import { createMailer } from './mail/mailer.ts';
import { startNoticeDelivery } from './mail/notice-delivery.ts';
import { outboxRoutes } from './mail/outbox-routes.tsx';
import { createCiba } from './oidc/ciba.ts';
import { createProvider } from './oidc/create-provider.ts';
import { createInteractionHost } from './oidc/interaction-host.ts';
import { createLiveProvider } from './oidc/live-provider.ts';
import { mountOidcPlugin } from './oidc/mount-oidc.ts';
import { signingKeysChannel } from './oidc/rotate-signing-key.ts';
import { loadSigningKeys } from './oidc/signing-keys.ts';
import { createBackgroundTasks } from './ops/background-tasks.ts';
import { lazySchemaCompilers } from './ops/lazy-schema-compilers.ts';
import type { LocalCertificate } from './ops/local-certificate.ts';
import { loggerOptions } from './ops/logger-options.ts';
import { createMetrics, type Metrics } from './ops/metrics.ts';
import { metricsRoutes } from './ops/metrics-routes.ts';
import { opsRoutes } from './ops/ops-routes.ts';
import { purgeExpired, purgeIntervalMs } from './ops/purge-expired.ts';
import { recordRouteTable } from './ops/route-table.ts';
import { passwordResetRoutes } from './password-reset/password-reset-routes.tsx';
import { createAttemptLimiter } from './security/attempt-limiter.ts';
import { cookiePolicyFor } from './security/cookies.ts';
import { createSecretBox, deriveKey } from './security/secret-box.ts';
import { securityHeadersPlugin } from './security/security-headers.ts';
import { firstFactorRoutes, signInOffers } from './sign-in/first-factor-routes.ts';
import { signInRoutes } from './sign-in/sign-in-routes.tsx';
import { createStepKit } from './sign-in/step-kit.ts';
import { stepRoutes } from './sign-in/step-routes.ts';
import { installErrorHandler } from './ui/error-handler.tsx';
import { pageContextPlugin } from './ui/page-context.ts';
import { webauthnBrowserScriptRoute } from './ui/webauthn-browser-script.ts';

export interface AppDeps {
  /** A database to use instead of opening the configured one (tests); the caller closes it. */
  db?: Kysely<Database>;
  now?: () => number;
  argon2?: Argon2Params;
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read what would be logged). */
  logStream?: DestinationStream;
  /** An event bus to share between app instances (tests of several instances); the caller closes it. */
  events?: EventBus;
  /** HTTPS with a local certificate (SESAME_HTTPS=lan), see ops/local-certificate.ts. */
  tls?: LocalCertificate;
  /** The metrics to record into, when a metrics listener of its own serves them (main.ts). */
  metrics?: Metrics;
  /** The HTTPS agent for Web Push requests (tests: one trusting a local push service stand-in). */
  pushAgent?: Agent;
}

const publicDir = join(import.meta.dirname, '..', 'public');

export async function buildApp(
  config: Readonly<Config>,
  deps: AppDeps = {},
): Promise<FastifyInstance> {
  const now = deps.now ?? Date.now;
  const db = deps.db ?? createDb(config.database);
  await migrateToLatest(db);
  const box = createSecretBox(config.secretKey);
  const signingKeys = await loadSigningKeys(db, box, now());
  const push = await openPushService({
    db,
    box,
    now,
    subject: config.push.vapidSubject,
    denialBlockSeconds: config.push.denialBlockSeconds,
    locate: await openCityDatabase(config.push.cityDatabase),
    ...(deps.pushAgent ? { agent: deps.pushAgent } : {}),
    onError: (error, context) => app.log.warn({ err: error }, context),
  });
  const hasher = createPasswordHasher(deps.argon2);
  // Compute the dummy hash now, so the first unknown-user attempt costs what the others cost.
  await hasher.verifyDummy('warm-up');
  const limiter = createAttemptLimiter(db);
  // SMTP when configured, else the development outbox (mail/mailer.ts).
  const mailer = createMailer(config.mail, { db, now });
  // SMS codes through the configured provider; none: SMS is not offered.
  const sms = config.sms === undefined ? undefined : createTwilioSmsSender(config.sms);
  const metrics = deps.metrics ?? createMetrics();
  const events = deps.events ?? createEventBus(config.redisUrl);
  const cookies = cookiePolicyFor(config.publicUrl);
  const https = config.publicUrl.startsWith('https:');
  // Approvals of sensitive operations by the applications (CIBA), sent to Sesame Verify.
  const ciba = createCiba({
    db,
    box,
    events,
    now,
    push,
  });
  const console = consoleClient(config.publicUrl, config.secretKey);
  const buildProvider = (keys: JWK[]) =>
    createProvider({
      ciba,
      issuer: config.issuer,
      db,
      // The applications, and the administration console, a client of Sesame's own (ADR 0010).
      clients: [...config.clients, console],
      // The applications registered in the database: their secrets are sealed (ADR 0012).
      box,
      signingKeys: keys,
      cookieKeys: [deriveKey(config.secretKey, 'oidc-cookies').toString('base64url')],
      now,
      proxy: config.trustedProxies.length > 0,
    });
  const provider = buildProvider(signingKeys.keys);
  // A rotation of the signing keys (ADR 0014) rebuilds the provider that /oidc mounts.
  const liveProvider = await createLiveProvider({
    first: provider,
    keys: signingKeys,
    build: buildProvider,
    db,
    box,
    events,
    now,
    onError: (error) => app.log.warn({ err: error }, 'signing keys not read again'),
  });
  const keyRotation = {
    publishAheadMs: config.signingKeys.publishAheadSeconds * 1000,
    announce: (kid: string) => events.publish(signingKeysChannel, kid),
  };

  const app = Fastify({
    logger: deps.logger === false ? false : loggerOptions(config, deps.logStream),
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    ...(deps.tls ? { https: { key: deps.tls.key, cert: deps.tls.cert } } : {}),
    bodyLimit: 64 * 1024,
    // Unique across instances, so that an audit event's request id names one request (G-37).
    genReqId: () => randomUUID(),
    // A schema that lists its fields refuses any other (an API client's typo, a field it may not
    // set), instead of dropping it silently (Fastify's default); schemas without
    // `additionalProperties: false` — the pages' forms — still accept what browsers add.
    ajv: { customOptions: { removeAdditional: false } },
    // Each route's schemas compiled at its first request, not at start (ops/lazy-schema-compilers.ts).
    schemaController: { compilersFactory: lazySchemaCompilers() },
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (deps.db === undefined) app.addHook('onClose', async () => db.destroy());
  app.addHook('onClose', async () => liveProvider.close());
  if (deps.events === undefined) app.addHook('onClose', async () => events.close());
  app.addHook('onClose', async () => mailer.close());
  // Wake-ups still on their way finish before the database closes.
  app.addHook('onClose', async () => push.idle());

  recordRouteTable(app);
  await app.register(cookie);
  await app.register(formbody);
  await app.register(securityHeadersPlugin, { https });
  await app.register(pageContextPlugin, { secureCookies: https });
  // The organization's name, logo, colour and support contact on every page (branding/).
  await app.register(brandingPlugin, { db });
  installErrorHandler(app);
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/assets/',
    cacheControl: true,
    maxAge: 3600_000,
  });
  await app.register(webauthnBrowserScriptRoute);
  await app.register(opsRoutes, { db });
  // G-42: on the public listener only behind a token, and not at all when it has its own port.
  const { token, port: metricsPort } = config.metrics;
  if (metricsPort === undefined && token !== undefined)
    await app.register(metricsRoutes, { metrics, token });
  await app.register(mountOidcPlugin, { live: liveProvider });
  // The same steps run for an application's sign-in and for a step-up of the signed-in
  // account (ADR 0005): one kit per host.
  const interactions = createInteractionHost({ provider, db, clients: config.clients });
  const kitOptions = {
    db,
    now,
    cookies,
    csrfKey: deriveKey(config.secretKey, 'csrf'),
    publicOrigin: new URL(config.publicUrl).origin,
  };
  const kit = createStepKit({ ...kitOptions, host: interactions.host });
  const stepUpKit = createStepKit({
    ...kitOptions,
    host: createStepUpHost({ provider, db, now, cookies }),
  });
  const argon2 = deps.argon2 ?? DEFAULT_ARGON2_PARAMS;
  const factorDeps = {
    db,
    box,
    events,
    limiter,
    now,
    publicUrl: config.publicUrl,
    push,
    mailer,
    sms,
    argon2,
    // What could not be delivered (a code's mail or SMS): the operator's log, without the message.
    warn: (fields: Record<string, unknown>, what: string) => app.log.warn(fields, what),
  };
  const interactionDeps = { ...factorDeps, kit };
  await app.register(signInRoutes, {
    kit,
    interactions,
    db,
    hasher,
    limiter,
    now,
    metrics,
    cookies,
    // The methods' other ways in on the sign-in page (a passkey), and their routes.
    offers: signInOffers(interactionDeps),
    // A self-registered account not verified yet is sent a new link (lifecycle/).
    sendVerificationLink: (accountId: string) =>
      sendVerificationLink({ db, mailer, now, publicUrl: config.publicUrl }, accountId),
  });
  await app.register(firstFactorRoutes, { deps: interactionDeps, prefix: '/interaction/:uid' });
  await app.register(stepRoutes, { deps: interactionDeps, prefix: '/interaction/:uid' });
  await app.register(stepRoutes, {
    deps: { ...factorDeps, kit: stepUpKit },
    prefix: '/account/step-up/:uid',
  });
  await app.register(stepUpRoutes, { kit: stepUpKit, provider, db, now, cookies });
  await app.register(deviceApiRoutes, {
    db,
    box,
    limiter,
    events,
    now,
    publicUrl: config.publicUrl,
    push,
    onSettled: ciba.settled,
  });
  // Sesame Verify, the PWA, under /app/ of this origin: a scanned activation link opens it.
  await app.register(serveAuthenticatorApp, { bundle: await buildAuthenticatorApp() });
  await app.register(accountRoutes, {
    provider,
    db,
    now,
    cookies,
    csrfKey: kitOptions.csrfKey,
    publicOrigin: kitOptions.publicOrigin,
    argon2,
    hasher,
    limiter,
  });
  await app.register(consoleRoutes, {
    provider,
    db,
    now,
    cookies,
    csrfKey: kitOptions.csrfKey,
    publicOrigin: kitOptions.publicOrigin,
    client: console,
    issuer: config.issuer,
    publicUrl: config.publicUrl,
    hasher,
    mailer,
    box,
    configuredClients: [...config.clients, console],
    keyRotation,
  });
  const caCert = deps.tls?.caCert;
  if (caCert !== undefined) {
    // The local authority, for the phone to trust (README: trying the guide with a real phone).
    app.get('/local-ca.crt', async (_request, reply) =>
      reply.header('content-type', 'application/x-x509-ca-cert').send(caCert),
    );
  }
  // The mail Sesame would send, readable in development: only when none really leaves.
  if (config.mail.smtpUrl === undefined) await app.register(outboxRoutes, { db });
  // Pages of the links Sesame mails (issue 8 §6), for no signed-in account: their own CSRF binding.
  const formBinding = {
    cookies,
    csrfKey: kitOptions.csrfKey,
    publicOrigin: kitOptions.publicOrigin,
  };
  await app.register(emailVerificationRoutes, { ...formBinding, db, now });
  // « Mot de passe oublié ? »: its mail is sent after the page answered (G-11).
  const tasks = createBackgroundTasks((error) => app.log.warn({ err: error }, 'background task'));
  app.addHook('onClose', async () => tasks.idle());
  await app.register(passwordResetRoutes, {
    ...formBinding,
    db,
    now,
    mailer,
    limiter,
    hasher,
    publicUrl: config.publicUrl,
    clients: config.clients,
    tasks,
  });
  await app.register(invitationRoutes, {
    ...formBinding,
    db,
    now,
    hasher,
    clients: config.clients,
  });
  await app.register(registrationRoutes, {
    ...formBinding,
    db,
    now,
    hasher,
    mailer,
    limiter,
    publicUrl: config.publicUrl,
    clients: config.clients,
    tasks,
  });
  app.get('/', async (_request, reply) => reply.redirect('/account'));
  // Rows that expired days ago go (ops/purge-expired.ts); a failed round is retried at the next.
  const purge = setInterval(() => {
    purgeExpired(db, now()).catch((error: unknown) =>
      app.log.warn({ err: error }, 'purge of expired rows failed'),
    );
  }, purgeIntervalMs);
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));
  // The notices queued with their audit events leave by mail after the commit (G-24).
  const notices = startNoticeDelivery({
    db,
    mailer,
    now,
    publicUrl: config.publicUrl,
    onError: (error, message) => app.log.warn({ err: error }, message),
  });
  app.addHook('onClose', async () => notices.close());
  return app;
}
