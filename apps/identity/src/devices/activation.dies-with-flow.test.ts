/**
 * Defect 6 (issue 6), G-44: an activation lives only as long as the sign-in flow that showed it.
 * Once that flow has ended — finished by another method (« Terminer »), or expired — neither the
 * QR code's link nor the typed code enrolls a device any more, and the unredeemed activation is
 * gone with its flow; nor once the account has a method this flow did not enroll (G-40: the flow
 * must pass it first). While the flow waits at enrollment, both still work.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  enrollOtherApp,
  finishEnrollment,
  interactionPath,
  passwordStep,
} from '../../test/mfa-kit.ts';
import { flowTtlSeconds } from '../sign-in/step-kit.ts';
import {
  activateByCode,
  activateFromApp,
  isRefusedActivation,
  openActivationPage,
} from './activation-page-kit.ts';

const password = 'île d’Orléans 1679';

describe.each(testBackends())('activations die with their flow (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'maude', name: 'Maude Tremblay', password });
  });
  afterEach(() => t.close());

  async function devices() {
    return t.db.selectFrom('devices').select('id').execute();
  }

  it('while the flow waits at enrollment, its link and its code work', async () => {
    const byLink = await openActivationPage(t, 'maude', password);
    expect((await activateFromApp(t.app, { token: byLink.token })).statusCode).toBe(201);
    await t.createUser({ username: 'maxime', password });
    const byCode = await openActivationPage(t, 'maxime', password);
    expect((await activateByCode(t.app, 'maxime', byCode.code)).statusCode).toBe(201);
    expect(await devices()).toHaveLength(2);
  });

  it('a flow that enrolled another app itself may still add Sesame Verify', async () => {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(browser, 'maude', password)).location);
    await enrollOtherApp(t, browser, base);
    // « Choisir » Sesame Verify on the configuration page, before « Terminer ».
    const page = await openActivationPage(t, 'maude', password, { browser, base });
    expect((await activateByCode(t.app, 'maude', page.code)).statusCode).toBe(201);
    expect(await devices()).toHaveLength(1);
  });

  it('after the flow ended with another app (« Terminer »), link and code are refused', async () => {
    const page = await openActivationPage(t, 'maude', password);
    // Same flow, same browser: another authenticator app, then « Terminer ».
    await enrollOtherApp(t, page.browser, page.base);
    const finished = await finishEnrollment(page.browser, page.base);
    expect(finished.statusCode).toBe(303);
    expect(String(finished.headers.location)).toContain('code=');

    expect(isRefusedActivation(await activateByCode(t.app, 'maude', page.code))).toBe(true);
    expect(isRefusedActivation(await activateFromApp(t.app, { token: page.token }))).toBe(true);
    expect(await devices()).toEqual([]);
    // Gone with the flow, not merely refused.
    const left = await t.db
      .selectFrom('activations')
      .select('id')
      .where('flow_id', '=', page.flowId)
      .execute();
    expect(left).toEqual([]);
  });

  it('once the account enrolled in another browser, the waiting flow is past enrollment', async () => {
    const waiting = await openActivationPage(t, 'maude', password);
    // The real user enrolls another app elsewhere and finishes there.
    const elsewhere = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(elsewhere, 'maude', password)).location);
    await enrollOtherApp(t, elsewhere, base);
    expect(String((await finishEnrollment(elsewhere, base)).headers.location)).toContain('code=');
    // The waiting flow must now pass that method first (G-40): its activation adds nothing.
    expect(isRefusedActivation(await activateFromApp(t.app, { token: waiting.token }))).toBe(true);
    expect(isRefusedActivation(await activateByCode(t.app, 'maude', waiting.code))).toBe(true);
    expect(await devices()).toEqual([]);
  });

  it('a flow that expired takes its activation along, though the activation had time left', async () => {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(browser, 'maude', password)).location);
    // The QR page is shown five minutes before the flow ends; the activation would last ten.
    t.clock.advance(flowTtlSeconds - 300);
    const page = await openActivationPage(t, 'maude', password, { browser, base });
    t.clock.advance(301);
    expect(isRefusedActivation(await activateByCode(t.app, 'maude', page.code))).toBe(true);
    expect(isRefusedActivation(await activateFromApp(t.app, { token: page.token }))).toBe(true);
    expect(await devices()).toEqual([]);
  });
});
