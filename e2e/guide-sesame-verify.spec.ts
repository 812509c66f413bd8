/**
 * The client guide itself (../shared/seed), step by step, with Sesame Verify: a computer
 * (desktop Chromium) signs in with a new account and shows the QR code; a phone (a second
 * Chromium, as an iPhone, whose camera films that QR code) goes through the app's screens;
 * the computer's page moves on by itself; « Terminer » reaches the Espace client.
 * Then the client signs in again with the app's 6-digit code. Every step is photographed, on
 * the computer and on the phone, into docs/screenshots/guide/ (the README's illustrated guide).
 */
import { ChooseMethodPage } from './pages/enrollment-pages.ts';
import { PortalHome } from './pages/portal-home.ts';
import { iphoneDeviceName, SesameVerifyApp } from './pages/sesame-verify-app.ts';
import { createAccount } from './support/accounts.ts';
import { labels } from './support/labels.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';
import { expect, test } from './support/phone.ts';
import { identityUrl } from './support/sesame-server.ts';

const t = labels.fr;
const shot = (name: string) => `guide/${name}`;

test.use({ locale: t.locale });

test('the guide: Sesame Verify enrolls by QR code, the computer moves on by itself', async ({
  page,
  phones,
}) => {
  test.setTimeout(120_000);
  const account = await createAccount('marie.gagnon', 'Marie Gagnon');

  // Step 2: on the computer, « Nom d'utilisateur », « Mot de passe », « Me connecter ».
  const signIn = await (await new PortalHome(page, 'fr').goto()).startSignIn();
  await signIn.username.fill(account.username);
  await signIn.password.fill(account.password);
  await saveScreenshot(page, shot('02-sign-in.desktop.png'));
  await signIn.submit.click();

  // Step 3: a new account enrolls; « Choisir » in the Sesame Verify section.
  const choose = new ChooseMethodPage(page, 'fr');
  await choose.expectLoaded();
  await expect(choose.chooseLink(t.sesameVerify)).toBeVisible();
  await expect(choose.chooseLink(t.otherApp)).toBeVisible();
  await saveScreenshot(page, shot('03-choose.desktop.png'));
  const deviceType = await choose.chooseSesameVerify();

  // Step 4: « iPhone », « Suivant »: a QR code, and the page waits.
  await deviceType.select('iphone');
  await expect(deviceType.platform('iphone')).toBeChecked();
  await saveScreenshot(page, shot('04-device-type.desktop.png'));
  const qrPage = await deviceType.continue();
  await saveScreenshot(page, shot('04-qr.desktop.png'));

  // Step 1, as the QR page tells it: how to get Sesame Verify on an iPhone.
  await qrPage.getApp.click();
  await expect(page.getByText(`${identityUrl}/app/`).first()).toBeVisible();
  await saveScreenshot(page, shot('01-get-the-app.desktop.png'));
  await qrPage.getApp.click();

  // The QR code on the screen is the activation link the page also offers as a link.
  const link = await qrPage.activationLink();
  expect(await qrPage.decodeDisplayedQr(), 'the QR code on the screen').toBe(link);

  // Step 5, on the phone: open Sesame Verify, whose camera will film that QR code.
  const phone = await phones.withCameraOn(link);
  const app = new SesameVerifyApp(phone.page);
  await app.open();
  await saveScreenshot(phone.page, shot('05-add-account.phone.png'));
  await app.addAccount();
  await saveScreenshot(phone.page, shot('05-organization.phone.png'));
  await app.chooseOrganization();
  await saveScreenshot(phone.page, shot('05-new-device.phone.png'));
  await app.addFromNewDevice();
  await expect(app.scanButton()).toBeVisible();
  await saveScreenshot(phone.page, shot('05-scan.phone.png'));

  // Step 6: the app decodes the camera's frames by itself; « Suivant ».
  await app.scanQrCode();
  await app.expectConfirming(new URL(identityUrl).host);
  await expectNoHorizontalScroll(phone.page);
  await saveScreenshot(phone.page, shot('06-confirm.phone.png'));
  await app.next();

  // Step 7: « Terminé ». The computer has not been touched since it showed the QR code.
  await expect(qrPage.waiting).toBeVisible();
  await saveScreenshot(phone.page, shot('07-done.phone.png'));
  await app.done();

  // Step 8: a 6-digit code on the phone; the computer moves on by itself.
  await saveScreenshot(phone.page, shot('08-code.phone.png'));
  const configuration = await qrPage.expectMovedOnByItself();

  // Step 9: the configuration page lists Sesame Verify on this iPhone; « Terminer ».
  await expect(configuration.notice(t.sesameVerify)).toBeVisible();
  await expect(
    configuration.enrolled(t.methodOnDevice(t.sesameVerify, iphoneDeviceName)),
  ).toBeVisible();
  await expect(configuration.page.getByRole('region', { name: t.otherApp })).toBeVisible();
  await saveScreenshot(page, shot('09-configuration.desktop.png'));
  const dashboard = await configuration.finish();
  await dashboard.expectLoaded(account.name);
  await saveScreenshot(page, shot('10-espace-client.desktop.png'));

  // Later: sign out, sign in again — the second step offers a push first, and the code.
  const home = await dashboard.signOut();
  const again = await home.startSignIn();
  const secondFactor = await again.signInToSecondFactor(account.username, account.password, {
    push: true,
  });
  await saveScreenshot(page, shot('11-sign-in-push-offered.desktop.png'));
  await secondFactor.chooseCode();
  await expect(secondFactor.intro(/Sesame Verify/)).toBeVisible();
  await expect(secondFactor.intro(new RegExp(iphoneDeviceName))).toBeVisible();
  await secondFactor.enterCode(await app.currentCode());
  await saveScreenshot(page, shot('11-sign-in-with-code.desktop.png'));
  const back = await secondFactor.submit();
  await back.expectLoaded(account.name);
  // The ID token says a second factor was used (amr), and the Espace client shows it.
  await expect(back.usedMfa).toBeVisible();
  await saveScreenshot(page, shot('12-espace-client-with-mfa.desktop.png'));

  expect(phone.problems, 'errors in Sesame Verify').toEqual([]);
});
