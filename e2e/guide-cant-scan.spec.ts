/**
 * The guide's step 6, second sentence: the phone cannot scan, so the client clicks « Impossible
 * de numériser ? » on the computer and types what it shows — the organization's address, the
 * username and the activation code — into Sesame Verify (« Saisir le code manuellement »). The
 * computer's page still moves on by itself, and « Terminer » reaches the Espace client.
 */
import type { ChooseMethodPage } from './pages/enrollment-pages.ts';
import { PortalHome } from './pages/portal-home.ts';
import { iphoneDeviceName, SesameVerifyApp } from './pages/sesame-verify-app.ts';
import { createAccount } from './support/accounts.ts';
import { labels } from './support/labels.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';
import { expect, test } from './support/phone.ts';
import { identityUrl } from './support/sesame-server.ts';

const t = labels.fr;

test.use({ locale: t.locale });

test('« Impossible de numériser ? »: the activation code typed in Sesame Verify', async ({
  page,
  phones,
}) => {
  test.setTimeout(90_000);
  const account = await createAccount('luc.bouchard', 'Luc Bouchard');

  const signIn = await (await new PortalHome(page, 'fr').goto()).startSignIn();
  const choose: ChooseMethodPage = await signIn.signInToEnroll(account.username, account.password);
  const deviceType = await choose.chooseSesameVerify();
  await deviceType.select('iphone');
  const qrPage = await deviceType.continue();

  // On the computer: « Impossible de numériser ? » shows what to type instead.
  const manual = await qrPage.openCantScan();
  expect(manual.organizationAddress).toBe(identityUrl);
  expect(manual.username).toBe(account.username);
  // Eight characters of Crockford's base32 (no I, L, O, U), grouped by four for reading.
  expect(manual.activationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  await saveScreenshot(page, 'guide/06-cant-scan.desktop.png');

  // On the phone: the guide's screens up to « Saisir le code manuellement », then type them.
  const phone = await phones.withoutCamera();
  const app = new SesameVerifyApp(phone.page);
  await app.open();
  await app.addAccount();
  await app.chooseOrganization();
  await app.addFromNewDevice();
  await app.enterManually(manual);
  await expectNoHorizontalScroll(phone.page);
  await saveScreenshot(phone.page, 'guide/06-manual-entry.phone.png');
  await app.submitManualEntry();
  await app.expectConfirming(new URL(identityUrl).host);
  await app.next();
  await app.done();

  // The computer, untouched, moves on by itself to the configuration page; « Terminer ».
  const configuration = await qrPage.expectMovedOnByItself();
  await expect(
    configuration.enrolled(t.methodOnDevice(t.sesameVerify, iphoneDeviceName)),
  ).toBeVisible();
  const dashboard = await configuration.finish();
  await dashboard.expectLoaded(account.name);

  expect(phone.problems, 'errors in Sesame Verify').toEqual([]);
});
