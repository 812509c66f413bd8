/**
 * The MFA policy's grace period in a real browser (ADR 0013): with three days of grace, a new
 * account's first sign-in reaches the choice of method with « La configuration sera obligatoire
 * dans 3 jours » and « Plus tard », which takes it to the Espace client with the password alone.
 * The policy is set with the CLI and put back at the end.
 */
import { expect, test } from '@playwright/test';
import { Dashboard } from './pages/dashboard.ts';
import { PortalHome } from './pages/portal-home.ts';
import { createAccount, runSesameCli } from './support/accounts.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';

test.use({ locale: 'fr-CA' });

test.afterEach(async () => {
  await runSesameCli(['org', 'mfa-policy', 'set', '--grace-days', '0']);
});

test('« Plus tard » during the grace period signs in with the password alone', async ({ page }) => {
  await runSesameCli(['org', 'mfa-policy', 'set', '--grace-days', '3']);
  const account = await createAccount('ines.gagnon', 'Inès Gagnon');
  const signIn = await (await new PortalHome(page, 'fr').goto()).startSignIn();
  const choose = await signIn.signInToEnroll(account.username, account.password);
  await expect(page.getByRole('status')).toHaveText(
    'La configuration sera obligatoire dans 3 jours.',
  );
  const later = page.getByRole('button', { name: 'Plus tard' });
  await expect(later).toBeVisible();
  await expect(choose.page.getByRole('heading', { level: 1 })).toBeVisible();
  await saveScreenshot(page, 'admin/05-grace-period.fr.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await saveScreenshot(page, 'admin/05-grace-period.phone.fr.png');
  await later.click();
  await new Dashboard(page, 'fr').expectLoaded(account.name);
});
