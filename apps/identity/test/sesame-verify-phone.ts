/**
 * The phone in tests: Sesame Verify's own core scans the QR page of a flow at enrollment — the
 * activation link's token read off the page, as the camera reads it — and registers the device
 * with a non-extractable key, as the PWA does.
 */
import { activateAccount, generateDeviceKeys, type StoredAccount } from '@sesame/authenticator';
import { injectFetch } from '../src/devices/device-test-kit.ts';
import { BrowserSession, hiddenField } from './browser-session.ts';
import type { TestApp } from './build-test-app.ts';
import { finishEnrollment, interactionPath, passwordStep } from './mfa-kit.ts';
import { gotCode } from './sign-in-kit.ts';

export async function scanEnrollmentQr(
  browser: BrowserSession,
  base: string,
  phone: { fetch: typeof globalThis.fetch; issuer: string; nowMs: number; deviceName: string },
): Promise<StoredAccount> {
  const qr = await browser.get(`${base}/enroll/sesame-verify/qr?platform=ios`);
  const token = /#token=([A-Za-z0-9_-]+)/.exec(qr.body)?.[1];
  if (qr.statusCode !== 200 || token === undefined) throw new Error(`no QR page: ${qr.statusCode}`);
  return activateAccount({
    fetch: phone.fetch,
    issuer: phone.issuer,
    platform: 'ios',
    deviceName: phone.deviceName,
    keys: await generateDeviceKeys({ extractable: false }),
    nowMs: phone.nowMs,
    token,
  });
}

/**
 * The guide done once over `inject()`: a sign-in of `username` reaches enrollment, Sesame Verify
 * scans the QR page, « Terminer » completes it; the clock then moves past that code's step.
 */
export async function enrollWithSesameVerify(
  t: TestApp,
  username: string,
  password: string,
): Promise<StoredAccount> {
  const browser = new BrowserSession(t.app, t.config.publicUrl);
  const base = interactionPath((await passwordStep(browser, username, password)).location);
  const phone = await scanEnrollmentQr(browser, base, {
    fetch: injectFetch(t.app),
    issuer: t.config.publicUrl,
    nowMs: t.clock.now,
    deviceName: `iPhone de ${username}`,
  });
  if (!gotCode(await finishEnrollment(browser, base))) throw new Error('enrollment did not finish');
  t.clock.advance(30);
  return phone;
}

/**
 * A new sign-in of `username` (in a browser of its own) past the password, which sends a push:
 * the browser, its flow's base path, the push's id and the waiting page.
 */
export async function pushFromNewSignIn(t: TestApp, username: string, password: string) {
  const b = new BrowserSession(t.app, t.config.publicUrl);
  const base = interactionPath((await passwordStep(b, username, password)).location);
  const offered = await b.get(`${base}/verify`);
  const waiting = await b.post(`${base}/verify/start`, {
    csrf: hiddenField(offered.body, 'csrf'),
    authenticatorId: hiddenField(offered.body, 'authenticatorId'),
  });
  if (waiting.statusCode !== 200) throw new Error(`no push sent: ${waiting.statusCode}`);
  return { b, base, challengeId: hiddenField(waiting.body, 'challengeId'), waiting };
}
