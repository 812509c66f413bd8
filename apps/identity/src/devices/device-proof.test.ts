/**
 * G-14, G-16: requests from Sesame Verify are signed by the device key (`Authorization: Device
 * <JWS>`), bound to the method, URL, time and body, and accepted once. Anything else is 401
 * `device.unauthorized`; the database alone (public keys) cannot act as the device.
 */
import { randomBytes } from 'node:crypto';
import { DeviceMeResponse, deviceApiPaths, deviceProofType } from '@sesame/contracts';
import { CompactSign } from 'jose';
import { Value } from 'typebox/value';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { setAccountLocked } from '../accounts/queries.ts';
import {
  buildDeviceApiApp,
  type DeviceApiTestApp,
  deviceRequest,
  type EnrolledDevice,
  type ProofOptions,
  sendSigned,
  signProof,
  testPublicUrl,
} from './device-test-kit.ts';

const me = deviceApiPaths.me;

function expectUnauthorized(response: { statusCode: number; json(): unknown }) {
  expect(response.statusCode).toBe(401);
  expect(response.json()).toMatchObject({ error: 'device.unauthorized' });
}

describe.each(testBackends())('device proof (%s)', (backend) => {
  let t: DeviceApiTestApp;
  let device: EnrolledDevice;
  beforeEach(async () => {
    t = await buildDeviceApiApp(backend);
    device = await t.enroll(await t.createUser('alice', 'Alice Martin'));
  });
  afterEach(async () => t.close());

  /** A proof for GET /api/device/me by `device`, with overrides. */
  function proof(overrides: Partial<ProofOptions> = {}) {
    return signProof({
      deviceId: device.deviceId,
      privateKey: device.key.keyPair.privateKey,
      method: 'GET',
      path: me,
      nowMs: t.clock.now,
      ...overrides,
    });
  }

  it('a correctly signed GET /api/device/me works and marks the device as seen', async () => {
    t.clock.advance(60);
    const response = await deviceRequest(t, device, { method: 'GET' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Value.Check(DeviceMeResponse, body)).toBe(true);
    expect(body).toEqual({
      deviceId: device.deviceId,
      deviceName: 'iPhone de Alice',
      account: { issuer: testPublicUrl, username: 'alice', displayName: 'Alice Martin' },
    });
    expect(response.headers['cache-control']).toBe('no-store');
    const row = await t.db
      .selectFrom('devices')
      .select('last_seen_at')
      .where('id', '=', device.deviceId)
      .executeTakeFirstOrThrow();
    expect(row.last_seen_at).toBe(t.clock.now);
  });

  it('refuses a missing header and other schemes', async () => {
    expectUnauthorized(await t.app.inject({ method: 'GET', url: me }));
    const jws = await proof();
    for (const authorization of [`Bearer ${jws}`, `DPoP ${jws}`, 'Device', 'Device a.b']) {
      expectUnauthorized(
        await t.app.inject({ method: 'GET', url: me, headers: { authorization } }),
      );
    }
  });

  it("refuses another device's key under this device's id", async () => {
    const other = await t.enroll(await t.createUser('bob'));
    const forged = await proof({ privateKey: other.key.keyPair.privateKey });
    expectUnauthorized(await sendSigned(t.app, forged, { method: 'GET', path: me }));
  });

  it('refuses an unknown device id', async () => {
    const jws = await proof({ deviceId: '00000000-0000-4000-8000-000000000000' });
    expectUnauthorized(await sendSigned(t.app, jws, { method: 'GET', path: me }));
  });

  it('refuses a tampered payload', async () => {
    const [header, payload, signature] = (await proof()).split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const tampered = Buffer.from(JSON.stringify({ ...claims, iat: claims.iat + 1 })).toString(
      'base64url',
    );
    const jws = `${header}.${tampered}.${signature}`;
    expectUnauthorized(await sendSigned(t.app, jws, { method: 'GET', path: me }));
  });

  it('refuses alg none and HS256 (the public key as an HMAC secret)', async () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = {
      htm: 'GET',
      htu: `${testPublicUrl}${me}`,
      iat: Math.floor(t.clock.now / 1000),
      jti: randomBytes(16).toString('base64url'),
    };
    const none = `${encode({ alg: 'none', typ: deviceProofType, kid: device.deviceId })}.${encode(claims)}.`;
    expectUnauthorized(await sendSigned(t.app, none, { method: 'GET', path: me }));
    const stored = await t.db
      .selectFrom('devices')
      .select('public_jwk')
      .where('id', '=', device.deviceId)
      .executeTakeFirstOrThrow();
    const hs256 = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'HS256', typ: deviceProofType, kid: device.deviceId })
      .sign(new TextEncoder().encode(stored.public_jwk));
    expectUnauthorized(await sendSigned(t.app, hs256, { method: 'GET', path: me }));
  });

  it('refuses another type', async () => {
    const jws = await proof({ header: { typ: 'dpop+jwt' } });
    expectUnauthorized(await sendSigned(t.app, jws, { method: 'GET', path: me }));
  });

  it('refuses a proof made for another method or URL', async () => {
    const cases = [
      await proof({ method: 'DELETE' }),
      await proof({ payload: { htu: `https://evil.example${me}` } }),
      await proof({ payload: { htu: `${testPublicUrl}/api/device/other` } }),
      await proof({ payload: { htu: `${testPublicUrl}${me}?x=1` } }),
    ];
    for (const jws of cases) {
      expectUnauthorized(await sendSigned(t.app, jws, { method: 'GET', path: me }));
    }
    // The query is part of the URL: a proof for `?x=1` works on `?x=1` only.
    const withQuery = await proof({ path: `${me}?x=1` });
    expect(
      (await sendSigned(t.app, withQuery, { method: 'GET', path: `${me}?x=1` })).statusCode,
    ).toBe(200);
  });

  it('refuses a stale or future-dated proof', async () => {
    const stale = await proof({ nowMs: t.clock.now - 121_000 });
    const future = await proof({ nowMs: t.clock.now + 121_000 });
    for (const jws of [stale, future]) {
      expectUnauthorized(await sendSigned(t.app, jws, { method: 'GET', path: me }));
    }
    const late = await proof({ nowMs: t.clock.now - 119_000 });
    expect((await sendSigned(t.app, late, { method: 'GET', path: me })).statusCode).toBe(200);
  });

  it('refuses a replayed proof, sequential or parallel', async () => {
    const jws = await proof();
    expect((await sendSigned(t.app, jws, { method: 'GET', path: me })).statusCode).toBe(200);
    expectUnauthorized(await sendSigned(t.app, jws, { method: 'GET', path: me }));
    const twin = await proof();
    const responses = await Promise.all([
      sendSigned(t.app, twin, { method: 'GET', path: me }),
      sendSigned(t.app, twin, { method: 'GET', path: me }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('refuses a DELETE whose body does not match its hash', async () => {
    const signedBody = JSON.stringify({ reason: 'lost' });
    const jws = await proof({ method: 'DELETE', body: signedBody });
    const sent = JSON.stringify({ reason: 'stolen' });
    expectUnauthorized(await sendSigned(t.app, jws, { method: 'DELETE', path: me, body: sent }));
    // A body without any hash is refused too.
    const unhashed = await proof({ method: 'DELETE' });
    expectUnauthorized(
      await sendSigned(t.app, unhashed, { method: 'DELETE', path: me, body: sent }),
    );
    const devices = await t.db.selectFrom('devices').select('id').execute();
    expect(devices).toHaveLength(1);
  });

  it('DELETE removes the device and its authenticator, then the key is worth nothing', async () => {
    const body = JSON.stringify({ reason: 'lost' });
    const response = await deviceRequest(t, device, { method: 'DELETE', body });
    expect(response.statusCode).toBe(204);
    expect(await t.db.selectFrom('devices').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('authenticators').select('id').execute()).toEqual([]);
    const audit = await t.db.selectFrom('audit_events').select('type').orderBy('id').execute();
    expect(audit.map((e) => e.type)).toEqual(['authenticator.added', 'authenticator.removed']);
    expectUnauthorized(await deviceRequest(t, device, { method: 'GET' }));
  });

  it("refuses a locked account's device", async () => {
    await setAccountLocked(t.db, device.accountId, true, t.clock.now);
    expectUnauthorized(await deviceRequest(t, device, { method: 'GET' }));
  });

  it('forgets request ids once their proofs have expired', async () => {
    expect((await deviceRequest(t, device, { method: 'GET' })).statusCode).toBe(200);
    expect(await t.db.selectFrom('device_request_ids').select('jti').execute()).toHaveLength(1);
    t.clock.advance(600);
    expect((await deviceRequest(t, device, { method: 'GET' })).statusCode).toBe(200);
    expect(await t.db.selectFrom('device_request_ids').select('jti').execute()).toHaveLength(1);
  });
});
