/**
 * The other path of step 3: « Choisir » on « Autre application d'authentification » (Google
 * Authenticator, Microsoft Authenticator, 1Password…). The test is that app: it reads the secret
 * key the page shows, in groups of four, and computes the codes itself (otplib). One code
 * confirms the app; « Terminer » reaches the Espace client; the next sign-in asks for a new code.
 */
import { expect, test } from '@playwright/test';
import { PortalHome } from './pages/portal-home.ts';
import { createAccount } from './support/accounts.ts';
import { labels } from './support/labels.ts';
import { saveScreenshot } from './support/page-checks.ts';

const t = labels.fr;

test.use({ locale: t.locale });

test('another authenticator app: secret key, one code, then a new code at the next sign-in', async ({
  page,
}) => {
  // A code is accepted once: the second sign-in may wait up to 30 s for the next one.
  test.setTimeout(90_000);
  const account = await createAccount('sophie.roy', 'Sophie Roy');

  const signIn = await (await new PortalHome(page, 'fr').goto()).startSignIn();
  const choose = await signIn.signInToEnroll(account.username, account.password);
  const otherApp = await choose.chooseOtherApp();
  const authenticator = await otherApp.addToAuthenticatorApp();
  await saveScreenshot(page, 'guide/other-app.desktop.png');

  const enrollmentCode = await authenticator.freshCode();
  const configuration = await otherApp.confirm(enrollmentCode);
  await expect(configuration.notice(t.otherApp)).toBeVisible();
  await expect(configuration.enrolled(t.otherApp)).toBeVisible();
  // Sesame Verify is still offered, with « Choisir ».
  await expect(configuration.page.getByRole('region', { name: t.sesameVerify })).toBeVisible();
  const dashboard = await configuration.finish();
  await dashboard.expectLoaded(account.name);

  // Later: the password, then a code the app has not given before.
  const home = await dashboard.signOut();
  const again = await home.startSignIn();
  const secondFactor = await again.signInToSecondFactor(account.username, account.password);
  await expect(secondFactor.intro(/application d'authentification/)).toBeVisible();
  // The code that confirmed the app was used once already: refused.
  await secondFactor.enterCode(enrollmentCode);
  await secondFactor.verify.click();
  await secondFactor.expectRefused();
  await secondFactor.enterCode(await authenticator.freshCode());
  const back = await secondFactor.submit();
  await back.expectLoaded(account.name);
  await expect(back.usedMfa).toBeVisible();
});
