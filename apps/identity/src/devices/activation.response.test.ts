/**
 * The activation's answer (issue 3 §3, G-16, DESIGN §6): the contract's shape, a 160-bit TOTP
 * secret that leaves the server only this once and is stored only sealed, never cacheable; the
 * device's public key alone is stored; the page of the enrollment flow hears `enrolled`.
 */

import { base32nopad } from '@scure/base';
import { ActivateResponse } from '@sesame/contracts';
import { sql } from 'kysely';
import { Value } from 'typebox/value';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { isPostgres } from '../db/dialect.ts';
import { enrollmentChannel } from '../factors/authenticator-app/enrollment-events.ts';
import {
  activateBody,
  buildDeviceApiApp,
  type DeviceApiTestApp,
  makeDeviceKey,
  testPublicUrl,
} from './device-test-kit.ts';

/** Every row of every table, as JSON. */
async function dumpDatabase(t: DeviceApiTestApp): Promise<string> {
  // This schema's tables only: the catalogue of other test schemas may change meanwhile.
  const query = isPostgres(t.db)
    ? sql<{
        name: string;
      }>`select table_name as name from information_schema.tables where table_schema = current_schema()`
    : sql<{ name: string }>`select name from sqlite_master where type = 'table'`;
  const tables = (await query.execute(t.db)).rows;
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    dump[table.name] = await t.db
      .selectFrom(table.name as 'accounts')
      .selectAll()
      .execute();
  }
  expect(Object.keys(dump)).toEqual(expect.arrayContaining(['authenticators', 'devices']));
  return JSON.stringify(dump);
}

describe.each(testBackends())('activation response (%s)', (backend) => {
  let t: DeviceApiTestApp;
  let alice: string;
  beforeEach(async () => {
    t = await buildDeviceApiApp(backend);
    alice = await t.createUser('alice', 'Alice Martin');
  });
  afterEach(async () => t.close());

  async function activate() {
    const { token, flowId } = await t.newActivation(alice);
    const key = await makeDeviceKey();
    const response = await t.activate(activateBody(key.jwk), `Activation ${token}`);
    expect(response.statusCode).toBe(201);
    return { response, body: response.json() as ActivateResponse, key, flowId };
  }

  it('matches the contract and is never cached', async () => {
    const { response, body } = await activate();
    expect(Value.Check(ActivateResponse, body)).toBe(true);
    expect(body.account).toEqual({
      issuer: testPublicUrl,
      username: 'alice',
      displayName: 'Alice Martin',
    });
    expect(body.totp).toMatchObject({ algorithm: 'SHA1', digits: 6, periodSeconds: 30 });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('returns a 20-byte secret that decrypts from the database row', async () => {
    const { body } = await activate();
    expect(base32nopad.decode(body.totp.secret)).toHaveLength(20);
    const device = await t.db
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', body.deviceId)
      .executeTakeFirstOrThrow();
    const authenticator = await t.db
      .selectFrom('authenticators')
      .selectAll()
      .where('id', '=', device.authenticator_id)
      .executeTakeFirstOrThrow();
    expect(authenticator).toMatchObject({
      account_id: alice,
      kind: 'sesame-verify',
      status: 'active',
      label: 'iPhone de Alice',
    });
    const stored = await t.db
      .selectFrom('totp_secrets')
      .selectAll()
      .where('authenticator_id', '=', authenticator.id)
      .executeTakeFirstOrThrow();
    const opened = t.box.open(stored.sealed_secret, `totp-secret:${authenticator.id}`);
    expect(opened).toBe(body.totp.secret);
    const activation = await t.db.selectFrom('activations').selectAll().executeTakeFirstOrThrow();
    expect(activation.authenticator_id).toBe(authenticator.id);
  });

  it('never stores the secret in clear, nor anything but the public key', async () => {
    const { body, key } = await activate();
    const raw = Buffer.from(base32nopad.decode(body.totp.secret));
    const dump = await dumpDatabase(t);
    for (const form of [body.totp.secret, raw.toString('hex'), raw.toString('base64url')]) {
      expect(dump).not.toContain(form);
    }
    expect(dump.toLowerCase()).not.toContain(body.totp.secret.toLowerCase());
    const device = await t.db
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', body.deviceId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(device.public_jwk)).toEqual(key.jwk);
  });

  it('publishes `enrolled` on the enrollment flow, and audits the new authenticator', async () => {
    const { token, flowId } = await t.newActivation(alice);
    const heard: string[] = [];
    const unsubscribe = await t.events.subscribe(enrollmentChannel(flowId), (m) => heard.push(m));
    expect(enrollmentChannel(flowId)).toBe(`enrollment:${flowId}`);
    const key = await makeDeviceKey();
    const response = await t.activate(activateBody(key.jwk), `Activation ${token}`);
    expect(response.statusCode).toBe(201);
    expect(heard).toEqual(['enrolled']);
    await unsubscribe();
    const audit = await t.db.selectFrom('audit_events').selectAll().execute();
    expect(audit.map((e) => [e.type, e.account_id])).toEqual([['authenticator.added', alice]]);
  });

  it('refuses a key with a private member, off the curve, or of another type', async () => {
    const { token } = await t.newActivation(alice);
    const { jwk } = await makeDeviceKey();
    const offCurve = { ...jwk, y: jwk.x };
    const withPrivate = { ...jwk, d: jwk.x };
    const rsa = { kty: 'RSA', n: 'AQAB', e: 'AQAB' };
    for (const publicKey of [offCurve, withPrivate, rsa]) {
      const response = await t.activate(
        { ...activateBody(jwk), publicKey: publicKey as typeof jwk },
        `Activation ${token}`,
      );
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'request.invalid' });
    }
    // None of them spent the activation.
    expect((await t.activate(activateBody(jwk), `Activation ${token}`)).statusCode).toBe(201);
  });
});
