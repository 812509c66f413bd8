/**
 * The phone in tests: Sesame Verify's own core scans the QR page of a flow at enrollment — the
 * activation link's token read off the page, as the camera reads it — and registers the device
 * with a non-extractable key, as the PWA does.
 */
import { activateAccount, generateDeviceKeys, type StoredAccount } from '@sesame/authenticator';
import type { BrowserSession } from './browser-session.ts';

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
