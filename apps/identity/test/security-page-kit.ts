/**
 * Helpers of the security page's and remembered browsers' tests (issue 8 §4, §5): a sign-in
 * with a code — optionally ticking « Ne plus demander sur cet appareil » —, the remembered
 * browser's cookie carried to a fresh browser, the claims of the sign-in's ID token, and the
 * security page's form token.
 */
import { generateTotpCode } from '../src/factors/totp/totp-code.ts';
import { setRememberDays } from '../src/remember-browser/remember-setting.ts';
import { BrowserSession, hiddenField } from './browser-session.ts';
import type { TestApp } from './build-test-app.ts';
import { enrollAccount, interactionPath, passwordStep } from './mfa-kit.ts';
import { gotCode, redeemCode } from './sign-in-kit.ts';

export const rememberPassword = 'chemin du Roy 1737 Trois-Rivières';

/** An enrolled account (another authenticator app) in an organization remembering for 30 days. */
export async function rememberingAccount(t: TestApp, username: string, days = 30) {
  await setRememberDays(t.db, days);
  const accountId = await t.createUser({ username, password: rememberPassword });
  const secret = await enrollAccount(t, username, rememberPassword);
  return { accountId, secret, code: () => generateTotpCode(secret, t.clock.now) };
}

/**
 * A full sign-in in `browser`: the password, then (if asked) the code, ticking the box when
 * `remember`. Returns whether the code was asked, and the final response (the client's redirect).
 */
export async function signInWith(
  browser: BrowserSession,
  input: {
    username: string;
    code: () => string;
    remember?: boolean;
    params?: Record<string, string>;
  },
) {
  const step = await passwordStep(browser, input.username, rememberPassword, input.params);
  if (gotCode(step.response))
    return { asked: false, response: step.response, verifier: step.verifier };
  const base = interactionPath(step.location);
  const page = await browser.follow(await browser.get(base));
  const form: Record<string, string> = {
    csrf: hiddenField(page.body, 'csrf'),
    authenticatorId: hiddenField(page.body, 'authenticatorId'),
    code: input.code(),
  };
  if (input.remember === true) form.remember = '1';
  const response = await browser.follow(await browser.post(`${base}/verify`, form));
  return { asked: true, page, response, verifier: step.verifier };
}

/** A fresh browser holding only `from`'s remembered-browser cookie (no session). */
export function withRememberedCookie(t: TestApp, from: BrowserSession): BrowserSession {
  const fresh = new BrowserSession(t.app, t.config.publicUrl);
  for (const [key, cookie] of from.scopedCookies)
    if (cookie.name.endsWith('sesame-remember')) fresh.scopedCookies.set(key, { ...cookie });
  return fresh;
}

/** The remembered-browser cookie's value in `browser`, if it holds one. */
export function rememberedCookie(browser: BrowserSession): string | undefined {
  return [...browser.scopedCookies.values()].find((c) => c.name.endsWith('sesame-remember'))?.value;
}

/** The claims of the ID token the sign-in's code redeems for. */
export async function idTokenClaims(
  t: TestApp,
  response: { headers: Record<string, unknown> },
  verifier: string,
) {
  const code = new URL(String(response.headers.location)).searchParams.get('code') ?? '';
  const tokens = await redeemCode(t.app, code, verifier);
  const payload = String(tokens.body.id_token).split('.')[1] ?? '';
  return {
    tokens: tokens.body,
    claims: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>,
  };
}

/** The security page's form token for this browser's session. */
export async function accountCsrf(browser: BrowserSession): Promise<string> {
  const page = await browser.get('/account');
  return hiddenField(page.body, 'csrf');
}

/** Whether this browser's session is signed in, as the security page sees it. */
export async function signedIn(browser: BrowserSession): Promise<boolean> {
  const page = await browser.get('/account');
  return page.statusCode === 200 && page.body.includes('name="csrf"');
}
