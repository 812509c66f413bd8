/**
 * Test kit for the device API: a tiny Fastify app with only `deviceApiRoutes` on a fresh
 * database, a movable clock, and a device made the way Sesame Verify makes it (a non-extractable
 * WebCrypto P-256 key pair, proofs signed with jose's CompactSign).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  type ActivateRequest,
  type ActivateResponse,
  type DeviceProofPayload,
  type DevicePublicJwk,
  deviceApiPaths,
  deviceProofType,
} from '@sesame/contracts';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { CompactSign, exportJWK } from 'jose';
import type { Kysely } from 'kysely';
import webPush from 'web-push';
import { type Backend, cheapArgon2, openTestDb } from '../../test/build-test-app.ts';
import { createAccount } from '../accounts/create-account.ts';
import { createPasswordHasher } from '../accounts/password-hasher.ts';
import type { Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createInProcessEventBus, type EventBus } from '../events/event-bus.ts';
import { createActivation } from '../factors/authenticator-app/activation-queries.ts';
import { createPushService } from '../factors/push/push-service.ts';
import { createAttemptLimiter } from '../security/attempt-limiter.ts';
import { createSecretBox, type SecretBox } from '../security/secret-box.ts';
import { flowTtlSeconds } from '../sign-in/step-kit.ts';
import { deviceApiRoutes } from './device-api-routes.ts';

export const testPublicUrl = 'https://sesame.example';

export interface DeviceKey {
  keyPair: CryptoKeyPair;
  jwk: DevicePublicJwk;
}

export interface EnrolledDevice {
  deviceId: string;
  key: DeviceKey;
  accountId: string;
  response: ActivateResponse;
}

export interface DeviceApiTestApp {
  app: FastifyInstance;
  db: Kysely<Database>;
  box: SecretBox;
  events: EventBus;
  clock: { now: number; advance(seconds: number): void };
  createUser(username: string, name?: string): Promise<string>;
  /** An activation as the QR page makes it, for a flow (made if new) at enrollment. */
  newActivation(
    accountId: string,
    flowId?: string,
    platform?: 'ios' | 'android',
  ): Promise<{ token: string; code: string; flowId: string }>;
  activate(body: ActivateRequest, authorization?: string): Promise<LightMyRequestResponse>;
  enroll(accountId: string): Promise<EnrolledDevice>;
  close(): Promise<void>;
}

export async function buildDeviceApiApp(backend: Backend): Promise<DeviceApiTestApp> {
  const testDb = await openTestDb(backend);
  const db = testDb.db;
  await migrateToLatest(db);
  const clock = {
    now: Date.now(),
    advance(seconds: number) {
      clock.now += seconds * 1000;
    },
  };
  const now = () => clock.now;
  const { app, box, events } = await deviceApiOn(db, randomBytes(32), now);
  const hasher = createPasswordHasher(cheapArgon2);

  const kit: DeviceApiTestApp = {
    app,
    db,
    box,
    events,
    clock,
    async createUser(username, name) {
      const password = `${randomBytes(12).toString('base64url')}-Aa1`;
      const result = await createAccount({ db, hasher, now }, { username, password, name });
      if (!result.ok) throw new Error(`test user not created: ${result.code}`);
      return result.accountId;
    },
    async newActivation(accountId, flowId = randomUUID(), platform = 'ios') {
      await startFlowAtEnrollment(db, { flowId, accountId, nowMs: clock.now });
      const created = await createActivation(
        { db, box },
        { accountId, flowId, platform, nowMs: clock.now },
      );
      return { token: created.token, code: created.code, flowId };
    },
    activate(body, authorization) {
      return app.inject({
        method: 'POST',
        url: deviceApiPaths.activate,
        payload: body,
        headers: authorization === undefined ? {} : { authorization },
      });
    },
    async enroll(accountId) {
      const { token } = await kit.newActivation(accountId);
      const key = await makeDeviceKey();
      const response = await kit.activate(activateBody(key.jwk), `Activation ${token}`);
      if (response.statusCode !== 201) throw new Error(`not enrolled: ${response.body}`);
      const body = response.json() as ActivateResponse;
      return { deviceId: body.deviceId, key, accountId, response: body };
    },
    async close() {
      await app.close();
      await testDb.close();
    },
  };
  return kit;
}

/**
 * The sign-in flow an activation belongs to, as the browser's flow would stand on the QR page:
 * past the password, at enrollment (an activation never outlives its flow, G-44).
 */
