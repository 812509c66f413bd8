/**
 * Web Push is a wake-up, each device on its own (G-47), spoken to a real push service stand-in
 * over HTTPS (its certificate from a local authority the sender is told to trust): the request is
 * authorized by the deployment's own VAPID key (RFC 8292), its payload encrypted for the device
 * alone (RFC 8291, decrypted here as the phone's browser would); a push service answering 410
 * makes the subscription go; one that fails never fails the start, nor the other devices.
 */
import { createDecipheriv, createECDH, type ECDH, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fetchVapidKey,
  removeDevice,
  removePushSubscription,
  savePushSubscription,
} from '@sesame/authenticator';
import { importJWK, jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/build-test-app.ts';
import { openPushRig, type Phone, type PushRig } from '../../../test/push-rig.ts';
import { localCertificate } from '../../ops/local-certificate.ts';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The push service stand-in: records each message; answers per path (201 unless told). */
let server: Server;
let origin: string;
let agent: Agent;
const received: Received[] = [];
const answers = new Map<string, number>();

beforeAll(async () => {
  const tls = await localCertificate(mkdtempSync(join(tmpdir(), 'sesame-push-ca-')), ['127.0.0.1']);
  server = createServer({ key: tls.key, cert: tls.cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.writeHead(answers.get(request.url ?? '') ?? 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  agent = new Agent({ ca: tls.caCert });
});
afterAll(async () => {
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
});

/** A browser's push subscription: its own ECDH key pair and auth secret (RFC 8291 §3.2). */
function browserSubscription(path: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    body: {
      endpoint: `${origin}${path}`,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    },
  };
}

/** RFC 8291 §3.4 + RFC 8188: what the phone's browser does with an aes128gcm message. */
function decryptPush(body: Buffer, ecdh: ECDH, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const senderKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const info = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), senderKey]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdh.computeSecret(senderKey), auth, info, 32));
  const derive = (label: string, length: number) =>
    Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from(`Content-Encoding: ${label}\0`), length));
  const decipher = createDecipheriv('aes-128-gcm', derive('aes128gcm', 16), derive('nonce', 12));
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  // The last record ends with the delimiter 0x02, then any padding zeros (RFC 8188 §2).
  const end = padded.lastIndexOf(2);
  return padded.subarray(0, end).toString('utf8');
}

