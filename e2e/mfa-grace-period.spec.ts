/**
 * The MFA policy in a real browser (ADR 0013): with three days of grace, a new account's first
 * sign-in reaches the choice of method with « La configuration sera obligatoire dans 3 jours » and
 * « Plus tard », which takes it to the Espace client with the password alone; an administrator
 * makes a group and sets the policy in the console (« Groupes », « Politique MFA »). The policy is
 * put back at the end of each test.
 */
import { expect, test } from '@playwright/test';
import { Dashboard } from './pages/dashboard.ts';
import { PortalHome } from './pages/portal-home.ts';
import { createAccount, runSesameCli } from './support/accounts.ts';
import { signInToConsole } from './support/console-sign-in.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';

test.use({ locale: 'fr-CA' });

test.afterEach(async () => {
  await runSesameCli(['org', 'mfa-policy', 'set', '--for', 'everyone', '--grace-days', '0']);
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

test('an administrator makes a group and requires MFA of its members, with a grace', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const admin = await createAccount(`chef.${suffix}`, 'Hélène Côté');
  await runSesameCli(['users', 'grant-admin', admin.username]);
  const member = await createAccount(`compta.${suffix}`, 'Paul Roy');
  await signInToConsole(page, 'fr', admin);

  await page.getByRole('link', { name: 'Groupes' }).click();
  await page.getByLabel('Nom', { exact: true }).fill(`Comptabilité ${suffix}`);
  await page.getByLabel('Description').fill('Le service des comptes');
  await page.getByRole('button', { name: 'Créer le groupe' }).click();
  await expect(page.getByRole('status')).toHaveText('Le groupe est enregistré.');
  await page.getByLabel('Nom d’utilisateur').fill(member.username);
  await page.getByRole('button', { name: 'Ajouter un membre' }).click();
  await expect(page.getByRole('status')).toHaveText('Le compte est ajouté au groupe.');
  await saveScreenshot(page, 'admin/06-group.fr.png');

  await page.getByRole('link', { name: 'Politique MFA' }).click();
  await page.getByLabel('Pour les membres des groupes choisis').check();
  await page.getByLabel(`Comptabilité ${suffix}`).check();
  await page.getByLabel('Code par courriel').selectOption('not_allowed');
  await page.getByLabel('Délai avant que la configuration soit obligatoire (jours)').fill('3');
  await page.getByRole('button', { name: 'Enregistrer la politique' }).click();
  await expect(page.getByRole('status')).toHaveText('La politique MFA est enregistrée.');
  await saveScreenshot(page, 'admin/07-mfa-policy.fr.png');
  expect(await runSesameCli(['org', 'mfa-policy'])).toContain(
    `MFA required for: groups (Comptabilité ${suffix})`,
  );
});
