/**
 * Helpers for the recovery codes' tests: an account enrolled through the real pages (another
 * authenticator app) whose enrollment ends with « Générer mes codes », the codes read off the page
 * as their owner would, and a sign-in that chooses « Utiliser un code de récupération ».
 */
import { BrowserSession, hiddenField } from './browser-session.ts';
import type { TestApp } from './build-test-app.ts';
import {
  atSecondFactor,
  enrollOtherApp,
  finishEnrollment,
  interactionPath,
  methodForm,
  passwordStep,
} from './mfa-kit.ts';

/** The codes a page shows (`<code>K7QM-2XDB-4HTE-WP3C</code>`). */
export function codesOnPage(body: string): string[] {
  return [...body.matchAll(/<code>([A-Z2-7]{4}(?:-[A-Z2-7]{4}){3})<\/code>/g)].map(
    (m) => m[1] as string,
  );
}

/** « Générer mes codes » from the configuration page of an enrollment in progress. */
export async function generateAtEnrollment(browser: BrowserSession, base: string) {
  const offer = await browser.get(`${base}/enroll/recovery-codes`);
  if (offer.statusCode !== 200) throw new Error(`no recovery codes offer: ${offer.statusCode}`);
  const shown = await browser.post(`${base}/enroll/recovery-codes`, {
    csrf: hiddenField(offer.body, 'csrf'),
  });
  return { offer, shown, codes: codesOnPage(shown.body) };
}

/** An account enrolled with another app, then its recovery codes, then « Terminer ». */
export async function enrollWithRecoveryCodes(t: TestApp, username: string, password: string) {
  const browser = new BrowserSession(t.app, t.config.publicUrl);
  const base = interactionPath((await passwordStep(browser, username, password)).location);
  const secret = await enrollOtherApp(t, browser, base);
  const { codes } = await generateAtEnrollment(browser, base);
  await finishEnrollment(browser, base);
  t.clock.advance(30);
  return { secret, codes };
}

/** At the second-factor page, follow « Utiliser un code de récupération »: its form. */
export function recoveryCodeForm(browser: BrowserSession, base: string) {
  return methodForm(browser, base, 'Utiliser un code de récupération');
}

/** A fresh sign-in past the password that submits `code` as a recovery code. */
export async function signInWithRecoveryCode(
  t: TestApp,
  username: string,
  password: string,
  code: string,
) {
  const { b, base } = await atSecondFactor(t, username, password);
  const { fields } = await recoveryCodeForm(b, base);
  return { b, base, response: await b.post(`${base}/verify`, { ...fields, code }) };
}
