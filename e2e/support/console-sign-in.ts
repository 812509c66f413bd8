/**
 * Into the administration console from /admin in a real browser: the password, then — the
 * console always asks two factors — another authenticator app set up on the way. Returns the
 * app's code maker, for a later sign-in that asks for a code.
 */
import { expect, type Page } from '@playwright/test';
import { SignInPage } from '../pages/sign-in-page.ts';
import type { Lang } from './labels.ts';
import { identityUrl } from './sesame-server.ts';

export async function enrollIntoConsole(
  page: Page,
  lang: Lang,
  account: { username: string; password: string },
  landing = '/admin/users',
): Promise<void> {
  await page.goto(`${identityUrl}${landing}?lang=${lang}`);
  const signIn = new SignInPage(page, lang);
  await signIn.expectLoaded();
  const choose = await signIn.signInToEnroll(account.username, account.password);
  const otherApp = await choose.chooseOtherApp();
  const authenticator = await otherApp.addToAuthenticatorApp();
  const configuration = await otherApp.confirm(await authenticator.freshCode());
  await configuration.finishButton.click();
  await expect(page).toHaveURL(`${identityUrl}${landing}`);
}
