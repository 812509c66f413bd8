/**
 * Helpers for the MFA tests: walk a browser through enrollment with another authenticator app
 * (reading the secret off the page, as a person would type it into their app), and produce the
 * app's codes at any moment.
 */
import { generateTotpCode } from '../src/factors/totp/totp-code.ts';
import { decodeTotpSecret } from '../src/factors/totp/totp-secret.ts';
import { BrowserSession, hiddenField, openSignIn } from './browser-session.ts';
import type { TestApp } from './build-test-app.ts';

export function interactionPath(location: unknown): string {
  const path = new URL(String(location), 'http://x').pathname;
  const uid = /^\/interaction\/([^/]+)/.exec(path)?.[1];
  if (uid === undefined) throw new Error(`not an interaction URL: ${String(location)}`);
  return `/interaction/${uid}`;
}

/**
 * Sign in with the password; returns where the password step sent the browser: the
 * interaction (whose page then redirects to enrollment or verification), or the client.
 */
export async function passwordStep(
  browser: BrowserSession,
  username: string,
  password: string,
  authorizeParams: Record<string, string> = {},
) {
  const { action, csrf, verifier } = await openSignIn(browser, authorizeParams);
  const response = await browser.post(action, { csrf, username, password });
  if (response.statusCode !== 303) throw new Error(`password step refused: ${response.statusCode}`);
  const location = String(response.headers.location);
  // Straight to oidc-provider: the sign-in is complete; follow it to the client's redirect.
  if (location.includes('/oidc/')) {
    const final = await browser.follow(response);
    return { response: final, verifier, location: String(final.headers.location) };
  }
  return { response, verifier, location };
}

/** Enroll another authenticator app on the enrollment step; returns its secret. */
export async function enrollOtherApp(
  t: TestApp,
  browser: BrowserSession,
  base: string,
): Promise<Uint8Array> {
  const page = await browser.get(`${base}/enroll/other-app`);
  if (page.statusCode !== 200) throw new Error(`no enrollment page: ${page.statusCode}`);
  const secret = decodeTotpSecret(/data-secret[^>]*>([^<]+)</.exec(page.body)?.[1] ?? '');
  if (secret === undefined) throw new Error('no secret on the page');
  const confirm = await browser.post(`${base}/enroll/other-app`, {
    csrf: hiddenField(page.body, 'csrf'),
    authenticatorId: hiddenField(page.body, 'authenticatorId'),
    code: generateTotpCode(secret, t.clock.now),
  });
  if (confirm.statusCode !== 303) throw new Error(`enrollment refused: ${confirm.statusCode}`);
  return secret;
}

/** « Terminer » on the configuration page. */
export async function finishEnrollment(browser: BrowserSession, base: string) {
  const page = await browser.get(`${base}/enroll/done`);
  return browser.follow(
    await browser.post(`${base}/enroll/done`, { csrf: hiddenField(page.body, 'csrf') }),
  );
}

/** Submit a code on the second-factor page. */
export async function submitCode(browser: BrowserSession, base: string, code: string) {
  const page = await browser.get(`${base}/verify`);
  const form = {
    csrf: hiddenField(page.body, 'csrf'),
    authenticatorId: hiddenField(page.body, 'authenticatorId'),
    code,
  };
  return { page, form, response: await browser.post(`${base}/verify`, form) };
}

/**
 * An account that has enrolled another authenticator app through the real pages (and finished);
 * the clock then moves past the enrollment's code, so sign-ins get fresh ones. Returns its secret.
 */
export async function enrollAccount(t: TestApp, username: string, password: string) {
  const browser = new BrowserSession(t.app, t.config.publicUrl);
  const base = interactionPath((await passwordStep(browser, username, password)).location);
  const secret = await enrollOtherApp(t, browser, base);
  await finishEnrollment(browser, base);
  t.clock.advance(30);
  return secret;
}

/** A fresh browser past the password, at the second-factor step (optionally through `app`). */
export async function atSecondFactor(
  t: TestApp,
  username: string,
  password: string,
  app: TestApp['app'] = t.app,
) {
  const browser = new BrowserSession(app, t.config.publicUrl);
  const { location } = await passwordStep(browser, username, password);
  return { b: browser, base: interactionPath(location) };
}

/** The second-factor page's form of the method whose link says `label` (« Utiliser … »). */
export async function methodForm(browser: BrowserSession, base: string, label: string) {
  const page = await browser.get(`${base}/verify`);
  const href = new RegExp(`href="([^"]+)">${label}<`).exec(page.body)?.[1];
  if (href === undefined) throw new Error(`no « ${label} » link`);
  const form = await browser.get(href.replaceAll('&amp;', '&'));
  return {
    page: form,
    fields: {
      csrf: hiddenField(form.body, 'csrf'),
      authenticatorId: hiddenField(form.body, 'authenticatorId'),
    },
  };
}
