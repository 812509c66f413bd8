/**
 * The device API for Sesame Verify (`@sesame/contracts` device-api.ts): activation once, then
 * requests signed with the device key. An encapsulated plugin: JSON only, its own strict
 * validator (TypeBox: extra members are refused, not silently dropped), the raw body kept for
 * the proof's body hash, errors always as `{ error, message }`, and nothing cacheable.
 */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  type AccountInfo,
  ActivateRequest,
  ActivateResponse,
  DeviceApiError,
  DeviceMeResponse,
  deviceApiPaths,
  deviceProofMaxAgeSeconds,
} from '@sesame/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { removeAuthenticator } from '../accounts/operations/remove-authenticator.ts';
import { type Account, findAccountById } from '../accounts/queries.ts';
import type { AuditEvent } from '../audit/record-audit-event.ts';
import { logoPath } from '../branding/branding-context.ts';
import { readBranding } from '../branding/branding-settings.ts';
import type { Database } from '../db/database.ts';
import { type AppError, errorCatalogue } from '../errors.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { AnswerPushDeps } from '../factors/push/answer-push-challenge.ts';
import type { PushService } from '../factors/push/push-service.ts';
import { encodeTotpSecret } from '../factors/totp/totp-secret.ts';
import type { AttemptLimiter } from '../security/attempt-limiter.ts';
import { typeBoxValidatorLater } from '../security/compile-later.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { codeOf } from '../ui/error-handler.tsx';
import type { PageContext } from '../ui/page-context.ts';
import { activateDevice } from './activate-device.ts';
import { devicePushRoutes } from './device-push-routes.ts';
import { type DeviceWithAccount, purgeDeviceRequestIds, touchDevice } from './device-queries.ts';
import { verifyDeviceProof } from './verify-device-proof.ts';

export interface DeviceApiOptions {
  db: Kysely<Database>;
  box: SecretBox;
  limiter: AttemptLimiter;
  events: EventBus;
  now: () => number;
  /** The identity server's public URL (config.publicUrl): the issuer shown, the base of `htu`. */
  publicUrl: string;
  /** Web Push and the push policy (factors/push/push-service.ts). */
  push: PushService;
  /** Told of each push answer committed (CIBA: oidc/ciba.ts). */
  onSettled?: AnswerPushDeps['onSettled'];
}

type DeviceApiCode = 'activation.invalid' | 'device.unauthorized';

/** English fallbacks; the app shows its own translated text for each code. */
const deviceApiMessages: Record<DeviceApiCode, string> = {
  'activation.invalid':
    'This activation is not valid: it may have expired or been used. Refresh the code on your computer and try again.',
  'device.unauthorized': 'This device is not recognized. Add the account again.',
};

/** How often the request ids of expired proofs are forgotten. */
const purgeIntervalMs = deviceProofMaxAgeSeconds * 1000;

const errorResponses = { 400: DeviceApiError, 401: DeviceApiError };

