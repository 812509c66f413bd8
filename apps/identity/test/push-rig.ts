/**
 * Test rig for push approval over HTTP: the whole identity app on a fresh database, a phone
 * enrolled through the device API by Sesame Verify's own core (`activateAccount`), pushes started
 * as the browser side starts them (`startPushChallenge`), and answers made and signed by the
 * app's own code (`answerPushRequest`, `signPushAnswer`, `signDeviceRequest`) — or by hand, for
 * the answers a genuine app never sends.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Agent } from 'node:https';
import {
  activateAccount,
  deviceAuthorization,
  fetchPushRequests,
  generateDeviceKeys,
  type StoredAccount,
} from '@sesame/authenticator';
import { activationLinkPath, type PushRequest, pushAnswerPath } from '@sesame/contracts';
import { injectFetch, startFlowAtEnrollment } from '../src/devices/device-test-kit.ts';
import { createEventBus, createInProcessEventBus, type EventBus } from '../src/events/event-bus.ts';
import { createActivation } from '../src/factors/authenticator-app/activation-queries.ts';
import { openCityDatabase } from '../src/factors/push/locate-ip.ts';
import { openPushService, type PushService } from '../src/factors/push/push-service.ts';
import {
  type PushDeps,
  type StartPushInput,
  startPushChallenge,
} from '../src/factors/push/start-push-challenge.ts';
import { createAttemptLimiter } from '../src/security/attempt-limiter.ts';
import { createSecretBox } from '../src/security/secret-box.ts';
import { type Backend, buildTestApp, type TestApp } from './build-test-app.ts';
import { listenTestApp } from './listen-test-app.ts';

export interface Phone {
  accountId: string;
  authenticatorId: string;
  account: StoredAccount;
}

export interface PushRig {
  t: TestApp;
  events: EventBus;
  push: PushService;
  deps: PushDeps & { limiter: ReturnType<typeof createAttemptLimiter> };
  /** Sesame Verify's fetch, through the app's `inject()`. */
  fetch: typeof globalThis.fetch;
  enroll(username: string): Promise<Phone>;
  /** Start a push for the phone as the second-factor page does; returns the started challenge. */
  start(
    phone: Pick<Phone, 'accountId' | 'authenticatorId'>,
    input?: Partial<StartPushInput>,
  ): Promise<{ id: string; expiresAt: number; display: string; flowId: string }>;
  pending(phone: Phone): Promise<PushRequest[]>;
  /** POST an answer JWS with a correctly signed device request of `phone`. */
  postAnswer(phone: Phone, requestId: string, jws: string): Promise<Response>;
  close(): Promise<void>;
}

export const computerUserAgent =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export async function openPushRig(
  backend: Backend,
  env: Record<string, string> = {},
  options: { pushAgent?: Agent; listen?: boolean } = {},
): Promise<PushRig> {
  // Redis when the test names it (several instances), in-process otherwise.
  const events = env.REDIS_URL ? createEventBus(env.REDIS_URL) : createInProcessEventBus();
  const appOptions = { events, ...(options.pushAgent ? { pushAgent: options.pushAgent } : {}) };
  // Listening on a port: for the streams, which inject() cannot hold open.
  const t = options.listen
    ? await listenTestApp(backend, env, appOptions)
    : await buildTestApp(backend, env, appOptions);
  const box = createSecretBox(t.config.secretKey);
  const now = () => t.clock.now;
  // The browser side's push service: the same database, so the same VAPID keys as the app's.
  const push = await openPushService({
    db: t.db,
    box,
    now,
    subject: t.config.push.vapidSubject,
    denialBlockSeconds: t.config.push.denialBlockSeconds,
    locate: await openCityDatabase(t.config.push.cityDatabase),
    ...(options.pushAgent ? { agent: options.pushAgent } : {}),
  });
  const deps = { db: t.db, box, events, now, push, limiter: createAttemptLimiter(t.db) };
  const fetch = options.listen ? globalThis.fetch : injectFetch(t.app);
  const issuer = t.config.publicUrl;
  let users = 0;
  const rig: PushRig = {
    t,
    events,
    push,
    deps,
    fetch,
    async enroll(username) {
      users += 1;
      const accountId = await t.createUser({
        username,
        name: `Client ${users}`,
        password: `${randomBytes(12).toString('base64url')}-Aa1`,
      });
      const flowId = randomUUID();
      await startFlowAtEnrollment(t.db, { flowId, accountId, nowMs: t.clock.now });
      const { token } = await createActivation(
        { db: t.db, box },
        { accountId, flowId, platform: 'ios', nowMs: t.clock.now },
      );
      const account = await activateAccount({
        fetch,
        issuer,
        platform: 'ios',
        deviceName: `iPhone de ${username}`,
        keys: await generateDeviceKeys({ extractable: false }),
        nowMs: t.clock.now,
        token,
      });
      const device = await t.db
        .selectFrom('devices')
        .select('authenticator_id')
        .where('id', '=', account.id)
        .executeTakeFirstOrThrow();
      return { accountId, authenticatorId: device.authenticator_id, account };
    },
    async start(phone, input = {}) {
      const flowId = input.flowId ?? randomUUID();
      const started = await startPushChallenge(deps, {
        accountId: phone.accountId,
        authenticatorId: phone.authenticatorId,
        ip: '203.0.113.7',
        userAgent: computerUserAgent,
        clientName: 'Espace client',
        nowMs: t.clock.now,
        ...input,
        flowId,
      });
      if (!started.ok) throw new Error(`push not started: ${started.reason}`);
      return { ...started.challenge, flowId };
    },
    async pending(phone) {
      return fetchPushRequests({ fetch, account: phone.account, nowMs: t.clock.now });
    },
    async postAnswer(phone, requestId, jws) {
      const url = `${issuer}${pushAnswerPath(requestId)}`;
      const body = JSON.stringify({ answer: jws });
      const authorization = await deviceAuthorization({
        privateKey: phone.account.privateKey,
        deviceId: phone.account.id,
        method: 'POST',
        url,
        body,
        nowMs: t.clock.now,
      });
      return fetch(url, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body,
      });
    },
    async close() {
      await push.idle();
      await t.close();
      await events.close();
    },
  };
  return rig;
}

/** An account at enrollment and the QR code's activation link, for the PWA to open. */
export async function activationLinkFor(
  rig: PushRig,
  username: string,
): Promise<{ accountId: string; link: string }> {
  const accountId = await rig.t.createUser({
    username,
    name: 'Camille Roy',
    password: `${randomBytes(12).toString('base64url')}-Aa1`,
  });
  const flowId = randomUUID();
  await startFlowAtEnrollment(rig.t.db, { flowId, accountId, nowMs: rig.t.clock.now });
  const { token } = await createActivation(
    { db: rig.t.db, box: rig.deps.box },
    { accountId, flowId, platform: 'ios', nowMs: rig.t.clock.now },
  );
  return { accountId, link: `${rig.t.config.publicUrl}${activationLinkPath}#token=${token}` };
}
