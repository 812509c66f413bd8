/**
 * The organization's branding in a real browser (issue 9, "the organization"): an administrator
 * opens « Organisation » in the console, gives the organization its name, uploads its logo,
 * picks its colour and its support contact; the sign-in page then shows the name and the logo
 * beside « Sesame », in that colour, and a refused sign-in says « Contactez le support : … ».
 * French; on a phone's width too. Then a client adds the account to Sesame Verify: the app shows
 * the organization's name and logo, not the server's host. Everything is put back at the end,
 * for the specs that follow.
 * Screenshots in docs/screenshots/admin/.
 */
import { discPng } from '../apps/identity/test/logo-fixture.ts';
import { PortalHome } from './pages/portal-home.ts';
import { createAccount, runSesameCli } from './support/accounts.ts';
import { signInToConsole } from './support/console-sign-in.ts';
import { enrollSesameVerifyByTyping } from './support/enroll-by-typing.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';
import { expect, test } from './support/phone.ts';

// A French computer (the phone's app follows its own language: French). The second test uses
// the branding the first one set.
test.use({ locale: 'fr-CA' });
test.describe.configure({ mode: 'serial' });

test.afterAll(async () => {
  for (const args of [
    ['name', '--clear'],
    ['logo', '--remove'],
    ['colour', 'default'],
    ['support', '--email', '', '--phone', '', '--url', ''],
  ])
    await runSesameCli(['org', ...args]);
});

test('an administrator brands the sign-in pages with the organization (fr)', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const admin = await createAccount(`admin.${suffix}`, 'Geneviève Roy');
  await runSesameCli(['users', 'grant-admin', admin.username]);
  const organization = '/admin/organization';
  await signInToConsole(page, 'fr', admin, { from: organization, landsOn: organization });
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();

  await page.getByLabel('Nom de l’organisation').fill('Caisse Laurentienne');
  await page.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect(page.getByRole('status')).toHaveText('Le nom de l’organisation est enregistré.');

  await page.getByLabel('Fichier du logo').setInputFiles({
    name: 'caisse.png',
    mimeType: 'image/png',
    buffer: discPng(96, [0x1b, 0x5e, 0x20]),
  });
  await page.getByRole('button', { name: 'Téléverser le logo' }).click();
  await expect(page.getByRole('status')).toHaveText('Le logo est enregistré.');
  await expect(page.getByRole('img', { name: 'Logo actuel' })).toBeVisible();

  // Too light for white text: refused, and said.
  await page.getByLabel('Couleur (#rrggbb)').fill('#ffd54f');
  await page.locator('form[action$="/colour"]').getByRole('button').click();
  await expect(page.getByRole('alert')).toContainText('Cette couleur est trop claire');
  await page.getByLabel('Couleur (#rrggbb)').fill('#1b5e20');
  await page.locator('form[action$="/colour"]').getByRole('button').first().click();
  await expect(page.getByRole('status')).toHaveText('La couleur d’accent est enregistrée.');

  await page.getByLabel('Courriel du support').fill('aide@caisse-laurentienne.example');
  await page.getByLabel('Téléphone du support').fill('1 800 555-0199');
  await page.getByLabel('Page web du support').fill('https://caisse-laurentienne.example/aide');
  await page.locator('form[action$="/support"]').getByRole('button').click();
  await expect(page.getByRole('status')).toHaveText('Le contact du support est enregistré.');
  await saveScreenshot(page, 'admin/05-organization.fr.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await saveScreenshot(page, 'admin/05-organization.phone.fr.png');

  // A client's sign-in, in a browser of its own: the organization beside « Sesame ».
  const client = await browser.newPage({ locale: 'fr-CA' });
  const signIn = await new PortalHome(client, 'fr').goto().then((home) => home.startSignIn());
  const header = client.locator('header.site-header');
  await expect(header).toContainText('Sesame');
  await expect(header).toContainText('Caisse Laurentienne');
  const logoLoaded = await header
    .locator('img.org-logo')
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 96);
  expect(logoLoaded).toBe(true);
  // The accent colour reaches the buttons through --accent.
  await expect(signIn.submit).toHaveCSS('background-color', 'rgb(27, 94, 32)');
  await saveScreenshot(client, 'admin/06-sign-in-branded.fr.png');

  await signIn.fillAndSubmit('personne.inconnue', 'pas le bon mot de passe');
  await expect(signIn.error).toContainText('Impossible de vous connecter.');
  await expect(client.getByText('Contactez le support :')).toBeVisible();
  await expect(
    client.getByRole('link', { name: /aide@caisse-laurentienne\.example/ }),
  ).toHaveAttribute('href', 'mailto:aide@caisse-laurentienne.example');
  await client.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(client);
  await saveScreenshot(client, 'admin/07-sign-in-support.phone.fr.png');
  await client.close();
});

test('Sesame Verify shows the organization’s name and logo on the account (fr)', async ({
  page,
  phones,
}) => {
  test.setTimeout(120_000);
  const client = await createAccount(`client.${Date.now().toString(36)}`, 'Marie Tremblay');
  const phone = await phones.withoutCamera();
  await enrollSesameVerifyByTyping(page, phone, client, 'fr');
  const account = phone.page.getByTestId('account');
  await expect(account.getByRole('heading', { level: 2 })).toHaveText('Caisse Laurentienne');
  const logoLoaded = await account
    .getByTestId('account-logo')
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 96);
  expect(logoLoaded).toBe(true);
  await saveScreenshot(phone.page, 'admin/08-sesame-verify-account.phone.fr.png');
  expect(phone.problems).toEqual([]);
});