export async function deviceApiRoutes(
  parent: FastifyInstance,
  options: DeviceApiOptions,
): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db, now } = options;
  const publicUrl = options.publicUrl.replace(/\/+$/, '');

  /** The account as the app shows it: with the organization's name and logo, when set. */
  const accountInfo = async (account: Account): Promise<AccountInfo> => {
    const { name, logo } = await readBranding(db);
    return {
      issuer: publicUrl,
      username: account.username,
      displayName: account.name,
      ...(name === undefined ? {} : { organizationName: name }),
      ...(logo === undefined ? {} : { organizationLogoUrl: `${publicUrl}${logoPath(logo)}` }),
    };
  };
  const rawBodies = keepRawJsonBodies(app);
  app.setValidatorCompiler(typeBoxValidatorLater);
  app.setErrorHandler(sendApiError);
  app.addHook('onRequest', async (_request, reply) => {
    // Secrets (the TOTP seed) and account details: never kept by a cache (ASVS 14.3.2).
    reply.header('cache-control', 'no-store');
  });

  let lastPurgeMs = 0;
  const authenticate = async (request: FastifyRequest): Promise<DeviceWithAccount | undefined> => {
    const nowMs = now();
    if (nowMs - lastPurgeMs >= purgeIntervalMs) {
      lastPurgeMs = nowMs;
      // Housekeeping only: a failure here must not refuse the device.
      await purgeDeviceRequestIds(db, nowMs).catch((error: unknown) =>
        request.log.warn({ err: error }, 'purge of device request ids failed'),
      );
    }
    const result = await verifyDeviceProof({
      db,
      now,
      authorization: request.headers.authorization,
      method: request.method,
      url: `${publicUrl}${request.url}`,
      body: rawBodies.get(request),
    });
    if (result.ok) return result.device;
    request.log.info({ reason: result.reason }, 'device proof refused');
    return undefined;
  };

  app.post(
    deviceApiPaths.activate,
    { schema: { body: ActivateRequest, response: { 201: ActivateResponse, ...errorResponses } } },
    async (request, reply) => {
      const result = await activateDevice(options, {
        authorization: request.headers.authorization,
        body: request.body,
        ip: request.ip,
        audit: auditContext(request),
      });
      if (!result.ok) {
        request.log.info({ reason: result.reason }, 'activation refused');
        if (result.reason === 'invalid_key') return sendCoded(reply, 'request.invalid', request);
        return sendDeviceError(reply, 'activation.invalid');
      }
      const { account, device } = result;
      return reply.code(201).send({
        deviceId: device.deviceId,
        account: await accountInfo(account),
        // The only time the secret leaves the server (it stays sealed in the database).
        totp: {
          secret: encodeTotpSecret(device.secret),
          algorithm: 'SHA1',
          digits: 6,
          periodSeconds: 30,
        },
      });
    },
  );

  app.get(
    deviceApiPaths.me,
    { schema: { response: { 200: DeviceMeResponse, ...errorResponses } } },
    async (request, reply) => {
      const device = await authenticate(request);
      if (device === undefined) return sendDeviceError(reply, 'device.unauthorized');
      const account = await findAccountById(db, device.account_id);
      if (account === undefined) return sendDeviceError(reply, 'device.unauthorized');
      await touchDevice(db, device.id, now());
      return {
        deviceId: device.id,
        deviceName: device.name,
        account: await accountInfo(account),
      };
    },
  );

  app.delete(
    deviceApiPaths.me,
    { schema: { response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      const device = await authenticate(request);
      if (device === undefined) return sendDeviceError(reply, 'device.unauthorized');
      // The device removes itself (its authenticator goes with it): an account operation whose
      // actor is the device, audited in the same transaction.
      await removeAuthenticator(
        { db, now },
        { kind: 'device', deviceId: device.id },
        {
          accountId: device.account_id,
          authenticatorId: device.authenticator_id,
          origin: auditContext(request),
          reason: 'removed_by_device',
        },
      );
      return reply.code(204).send(null);
    },
  );

  // Push approval: in this same context (validator, raw bodies, errors, no-store).
  await devicePushRoutes(app, { ...options, authenticate, audit: auditContext });
}

/**
 * JSON only, parsed by Fastify's own safe parser, with the exact bytes kept for the proof's body
 * hash (`bsh`): a hash of re-serialized JSON would not be the hash of what was signed.
 */
function keepRawJsonBodies(app: FastifyInstance): WeakMap<FastifyRequest, Buffer> {
  const rawBodies = new WeakMap<FastifyRequest, Buffer>();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = body as Buffer;
    rawBodies.set(request, raw);
    if (raw.length === 0) {
      done(null, undefined);
      return;
    }
    // Fastify's callback-style parser (secure-json-parse: no __proto__ poisoning); returns nothing.
    void parseJson(request, raw.toString('utf8'), done);
  });
  return rawBodies;
}

function auditContext(request: FastifyRequest): Omit<AuditEvent, 'type' | 'accountId'> {
  return {
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: request.id,
  };
}

function sendDeviceError(reply: FastifyReply, code: DeviceApiCode): FastifyReply {
  return reply.code(401).send({ error: code, message: deviceApiMessages[code] });
}

function sendCoded(
  reply: FastifyReply,
  code: keyof typeof errorCatalogue,
  request: FastifyRequest,
): FastifyReply {
  const { status, message } = errorCatalogue[code];
  const page = (request as { page?: PageContext }).page;
  return reply.code(status).send({ error: code, message: page ? page.t(message) : code });
}

/** Validation and parsing errors as `request.invalid`; anything else a bare 500 (G-38). */
function sendApiError(
  error: FastifyError | AppError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const code = codeOf(error);
  if (code === 'internal') request.log.error({ err: error }, 'unhandled error');
  else request.log.info({ code }, 'request refused');
  return sendCoded(reply, code, request);
}
