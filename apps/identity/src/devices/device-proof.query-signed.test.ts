/**
 * Defect 14 (issue 6), G-16: the server accepts the requests of Sesame Verify exactly as the
 * app's own signer makes them (`apps/authenticator/src/core/sign-device-request.ts`, not a copy),
 * with or without a query string, and the query is covered by the signature: a proof made for
 * one query is worth nothing for another one, nor for none.
 */
import {
  activateAccount,
  deviceAuthorization,
  generateDeviceKeys,
  removeDevice,
  type StoredAccount,
} from '@sesame/authenticator';
import { deviceApiPaths } from '@sesame/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import {
  buildDeviceApiApp,
  type DeviceApiTestApp,
  injectFetch,
  testPublicUrl,
} from './device-test-kit.ts';

describe.each(testBackends())('device proofs signed by the app cover the query (%s)', (backend) => {
  let t: DeviceApiTestApp;
  let account: StoredAccount;
  beforeEach(async () => {
    t = await buildDeviceApiApp(backend);
    const { token } = await t.newActivation(await t.createUser('alice', 'Alice Martin'));
    // Enrolled by the app's own activation code, through the real route.
    account = await activateAccount({
      fetch: injectFetch(t.app),
      issuer: testPublicUrl,
      platform: 'ios',
      deviceName: 'iPhone de Alice',
      keys: await generateDeviceKeys({ extractable: false }),
      nowMs: t.clock.now,
      token,
    });
  });
  afterEach(async () => t.close());

  /** `Authorization` for `method url` from the app's signer, at the kit's time. */
  function signedByApp(method: string, path: string) {
    return deviceAuthorization({
      privateKey: account.privateKey,
      deviceId: account.id,
      method,
      url: `${testPublicUrl}${path}`,
      nowMs: t.clock.now,
    });
  }

  function send(method: 'GET' | 'DELETE', path: string, authorization: string) {
    return t.app.inject({ method, url: path, headers: { authorization } });
  }

  it('accepts a request without a query', async () => {
    const response = await send(
      'GET',
      deviceApiPaths.me,
      await signedByApp('GET', deviceApiPaths.me),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ deviceId: account.id });
  });

  it('accepts a request with a query string', async () => {
    const path = `${deviceApiPaths.me}?lang=fr&since=1700000000`;
    const response = await send('GET', path, await signedByApp('GET', path));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ deviceId: account.id });
  });

  it('refuses the proof of one query for another query, or for none', async () => {
    const signedFor = `${deviceApiPaths.me}?lang=fr`;
    for (const sentTo of [`${deviceApiPaths.me}?lang=en`, `${signedFor}&x=1`, deviceApiPaths.me]) {
      const response = await send('GET', sentTo, await signedByApp('GET', signedFor));
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'device.unauthorized' });
    }
    // Nor is a proof made without the query good for a request that carries one.
    const bare = await signedByApp('GET', deviceApiPaths.me);
    expect((await send('GET', signedFor, bare)).statusCode).toBe(401);
  });

  it("the app's removal (a signed DELETE) removes the device", async () => {
    const result = await removeDevice({ fetch: injectFetch(t.app), account, nowMs: t.clock.now });
    expect(result).toBe('removed');
    expect(await t.db.selectFrom('devices').select('id').execute()).toEqual([]);
  });
});
