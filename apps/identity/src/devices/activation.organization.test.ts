/**
 * Sesame Verify learns the organization at activation (issue 9, "the organization"): the answer
 * to the single-use activation carries the organization's name and its logo's URL on the issuer's
 * origin — and the signed `GET /api/device/me` the same — so the app shows the name instead of the
 * server's host. Nothing set: nothing sent, the host stays. On both backends, with the app's own
 * core talking to the real routes.
 */
import { accountTitle, activateAccount, generateDeviceKeys } from '@sesame/authenticator';
import { ActivateResponse, DeviceMeResponse } from '@sesame/contracts';
import { Value } from 'typebox/value';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { discPng } from '../../test/logo-fixture.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { changeBranding } from '../branding/change-branding.ts';
import {
  buildDeviceApiApp,
  type DeviceApiTestApp,
  deviceRequest,
  injectFetch,
  testPublicUrl,
} from './device-test-kit.ts';

describe.each(testBackends())('the organization at activation (%s)', (backend) => {
  let t: DeviceApiTestApp;
  let alice: string;
  beforeEach(async () => {
    t = await buildDeviceApiApp(backend);
    alice = await t.createUser('alice', 'Alice Martin');
  });
  afterEach(async () => t.close());

  const deps = () => ({ db: t.db, now: () => t.clock.now });
  const activate = async () => {
    const { token } = await t.newActivation(alice);
    return activateAccount({
      fetch: injectFetch(t.app),
      issuer: testPublicUrl,
      token,
      platform: 'ios',
      deviceName: 'iPhone de Alice',
      keys: await generateDeviceKeys({ extractable: false }),
      nowMs: t.clock.now,
    });
  };

  it('sends the organization’s name and logo, which the app keeps and shows', async () => {
    await changeBranding(deps(), cliActor, { kind: 'name', name: 'Caisse Laurentienne' });
    await changeBranding(deps(), cliActor, { kind: 'logo', bytes: discPng(16) });
    const account = await activate();
    expect(account.organizationName).toBe('Caisse Laurentienne');
    expect(account.organizationLogoUrl).toMatch(
      new RegExp(`^${testPublicUrl}/branding/logo\\?v=[0-9a-f]{16}$`),
    );
    expect(accountTitle(account)).toBe('Caisse Laurentienne');

    // The signed request of the device reads the same.
    const enrolled = await t.enroll(await t.createUser('bruno', 'Bruno Roy'));
    expect(Value.Check(ActivateResponse, enrolled.response)).toBe(true);
    expect(enrolled.response.account.organizationName).toBe('Caisse Laurentienne');
    const me = await deviceRequest(t, enrolled, { method: 'GET' });
    expect(me.statusCode).toBe(200);
    const body = me.json() as DeviceMeResponse;
    expect(Value.Check(DeviceMeResponse, body)).toBe(true);
    expect(body.account.organizationName).toBe('Caisse Laurentienne');
    expect(body.account.organizationLogoUrl).toBe(account.organizationLogoUrl);
  });

  it('with nothing set, sends nothing more, and the app shows the host', async () => {
    const account = await activate();
    expect(account.organizationName).toBeUndefined();
    expect(account.organizationLogoUrl).toBeUndefined();
    expect(accountTitle(account)).toBe(new URL(testPublicUrl).host);
  });
});