export async function startFlowAtEnrollment(
  db: Kysely<Database>,
  input: { flowId: string; accountId: string; nowMs: number },
): Promise<void> {
  await db
    .insertInto('sign_in_flows')
    .values({
      id: input.flowId,
      token_hash: randomBytes(32).toString('base64url'),
      account_id: input.accountId,
      steps_done: JSON.stringify([{ step: 'password', amr: ['pwd'] }]),
      created_at: input.nowMs,
      expires_at: input.nowMs + flowTtlSeconds * 1000,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * The device API alone on `db`, under the server key `secretKey`: several of them on one
 * database are several identity nodes, or one node before and after its key changed.
 */
export async function deviceApiOn(
  db: Kysely<Database>,
  secretKey: Buffer,
  now: () => number,
): Promise<{ app: FastifyInstance; box: SecretBox; events: EventBus }> {
  const box = createSecretBox(secretKey);
  const events = createInProcessEventBus();
  const limiter = createAttemptLimiter(db);
  const app = Fastify({ logger: false });
  // Keys of its own, not the database's: a node under another server key shares the database.
  const push = createPushService({
    db,
    box,
    now,
    vapid: webPush.generateVAPIDKeys(),
    subject: 'mailto:security@sesame.example',
    denialBlockSeconds: 900,
  });
  await app.register(deviceApiRoutes, {
    db,
    box,
    limiter,
    events,
    now,
    publicUrl: testPublicUrl,
    push,
  });
  app.addHook('onClose', async () => events.close());
  await app.ready();
  return { app, box, events };
}

export async function makeDeviceKey(): Promise<DeviceKey> {
  const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const { kty, crv, x, y } = await exportJWK(keyPair.publicKey);
  return { keyPair, jwk: { kty, crv, x, y } as DevicePublicJwk };
}

export function activateBody(
  jwk: DevicePublicJwk,
  extra: Partial<ActivateRequest> = {},
): ActivateRequest {
  return { publicKey: jwk, platform: 'ios', deviceName: 'iPhone de Alice', ...extra };
}

export function bodyHash(body: string): string {
  return createHash('sha256').update(body).digest('base64url');
}

export interface ProofOptions {
  deviceId: string;
  privateKey: CryptoKey;
  method: string;
  /** Path and query; the proof's `htu` is the public URL + this unless `htu` is given. */
  path: string;
  nowMs: number;
  body?: string;
  payload?: Partial<DeviceProofPayload>;
  header?: Record<string, unknown>;
}

/** A device proof exactly as Sesame Verify makes it, with any claim or header overridable. */
export async function signProof(options: ProofOptions): Promise<string> {
  const payload: DeviceProofPayload = {
    htm: options.method,
    htu: `${testPublicUrl}${options.path}`,
    iat: Math.floor(options.nowMs / 1000),
    jti: randomBytes(16).toString('base64url'),
    ...(options.body === undefined ? {} : { bsh: bodyHash(options.body) }),
    ...options.payload,
  };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({
      alg: 'ES256',
      typ: deviceProofType,
      kid: options.deviceId,
      ...options.header,
    })
    .sign(options.privateKey);
}

/** Send a request with `Authorization: Device <proof>`. */
export function sendSigned(
  app: FastifyInstance,
  proof: string,
  request: { method: 'GET' | 'DELETE'; path: string; body?: string },
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: request.method,
    url: request.path,
    headers: {
      authorization: `Device ${proof}`,
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(request.body === undefined ? {} : { payload: request.body }),
  });
}

/** A correctly signed request from an enrolled device, at the kit's current time. */
export async function deviceRequest(
  t: DeviceApiTestApp,
  device: EnrolledDevice,
  request: { method: 'GET' | 'DELETE'; path?: string; body?: string },
): Promise<LightMyRequestResponse> {
  const path = request.path ?? deviceApiPaths.me;
  const proof = await signProof({
    deviceId: device.deviceId,
    privateKey: device.key.keyPair.privateKey,
    method: request.method,
    path,
    nowMs: t.clock.now,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  return sendSigned(t.app, proof, { ...request, path });
}

/**
 * A `fetch` that goes to the test app through `inject()`: Sesame Verify's own core (activation,
 * signed requests) can then talk to the real routes, exactly as it builds its requests.
 */
export function injectFetch(app: FastifyInstance): typeof globalThis.fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const response = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      ...(typeof init.body === 'string' ? { payload: init.body } : {}),
    });
    const empty = response.statusCode === 204 || response.rawPayload.length === 0;
    return new Response(empty ? null : new Uint8Array(response.rawPayload), {
      status: response.statusCode,
      headers: response.headers as Record<string, string>,
    });
  }) as typeof globalThis.fetch;
}
