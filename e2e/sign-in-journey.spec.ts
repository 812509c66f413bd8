/**
 * The client's everyday journey: portal → « Me connecter » → Sesame's sign-in page → dashboard →
 * « Me déconnecter » → signed out. In French, in English and on a phone's screen, plus the wrong
 * password and the sign-in page's language toggle. Screenshots go to docs/screenshots/.
 */
import { devices, expect, test } from '@playwright/test';
import { PortalHome } from './pages/portal-home.ts';
import { type Lang, labels } from './support/labels.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';
import { demoAccount, portalUrl } from './support/sesame-server.ts';

for (const lang of ['fr', 'en'] as const satisfies Lang[]) {
  test.describe(`sign-in journey (${labels[lang].locale})`, () => {
    test.use({ locale: labels[lang].locale });

    test('signs in with the demo account, greets the client and signs out', async ({ page }) => {
      const account = demoAccount();
      const home = await new PortalHome(page, lang).goto();
      await expectNoHorizontalScroll(page);
      await saveScreenshot(page, `01-portal-home.${lang}.png`);

      const signIn = await home.startSignIn();
      await expectNoHorizontalScroll(page);
      await saveScreenshot(page, `02-sign-in.${lang}.png`);

      const dashboard = await signIn.signIn(account.username, account.password);
      await dashboard.expectLoaded(account.name);
      await expectNoHorizontalScroll(page);
      await saveScreenshot(page, `04-dashboard.${lang}.png`);

      const signedOut = await dashboard.signOut();
      await saveScreenshot(page, `05-signed-out.${lang}.png`);

      await test.step('the dashboard is closed to a signed-out visitor', async () => {
        await page.goto('/dashboard');
        await signedOut.expectLoaded();
      });

      await test.step('signing in again asks for the password again', async () => {
        const again = await signedOut.startSignIn();
        await expect(again.password).toBeEmpty();
        await expect(again.username).toBeEmpty();
      });
    });

    test('a wrong password shows the generic error and stays on the sign-in page', async ({
      page,
    }) => {
      const account = demoAccount();
      const signIn = await (await new PortalHome(page, lang).goto()).startSignIn();

      await signIn.fillAndSubmit(account.username, `${account.password}-wrong`);
      await signIn.expectSignInFailed();
      // The username is kept for a second try; the password never comes back.
      await expect(signIn.username).toHaveValue(account.username);
      await expect(signIn.password).toBeEmpty();
      await saveScreenshot(page, `03-sign-in-error.${lang}.png`);

      const dashboard = await signIn.signIn(account.username, account.password);
      await dashboard.expectLoaded(account.name);
    });
  });
}

test.describe('sign-in page language toggle', () => {
  test.use({ locale: labels.fr.locale });

  test('switches the sign-in page to English and still signs in', async ({ page }) => {
    const account = demoAccount();
    const french = await (await new PortalHome(page, 'fr').goto()).startSignIn();

    const english = await french.switchLanguage();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-CA');
    await expect(english.languageToggle).toBeVisible();

    // The toggle changes Sesame's pages only; the portal keeps the language it was opened in.
    const dashboard = await english.signIn(account.username, account.password, 'fr');
    await dashboard.expectLoaded(account.name);
  });
});

test.describe('on a phone (iPhone 13 screen, Chromium)', () => {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices['iPhone 13'];
  test.use({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale: 'fr-CA' });

  test('signs in and out without any sideways scrolling', async ({ page }) => {
    const account = demoAccount();
    const home = await new PortalHome(page, 'fr').goto();
    await expectNoHorizontalScroll(page);
    await saveScreenshot(page, 'phone-01-portal-home.fr.png');

    const signIn = await home.startSignIn();
    await expectNoHorizontalScroll(page);
    await saveScreenshot(page, 'phone-02-sign-in.fr.png');

    const dashboard = await signIn.signIn(account.username, account.password);
    await dashboard.expectLoaded(account.name);
    await expectNoHorizontalScroll(page);
    await saveScreenshot(page, 'phone-04-dashboard.fr.png');

    await dashboard.signOut();
    await expect(page).toHaveURL(`${portalUrl}/`);
  });
});
