/**
 * G-45 in a real browser: the client keeps the QR page open (the guide says to) and opens the
 * Espace client in a second tab, which starts a second sign-in. The first tab's enrollment must
 * still move on by itself and reach the Espace client.
 */
import { ChooseMethodPage } from './pages/enrollment-pages.ts';
import { PortalHome } from './pages/portal-home.ts';
import { SesameVerifyApp } from './pages/sesame-verify-app.ts';
import { createAccount } from './support/accounts.ts';
import { labels } from './support/labels.ts';
import { expect, test } from './support/phone.ts';
import { identityUrl } from './support/sesame-server.ts';

const t = labels.fr;

test.use({ locale: t.locale });

test('a second tab on the Espace client does not break the QR page of the first', async ({
  page,
  phones,
}) => {
  test.setTimeout(120_000);
  const account = await createAccount('olivier.fortin', 'Olivier Fortin');

  const signIn = await (await new PortalHome(page, 'fr').goto()).startSignIn();
  await signIn.username.fill(account.username);
  await signIn.password.fill(account.password);
  await signIn.submit.click();
  const choose = new ChooseMethodPage(page, 'fr');
  await choose.expectLoaded();
  const deviceType = await choose.chooseSesameVerify();
  await deviceType.select('android');
  const qrPage = await deviceType.continue();
  const manual = await qrPage.openCantScan();

  // A second tab of the same browser: the Espace client, « Me connecter » again.
  const secondTab = await page.context().newPage();
  const secondSignIn = await (await new PortalHome(secondTab, 'fr').goto()).startSignIn();
  await expect(secondSignIn.username).toBeVisible();

  // The phone, with the first tab's activation code.
  const phone = await phones.withoutCamera();
  await new SesameVerifyApp(phone.page).addAccountByTyping(manual, new URL(identityUrl).host);

  // The first tab moves on by itself, and « Terminer » reaches the Espace client.
  await page.bringToFront();
  const configuration = await qrPage.expectMovedOnByItself();
  const dashboard = await configuration.finish();
  await dashboard.expectLoaded(account.name);
  expect(phone.problems, 'errors in Sesame Verify').toEqual([]);
});
