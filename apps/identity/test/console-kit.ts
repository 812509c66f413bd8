/**
 * The administration console in tests: an account given a role by the account operation, enrolled
 * with another authenticator app through the real pages, then signed in to the console in a
 * browser of its own — `/admin` → the console's authorization request → password → code →
 * `/admin/callback` → the console's page.
 */
import type { LightMyRequestResponse } from 'fastify';
import { cliActor } from '../src/accounts/operations/actor.ts';
import { setRole } from '../src/accounts/operations/set-role.ts';
import { consoleAcr } from '../src/admin/console-client.ts';
import type { AdminRole } from '../src/db/database.ts';
import { generateTotpCode } from '../src/factors/totp/totp-code.ts';
import { BrowserSession, hiddenField } from './browser-session.ts';
import type { TestApp } from './build-test-app.ts';
import { enrollOtherApp, finishEnrollment, interactionPath, passwordStep } from './mfa-kit.ts';

export interface ConsoleUser {
  accountId: string;
  username: string;
  password: string;
  secret: Uint8Array | undefined;
}

/** An account with `role` (none: a client), and another authenticator app unless `enroll: false`. */
export async function consoleUser(
  t: TestApp,
  username: string,
  role: AdminRole | null,
  options: { enroll?: boolean } = {},
): Promise<ConsoleUser> {
  const password = `rue Sherbrooke ${username.length * 97 + 1200} Montréal`;
  const accountId = await t.createUser({ username, password });
  if (role !== null)
    await setRole({ db: t.db, now: () => t.clock.now }, cliActor, { accountId, role });
  const secret = options.enroll === false ? undefined : await enrollAsked(t, username, password);
  return { accountId, username, password, secret };
}

/** Another authenticator app enrolled at a sign-in that asks two factors (`acr_values`). */
async function enrollAsked(t: TestApp, username: string, password: string) {
  const browser = new BrowserSession(t.app, t.config.publicUrl);
  const { location } = await passwordStep(browser, username, password, {
    acr_values: consoleAcr,
  });
  const base = interactionPath(location);
  const secret = await enrollOtherApp(t, browser, base);
  await finishEnrollment(browser, base);
  return secret;
}

/** Sign `user` in to the console from `path`; returns the browser and the page it lands on. */
export async function signInToConsole(
  t: TestApp,
  user: ConsoleUser,
  path = '/admin/users',
): Promise<{ browser: BrowserSession; page: LightMyRequestResponse }> {
  const browser = new BrowserSession(t.app, t.config.publicUrl);
  const signInPage = await browser.follow(await browser.get(path));
  const action = /action="([^"]+\/login)"/.exec(signInPage.body)?.[1];
  if (action === undefined) throw new Error(`no sign-in page: ${signInPage.statusCode}`);
  const afterPassword = await browser.follow(
    await browser.post(action, {
      csrf: hiddenField(signInPage.body, 'csrf'),
      username: user.username,
      password: user.password,
    }),
  );
  if (user.secret === undefined) return { browser, page: afterPassword };
  t.clock.advance(30);
  const verify = /action="([^"]+\/verify)"/.exec(afterPassword.body)?.[1];
  if (verify === undefined) throw new Error(`no second-factor page: ${afterPassword.statusCode}`);
  const page = await browser.follow(
    await browser.post(verify, {
      csrf: hiddenField(afterPassword.body, 'csrf'),
      authenticatorId: hiddenField(afterPassword.body, 'authenticatorId'),
      code: generateTotpCode(user.secret, t.clock.now),
    }),
  );
  return { browser, page };
}
