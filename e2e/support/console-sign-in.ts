/** The administration console's sign-in in a browser: from /admin, the password, then an authenticator app set up. */
import { expect, type Page } from '@playwright/test';
import { SignInPage } from '../pages/sign-in-page.ts';
import type { Lang } from './labels.ts';
import { identityUrl } from './sesame-server.ts';

export async function signInToConsole(page: Page, lang: Lang, username: string, password: string) {
  await page.goto(`${identityUrl}/admin?lang=${lang}`);
  const signIn = new SignInPage(page, lang);
  await signIn.expectLoaded();
  const choose = await signIn.signInToEnroll(username, password);
  const otherApp = await choose.chooseOtherApp();
  const authenticator = await otherApp.addToAuthenticatorApp();
  const configuration = await otherApp.confirm(await authenticator.freshCode());
  await configuration.finishButton.click();
  await expect(page).toHaveURL(`${identityUrl}/admin/users`);
}