describe.each(testBackends())('Web Push wakes each device (%s)', (backend) => {
  let rig: PushRig;
  beforeEach(async () => {
    received.length = 0;
    answers.clear();
    rig = await openPushRig(backend, {}, { pushAgent: agent });
  });
  afterEach(() => rig.close());

  const subscribe = async (phone: Phone, path: string) => {
    const subscription = browserSubscription(path);
    await savePushSubscription({
      fetch: rig.fetch,
      account: phone.account,
      nowMs: rig.t.clock.now,
      subscription: subscription.body,
    });
    return subscription;
  };
  const subscriptionsOf = (phone: Phone) =>
    rig.t.db
      .selectFrom('push_subscriptions')
      .select('device_id')
      .where('device_id', '=', phone.account.id)
      .execute();

  it('sends the request, encrypted for the device, under the deployment VAPID key', async () => {
    const phone = await rig.enroll('rose');
    const subscription = await subscribe(phone, '/push/rose');
    // Stored sealed: neither the endpoint nor the keys are readable in the database.
    const [row] = await rig.t.db.selectFrom('push_subscriptions').selectAll().execute();
    expect(row?.sealed_subscription).not.toContain('127.0.0.1');
    expect(row?.sealed_subscription).not.toContain(subscription.body.keys.auth);

    const push = await rig.start(phone);
    await rig.push.idle();
    expect(received).toHaveLength(1);
    const [message] = received as [Received];
    expect(message.path).toBe('/push/rose');
    expect(message.headers['content-encoding']).toBe('aes128gcm');
    expect(message.headers.urgency).toBe('high');
    expect(Number(message.headers.ttl)).toBeLessThanOrEqual(120);

    // RFC 8292 §3: `vapid t=<JWT>, k=<public key>`, the JWT signed by that key for this origin.
    const vapidKey = await fetchVapidKey({ fetch: rig.fetch, issuer: rig.t.config.publicUrl });
    const authorization = /^vapid t=([^,]+), k=(.+)$/.exec(String(message.headers.authorization));
    expect(authorization?.[2]).toBe(vapidKey);
    const point = Buffer.from(vapidKey, 'base64url');
    const key = await importJWK(
      {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33).toString('base64url'),
      },
      'ES256',
    );
    const { payload } = await jwtVerify(authorization?.[1] ?? '', key, {
      algorithms: ['ES256'],
      audience: origin,
    });
    expect(payload.sub).toBe(rig.t.config.push.vapidSubject);
    expect(Number(payload.exp) * 1000).toBeLessThanOrEqual(Date.now() + 24 * 3600_000);

    expect(JSON.parse(decryptPush(message.body, subscription.ecdh, subscription.auth))).toEqual({
      type: 'push-request',
      id: push.id,
      application: 'Espace client',
      expiresAt: push.expiresAt,
    });
  });

  it('says when the request is an operation to approve (CIBA), not a sign-in', async () => {
    const phone = await rig.enroll('yves');
    const subscription = await subscribe(phone, '/push/yves');
    const push = await rig.start(phone, {
      backchannel: {
        requestId: 'ciba-request',
        bindingMessage: 'Ajouter le bénéficiaire Marie Tremblay ?',
        number: '123456',
      },
    });
    await rig.push.idle();
    const [message] = received as [Received];
    // The message says what kind of request it is; the binding message and number stay off it.
    const decrypted = decryptPush(message.body, subscription.ecdh, subscription.auth);
    expect(JSON.parse(decrypted)).toEqual({
      type: 'push-request',
      id: push.id,
      application: 'Espace client',
      expiresAt: push.expiresAt,
      operation: true,
    });
    expect(decrypted).not.toContain('123456');
    expect(decrypted).not.toContain('Tremblay');
  });

  it('forgets a subscription the push service says is gone (410), and one removed by the device', async () => {
    const phone = await rig.enroll('gaston');
    await subscribe(phone, '/push/gone');
    answers.set('/push/gone', 410);
    expect((await rig.start(phone)).id).toBeDefined();
    await rig.push.idle();
    expect(received.map((message) => message.path)).toEqual(['/push/gone']);
    expect(await subscriptionsOf(phone)).toEqual([]);

    await subscribe(phone, '/push/again');
    expect(await subscriptionsOf(phone)).toHaveLength(1);
    await removePushSubscription({
      fetch: rig.fetch,
      account: phone.account,
      nowMs: rig.t.clock.now,
    });
    expect(await subscriptionsOf(phone)).toEqual([]);
    // A device that unregisters itself takes its subscription with it.
    await subscribe(phone, '/push/last');
    const removed = await removeDevice({
      fetch: rig.fetch,
      account: phone.account,
      nowMs: rig.t.clock.now,
    });
    expect(removed).toBe('removed');
    expect(await rig.t.db.selectFrom('push_subscriptions').selectAll().execute()).toEqual([]);
  });

  it('never fails a start for a failing push service, nor another device for it', async () => {
    const broken = await rig.enroll('berthe');
    const fine = await rig.enroll('fernand');
    await subscribe(broken, '/push/broken');
    await subscribe(fine, '/push/fine');
    answers.set('/push/broken', 500);
    const failed = await rig.start(broken);
    const delivered = await rig.start(fine);
    await rig.push.idle();
    expect(received.map((message) => message.path).sort()).toEqual(['/push/broken', '/push/fine']);
    // A server error is not a withdrawn subscription: it stays; the app still pulls the request.
    expect(await subscriptionsOf(broken)).toHaveLength(1);
    expect((await rig.pending(broken)).map((request) => request.id)).toEqual([failed.id]);
    expect((await rig.pending(fine)).map((request) => request.id)).toEqual([delivered.id]);
  });
});
