/**
 * Signing in to the administration console in the browser: from a console page, the password,
 * then — the console always asking two factors — an authenticator app set up on the way, and
 * back to the page asked for (`landsOn`).
 */
import { expect, type Page } from '@playwright/test';
import { SignInPage } from '../pages/sign-in-page.ts';
import type { Lang } from './labels.ts';
import { identityUrl } from './sesame-server.ts';

export async function signInToConsole(
  page: Page,
  lang: Lang,
  account: { username: string; password: string },
  where: { from: string; landsOn: string } = { from: '/admin', landsOn: '/admin/users' },
): Promise<void> {
  await page.goto(`${identityUrl}${where.from}?lang=${lang}`);
  const signIn = new SignInPage(page, lang);
  await signIn.expectLoaded();
  const choose = await signIn.signInToEnroll(account.username, account.password);
  const otherApp = await choose.chooseOtherApp();
  const authenticator = await otherApp.addToAuthenticatorApp();
  const configuration = await otherApp.confirm(await authenticator.freshCode());
  await configuration.finishButton.click();
  await expect(page).toHaveURL(`${identityUrl}${where.landsOn}`);
}
