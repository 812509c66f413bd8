/**
 * The security page in a real browser (G-23 through the step runner, ADR 0005): from the Espace
 * client's « Sécurité » link, « Retirer » a method. The sign-in's code is of the last minutes, so
 * the page asks nothing more and shows « Retirer cette méthode ? »; after the removal the page
 * says so and lists no method. Screenshots of both pages, French and on a phone's width.
 */
import { expect, test } from '@playwright/test';
import { PortalHome } from './pages/portal-home.ts';
import { createAccount } from './support/accounts.ts';
import { labels } from './support/labels.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';

const t = labels.fr;

test.use({ locale: t.locale, viewport: { width: 390, height: 844 } });

test('removing a method from the security page, with the sign-in’s fresh code', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const account = await createAccount('nadia.cote', 'Nadia Côté');
  const signIn = await (await new PortalHome(page, 'fr').goto()).startSignIn();
  const choose = await signIn.signInToEnroll(account.username, account.password);
  const otherApp = await choose.chooseOtherApp();
  const authenticator = await otherApp.addToAuthenticatorApp();
  const configuration = await otherApp.confirm(await authenticator.freshCode());
  const dashboard = await configuration.finish();
  await dashboard.expectLoaded(account.name);

  await page.getByRole('link', { name: 'Sécurité' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sécurité du compte' })).toBeVisible();
  await page.getByRole('link', { name: /^Retirer / }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Retirer cette méthode ?' }),
  ).toBeVisible();
  await expect(page.getByRole('note')).toContainText('seule méthode');
  await expectNoHorizontalScroll(page);
  await saveScreenshot(page, '07-remove-method.fr.png');

  await page.getByRole('button', { name: 'Retirer la méthode' }).click();
  await expect(page.getByRole('status')).toHaveText('La méthode a été retirée.');
  await expect(page.getByText('Aucune méthode de vérification pour le moment.')).toBeVisible();
  await saveScreenshot(page, '07-method-removed.fr.png');
});
