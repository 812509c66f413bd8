/**
 * G-16: an activation (the QR code's token, or the typed code with the username) enrolls one
 * device, once, within 10 minutes; a newer one replaces it; typed codes are throttled per
 * account; every refusal is the same 401 `activation.invalid`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { formatActivationCode } from '../factors/authenticator-app/activation-queries.ts';
import { accountPolicy } from '../security/attempt-policy.ts';
import {
  activateBody,
  buildDeviceApiApp,
  type DeviceApiTestApp,
  makeDeviceKey,
} from './device-test-kit.ts';

async function countRows(t: DeviceApiTestApp, table: 'devices' | 'authenticators') {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function activateWithToken(t: DeviceApiTestApp, token: string) {
  const key = await makeDeviceKey();
  return t.activate(activateBody(key.jwk), `Activation ${token}`);
}

async function activateWithCode(t: DeviceApiTestApp, username: string, activationCode: string) {
  const key = await makeDeviceKey();
  return t.activate(activateBody(key.jwk, { username, activationCode }));
}

function expectRefused(response: { statusCode: number; json(): unknown }) {
  expect(response.statusCode).toBe(401);
  expect((response.json() as { error: string }).error).toBe('activation.invalid');
}

describe.each(testBackends())('activation single use (%s)', (backend) => {
  let t: DeviceApiTestApp;
  let alice: string;
  beforeEach(async () => {
    t = await buildDeviceApiApp(backend);
    alice = await t.createUser('Alice', 'Alice Martin');
  });
  afterEach(async () => t.close());

  it('redeems a token once; the second time is refused', async () => {
    const { token } = await t.newActivation(alice);
    expect((await activateWithToken(t, token)).statusCode).toBe(201);
    expectRefused(await activateWithToken(t, token));
    expect(await countRows(t, 'devices')).toBe(1);
  });

  it('refuses a token after its 10 minutes', async () => {
    const { token } = await t.newActivation(alice);
    t.clock.advance(601);
    expectRefused(await activateWithToken(t, token));
    expect(await countRows(t, 'devices')).toBe(0);
  });

  it('of 10 parallel redemptions of one token, exactly one succeeds', async () => {
    const { token } = await t.newActivation(alice);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => activateWithToken(t, token)),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(401)]);
    expect(await countRows(t, 'devices')).toBe(1);
    expect(await countRows(t, 'authenticators')).toBe(1);
  });

  it('a new activation for the same flow invalidates the older one', async () => {
    const older = await t.newActivation(alice, 'flow-1');
    const newer = await t.newActivation(alice, 'flow-1');
    expectRefused(await activateWithToken(t, older.token));
    expectRefused(await activateWithCode(t, 'alice', older.code));
    expect((await activateWithToken(t, newer.token)).statusCode).toBe(201);
  });

  it('refuses an unknown token and a request without credentials alike', async () => {
    const unknown = await activateWithToken(t, 'A'.repeat(22));
    const none = await t.activate(activateBody((await makeDeviceKey()).jwk));
    const otherScheme = await t.activate(activateBody((await makeDeviceKey()).jwk), 'Bearer x');
    for (const response of [unknown, none, otherScheme]) expectRefused(response);
    expect(none.json()).toEqual(unknown.json());
  });

  it('the typed path (any case, with a dash) works once', async () => {
    const { code } = await t.newActivation(alice);
    const typed = formatActivationCode(code).toLowerCase();
    expect(typed).toContain('-');
    expect((await activateWithCode(t, 'ALICE', typed)).statusCode).toBe(201);
    expectRefused(await activateWithCode(t, 'alice', code));
    expect(await countRows(t, 'devices')).toBe(1);
  });

  it('a wrong code is counted, and the account locks even for the right code', async () => {
    const { code } = await t.newActivation(alice);
    const wrong = code === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ';
    expectRefused(await activateWithCode(t, 'alice', wrong));
    const counter = await t.db
      .selectFrom('attempt_counters')
      .selectAll()
      .where('key', '=', `activation:${alice}`)
      .executeTakeFirst();
    expect(counter?.failures).toBe(1);
    for (let i = 1; i < accountPolicy.failuresPerLock; i += 1) {
      expectRefused(await activateWithCode(t, 'alice', wrong));
    }
    // Locked: the right code is not even evaluated, and so is not spent.
    expectRefused(await activateWithCode(t, 'alice', code));
    expect(await countRows(t, 'devices')).toBe(0);
    t.clock.advance(accountPolicy.baseLockSeconds + 1);
    expect((await activateWithCode(t, 'alice', code)).statusCode).toBe(201);
  });

  it('a success forgets the earlier wrong codes', async () => {
    const { code } = await t.newActivation(alice);
    expectRefused(await activateWithCode(t, 'alice', 'ZZZZ-ZZZZ'));
    expect((await activateWithCode(t, 'alice', code)).statusCode).toBe(201);
    const counter = await t.db
      .selectFrom('attempt_counters')
      .selectAll()
      .where('key', '=', `activation:${alice}`)
      .executeTakeFirst();
    // Consecutive failures start again from zero (the row itself may stay).
    expect(counter?.failures ?? 0).toBe(0);
  });

  it('an unknown user gets the same answer, and is counted too', async () => {
    const { code } = await t.newActivation(alice);
    const unknown = await activateWithCode(t, 'nobody', code);
    const wrongCode = await activateWithCode(t, 'alice', 'ZZZZ-ZZZZ');
    expectRefused(unknown);
    expect(unknown.json()).toEqual(wrongCode.json());
    const counter = await t.db
      .selectFrom('attempt_counters')
      .selectAll()
      .where('key', '=', 'activation:identifier:nobody')
      .executeTakeFirst();
    expect(counter?.failures).toBe(1);
  });

  it("another account's code does not enroll this account", async () => {
    const bob = await t.createUser('bob');
    const { code } = await t.newActivation(alice);
    await t.newActivation(bob);
    expectRefused(await activateWithCode(t, 'bob', code));
    expect(await countRows(t, 'devices')).toBe(0);
  });
});
