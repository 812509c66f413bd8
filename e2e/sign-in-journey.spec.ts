/**
 * The client's sign-in journey: portal → « Me connecter » → Sesame's sign-in page → (MFA is
 * required organization-wide, so a first sign-in goes through enrollment, here with another
 * authenticator app) → dashboard → « Me déconnecter » → signed out. In French, in English and
 * on a phone's screen, plus the wrong password and the sign-in page's language toggle.
 * Screenshots go to docs/screenshots/ (the README shows them).
 */
import { devices, expect, type Page, test } from '@playwright/test';
import type { ChooseMethodPage } from './pages/enrollment-pages.ts';
import { PortalHome } from './pages/portal-home.ts';
import { createAccount } from './support/accounts.ts';
import { type Lang, labels } from './support/labels.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';
import { demoAccount, portalUrl } from './support/sesame-server.ts';

/**
 * Step 3 with « Autre application d'authentification »: the test computes the code from the
 * secret key shown, confirms it, and « Terminer » continues to the Espace client.
 */
async function enrollAnotherApp(
  choose: ChooseMethodPage,
  options: { portalLang?: Lang; onEachPage?: (page: Page) => Promise<void> } = {},
) {
  const check = options.onEachPage ?? (async () => undefined);
  await check(choose.page);
  const otherApp = await choose.chooseOtherApp();
  await check(otherApp.page);
  const authenticator = await otherApp.addToAuthenticatorApp();
  const configuration = await otherApp.confirm(await authenticator.freshCode());
  await check(configuration.page);
  await expect(configuration.enrolled(labels[choose.lang].otherApp)).toBeVisible();
  return configuration.finish(options.portalLang ?? choose.lang);
}

/** Accounts (username, name) made for each test; the demo account enrolls in the first one. */
const journeyAccount: Record<Lang, [string, string] | undefined> = {
  fr: undefined,
  en: ['alex.martin', 'Alex Martin'],
};
const wrongPasswordAccount: Record<Lang, [string, string]> = {
  fr: ['julie.fortin', 'Julie Fortin'],
  en: ['sam.taylor', 'Sam Taylor'],
};

for (const lang of ['fr', 'en'] as const satisfies Lang[]) {
  test.describe(`sign-in journey (${labels[lang].locale})`, () => {
    test.use({ locale: labels[lang].locale });

    test('signs in, enrolls at the first sign-in, greets the client and signs out', async ({
      page,
    }) => {
      const created = journeyAccount[lang];
      // The launcher's demo account is new: MFA is required, so it enrolls too (guide, trigger 2).
      const account = created ? await createAccount(...created) : demoAccount();
      const home = await new PortalHome(page, lang).goto();
      await expectNoHorizontalScroll(page);
      await saveScreenshot(page, `01-portal-home.${lang}.png`);

      const signIn = await home.startSignIn();
      await expectNoHorizontalScroll(page);
      await saveScreenshot(page, `02-sign-in.${lang}.png`);

      // The password is right, but no session yet: the account has no authenticator.
      const choose = await signIn.signInToEnroll(account.username, account.password);
      await expectNoHorizontalScroll(page);
      await saveScreenshot(page, `03-mfa-enroll.${lang}.png`);

      const dashboard = await enrollAnotherApp(choose);
      await dashboard.expectLoaded(account.name);
      await expectNoHorizontalScroll(page);
      await saveScreenshot(page, `04-dashboard.${lang}.png`);

      const signedOut = await dashboard.signOut();
      await saveScreenshot(page, `05-signed-out.${lang}.png`);

      await test.step('the dashboard is closed to a signed-out visitor', async () => {
        await page.goto('/dashboard');
        await signedOut.expectLoaded();
      });

      await test.step('signing in again asks for the password, then for a code', async () => {
        const again = await signedOut.startSignIn();
        await expect(again.password).toBeEmpty();
        await expect(again.username).toBeEmpty();
        // Enrolled now: the second step asks for the app's code, not for enrollment again.
        await again.signInToSecondFactor(account.username, account.password);
      });
    });

    test('a wrong password shows the generic error and stays on the sign-in page', async ({
      page,
    }) => {
      const account = await createAccount(...wrongPasswordAccount[lang]);
      const signIn = await (await new PortalHome(page, lang).goto()).startSignIn();

      await signIn.fillAndSubmit(account.username, `${account.password}-wrong`);
      await signIn.expectSignInFailed();
      // The username is kept for a second try; the password never comes back.
      await expect(signIn.username).toHaveValue(account.username);
      await expect(signIn.password).toBeEmpty();
      await saveScreenshot(page, `03-sign-in-error.${lang}.png`);

      await signIn.signInToEnroll(account.username, account.password);
      await test.step('no session until the second step is done', async () => {
        await page.goto('/dashboard');
        await new PortalHome(page, lang).expectLoaded();
      });
    });
  });
}

test.describe('sign-in page language toggle', () => {
  test.use({ locale: labels.fr.locale });

  test('switches the sign-in page to English and still signs in', async ({ page }) => {
    const account = await createAccount('nadia.benali', 'Nadia Benali');
    const french = await (await new PortalHome(page, 'fr').goto()).startSignIn();

    const english = await french.switchLanguage();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-CA');
    await expect(english.languageToggle).toBeVisible();

    // Sesame's next pages stay in English; the portal keeps the language it was opened in.
    const choose = await english.signInToEnroll(account.username, account.password);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-CA');
    const dashboard = await enrollAnotherApp(choose, { portalLang: 'fr' });
    await dashboard.expectLoaded(account.name);
  });
});

test.describe('on a phone (iPhone 13 screen, Chromium)', () => {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices['iPhone 13'];
  test.use({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale: 'fr-CA' });

  test('signs in, enrolls and signs out without any sideways scrolling', async ({ page }) => {
    const account = await createAccount('olivier.pelletier', 'Olivier Pelletier');
    const home = await new PortalHome(page, 'fr').goto();
    await expectNoHorizontalScroll(page);
    await saveScreenshot(page, 'phone-01-portal-home.fr.png');

    const signIn = await home.startSignIn();
    await expectNoHorizontalScroll(page);
    await saveScreenshot(page, 'phone-02-sign-in.fr.png');

    const choose = await signIn.signInToEnroll(account.username, account.password);
    await saveScreenshot(page, 'phone-03-mfa-enroll.fr.png');
    const dashboard = await enrollAnotherApp(choose, { onEachPage: expectNoHorizontalScroll });
    await dashboard.expectLoaded(account.name);
    await expectNoHorizontalScroll(page);
    await saveScreenshot(page, 'phone-04-dashboard.fr.png');

    await dashboard.signOut();
    await expect(page).toHaveURL(`${portalUrl}/`);
  });
});
