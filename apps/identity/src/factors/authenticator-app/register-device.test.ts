/**
 * registerDevice: the authenticator, the device and the activation's link to them are written
 * together or not at all, and `enrolled` is heard only once they are committed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/build-test-app.ts';
import type { DeviceApiTestApp } from '../../devices/device-test-kit.ts';
import { buildDeviceApiApp, makeDeviceKey } from '../../devices/device-test-kit.ts';
import { createAttemptLimiter } from '../../security/attempt-limiter.ts';
import { encodeTotpSecret } from '../totp/totp-secret.ts';
import { type Activation, hashActivationToken, redeemActivation } from './activation-queries.ts';
import { enrollmentChannel } from './enrollment-events.ts';
import { registerDevice } from './register-device.ts';

describe.each(testBackends())('registerDevice (%s)', (backend) => {
  let t: DeviceApiTestApp;
  let activation: Activation;
  beforeEach(async () => {
    t = await buildDeviceApiApp(backend);
    const accountId = await t.createUser('alice');
    const created = await t.newActivation(accountId, 'flow-1', 'android');
    const redeemed = await redeemActivation(
      t.db,
      { tokenHash: hashActivationToken(created.token) },
      t.clock.now,
    );
    if (redeemed === undefined) throw new Error('activation not redeemed');
    activation = redeemed;
  });
  afterEach(async () => t.close());

  const deps = () => ({
    db: t.db,
    box: t.box,
    events: t.events,
    now: () => t.clock.now,
    limiter: createAttemptLimiter(t.db),
  });

  it('writes the authenticator, the device and the link, then announces it', async () => {
    const seen: Promise<number>[] = [];
    await t.events.subscribe(enrollmentChannel('flow-1'), () => {
      seen.push(
        t.db
          .selectFrom('devices')
          .select('id')
          .execute()
          .then((rows) => rows.length),
      );
    });
    const fixed = new Uint8Array(20).fill(7);
    const { jwk } = await makeDeviceKey();
    const registered = await registerDevice(
      { ...deps(), random: () => fixed },
      { activation, publicKey: jwk, platform: 'android', deviceName: 'Pixel' },
    );
    if (registered === undefined) throw new Error('not registered');
    const result = registered;
    expect(result.secret).toEqual(fixed);
    expect(await Promise.all(seen)).toEqual([1]);
    const stored = await t.db.selectFrom('totp_secrets').selectAll().executeTakeFirstOrThrow();
    expect(stored.authenticator_id).toBe(result.authenticatorId);
    expect(t.box.open(stored.sealed_secret, `totp-secret:${result.authenticatorId}`)).toBe(
      encodeTotpSecret(fixed),
    );
    const device = await t.db.selectFrom('devices').selectAll().executeTakeFirstOrThrow();
    expect(device).toMatchObject({
      id: result.deviceId,
      authenticator_id: result.authenticatorId,
      platform: 'android',
      name: 'Pixel',
    });
    const linked = await t.db
      .selectFrom('activations')
      .select('authenticator_id')
      .executeTakeFirstOrThrow();
    expect(linked.authenticator_id).toBe(result.authenticatorId);
  });

  it('leaves nothing behind, and announces nothing, when a write fails', async () => {
    const heard: string[] = [];
    await t.events.subscribe(enrollmentChannel('flow-1'), (m) => heard.push(m));
    const { jwk } = await makeDeviceKey();
    // The devices row is refused (NOT NULL name) after the authenticators row was written.
    const failing = registerDevice(deps(), {
      activation,
      publicKey: jwk,
      platform: 'ios',
      deviceName: null as unknown as string,
    });
    await expect(failing).rejects.toThrow();
    expect(await t.db.selectFrom('authenticators').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('audit_events').select('id').execute()).toEqual([]);
    expect(heard).toEqual([]);
  });
});
