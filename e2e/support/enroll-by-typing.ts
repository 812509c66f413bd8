/**
 * A client's first sign-in with Sesame Verify by the guide's typed path (« Impossible de numériser
 * ? »): the computer at the QR page, the phone typing the activation code, the computer moving on
 * by itself, « Terminer », and the Espace client. For the journeys that start after enrollment.
 */
import type { Page } from '@playwright/test';
import type { Dashboard } from '../pages/dashboard.ts';
import { PortalHome } from '../pages/portal-home.ts';
import { SesameVerifyApp } from '../pages/sesame-verify-app.ts';
import type { TestAccount } from './accounts.ts';
import type { Lang } from './labels.ts';
import type { Phone } from './phone.ts';
import { identityUrl } from './sesame-server.ts';

export async function enrollSesameVerifyByTyping(
  page: Page,
  phone: Phone,
  account: TestAccount,
  lang: Lang,
): Promise<{ app: SesameVerifyApp; dashboard: Dashboard }> {
  const signIn = await (await new PortalHome(page, lang).goto()).startSignIn();
  const choose = await signIn.signInToEnroll(account.username, account.password);
  const deviceType = await choose.chooseSesameVerify();
  await deviceType.select('android');
  const qrPage = await deviceType.continue();
  const manual = await qrPage.openCantScan();
  const app = new SesameVerifyApp(phone.page);
  await app.addAccountByTyping(manual, new URL(identityUrl).host);
  const configuration = await qrPage.expectMovedOnByItself();
  const dashboard = await configuration.finish();
  await dashboard.expectLoaded(account.name);
  return { app, dashboard };
}
