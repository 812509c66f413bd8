/**
 * Sesame's enrollment pages on the computer, in the guide's order: choose a method (step 3),
 * the device type (step 4), the QR code that waits for the phone (steps 4–8) with its
 * « Impossible de numériser ? » (step 6), the other-app page, and the configuration page whose
 * « Terminer » continues to the Espace client (step 9).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { type Lang, labels } from '../support/labels.ts';
import { startingWith } from '../support/page-checks.ts';
import { decodeQrSvg } from '../support/qr.ts';
import { identityUrl } from '../support/sesame-server.ts';
import { OtherAuthenticatorApp } from '../support/totp.ts';
import { Dashboard } from './dashboard.ts';

/** A flow's page: an application's sign-in, or a step-up of the security page (« Ajouter »). */
const flowPage = new RegExp(`^${identityUrl}/(interaction|account/step-up)/`);

/** Step 3: « Configurer l'authentification multifacteur », a section per method with « Choisir ». */
export class ChooseMethodPage {
  readonly heading: Locator;
  readonly fewMinutes: Locator;

  readonly page: Page;
  readonly lang: Lang;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.lang = lang;
    const t = labels[lang];
    this.heading = page.getByRole('heading', { level: 1, name: t.enrollTitle });
    this.fewMinutes = page.getByRole('note').filter({ hasText: t.enrollFewMinutes });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/\/(interaction|account\/step-up)\/[^/]+\/enroll$/);
    await expect(this.heading).toBeVisible();
    await expect(this.fewMinutes).toBeVisible();
  }

  /** The method's section (a region named by its heading) and its « Choisir » link. */
  section(method: string): Locator {
    return this.page.getByRole('region', { name: method, exact: true });
  }

  chooseLink(method: string): Locator {
    const t = labels[this.lang];
    return this.section(method).getByRole('link', { name: t.chooseMethod(method), exact: true });
  }

  private async choose(method: string): Promise<void> {
    const link = this.chooseLink(method);
    await expect(link).toHaveText(labels[this.lang].choose);
    await link.click();
  }

  /** « Choisir » in the Sesame Verify section. */
  async chooseSesameVerify(): Promise<DeviceTypePage> {
    await this.choose(labels[this.lang].sesameVerify);
    const next = new DeviceTypePage(this.page, this.lang);
    await next.expectLoaded();
    return next;
  }

  /** « Choisir » in the « Autre application d'authentification » section. */
  async chooseOtherApp(): Promise<OtherAppPage> {
    await this.choose(labels[this.lang].otherApp);
    const next = new OtherAppPage(this.page, this.lang);
    await next.expectLoaded();
    return next;
  }
}

/** Step 4: « iPhone » or « Android », then « Suivant ». */
export class DeviceTypePage {
  readonly heading: Locator;
  readonly next: Locator;

  readonly page: Page;
  readonly lang: Lang;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.lang = lang;
    const t = labels[lang];
    this.heading = page.getByRole('heading', { level: 1, name: t.deviceTitle });
    this.next = page.getByRole('button', { name: t.next, exact: true });
  }

  platform(platform: 'iphone' | 'android'): Locator {
    return this.page.getByRole('radio', { name: labels[this.lang][platform], exact: true });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/\/enroll\/sesame-verify$/);
    await expect(this.heading).toBeVisible();
    await expect(this.platform('iphone')).toBeVisible();
    await expect(this.platform('android')).toBeVisible();
  }

  async select(platform: 'iphone' | 'android'): Promise<void> {
    await this.platform(platform).check();
  }

  async continue(): Promise<ActivationQrPage> {
    await this.next.click();
    const qr = new ActivationQrPage(this.page, this.lang);
    await qr.expectLoaded();
    return qr;
  }
}

export interface ManualActivation {
  organizationAddress: string;
  username: string;
  activationCode: string;
}

/** Steps 4–8: the QR code, kept open, waiting; « Impossible de numériser ? ». */
export class ActivationQrPage {
  readonly heading: Locator;
  readonly qr: Locator;
  readonly waiting: Locator;
  readonly cantScan: Locator;
  readonly openOnThisDevice: Locator;
  readonly getApp: Locator;

  readonly page: Page;
  readonly lang: Lang;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.lang = lang;
    const t = labels[lang];
    this.heading = page.getByRole('heading', { level: 1, name: t.qrTitle });
    this.qr = page.getByRole('img', { name: t.qrAlt, exact: true });
    this.waiting = page.getByRole('status').filter({ hasText: t.qrWaiting });
    this.cantScan = page.getByText(t.cantScan, { exact: true });
    // Inside « Impossible de numériser ? », closed at first: found even while hidden.
    this.openOnThisDevice = page.getByRole('link', {
      name: t.openOnThisDevice,
      exact: true,
      includeHidden: true,
    });
    this.getApp = page.getByText(t.getApp, { exact: true });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/\/enroll\/sesame-verify\/qr\?platform=(ios|android)$/);
    await expect(this.heading).toBeVisible();
    await expect(this.qr).toBeVisible();
    await expect(this.waiting).toBeVisible();
  }

  /**
   * The activation link the QR code carries, as the page also offers it (« Ouvrir Sesame Verify
   * sur cet appareil », in « Impossible de numériser ? »).
   */
  async activationLink(): Promise<string> {
    const href = await this.openOnThisDevice.getAttribute('href');
    expect(href).toMatch(startingWith(`${identityUrl}/app/activate#token=`));
    return href ?? '';
  }

  /** What the QR code on the screen says, read from its pixels. */
  async decodeDisplayedQr(): Promise<string | undefined> {
    return decodeQrSvg(this.qr.locator('svg'));
  }

  /** « Impossible de numériser ? »: opens the details and reads what to type in the app. */
  async openCantScan(): Promise<ManualActivation> {
    const t = labels[this.lang];
    await this.cantScan.click();
    await expect(this.openOnThisDevice).toBeVisible();
    const value = (term: string) =>
      this.page
        .locator('dl.manual dt', { hasText: term })
        .locator('xpath=following-sibling::dd[1]');
    const organizationAddress = ((await value(t.orgAddress).textContent()) ?? '').trim();
    const username = ((await value(t.username).textContent()) ?? '').trim();
    const activationCode = ((await value(t.activationCode).textContent()) ?? '').trim();
    return { organizationAddress, username, activationCode };
  }

  /** Step 8: the page, left alone, moves on to the configuration page by itself. */
  async expectMovedOnByItself(): Promise<ConfigurationPage> {
    await expect(this.page).toHaveURL(/\/enroll\/done\?added=sesame-verify$/, { timeout: 5_000 });
    const configuration = new ConfigurationPage(this.page, this.lang);
    await configuration.expectLoaded();
    return configuration;
  }
}

/** Any other authenticator app: QR code, the secret key grouped by four, one code to confirm. */
export class OtherAppPage {
  readonly heading: Locator;
  readonly qr: Locator;
  readonly secretKey: Locator;
  readonly code: Locator;
  readonly verify: Locator;

  readonly page: Page;
  readonly lang: Lang;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.lang = lang;
    const t = labels[lang];
    this.heading = page.getByRole('heading', { level: 1, name: t.otherAppTitle });
    this.qr = page.getByRole('img', { name: t.otherAppQrAlt, exact: true });
    this.secretKey = page.locator('[data-secret]');
    this.code = page.getByRole('textbox', { name: t.totpCode, exact: true });
    this.verify = page.getByRole('button', { name: t.verify, exact: true });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/\/enroll\/other-app$/);
    await expect(this.heading).toBeVisible();
    await expect(this.secretKey).toBeVisible();
    await expect(this.code).toBeVisible();
  }

  /**
   * The secret key as shown (groups of four), typed into the test's own authenticator app —
   * after checking that the QR code carries the same key in a standard otpauth:// URI.
   */
  async addToAuthenticatorApp(): Promise<OtherAuthenticatorApp> {
    const grouped = ((await this.secretKey.textContent()) ?? '').trim();
    expect(grouped, 'the secret key is shown in groups of four').toMatch(
      /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/,
    );
    const uri = new URL((await decodeQrSvg(this.qr.locator('svg'))) ?? 'unreadable:');
    expect(`${uri.protocol}//${uri.host}`).toBe('otpauth://totp');
    expect(uri.searchParams.get('secret')).toBe(grouped.replace(/ /g, ''));
    // The organization's host names the account in the app (a colon would split the label).
    expect(uri.searchParams.get('issuer')).toBe(new URL(identityUrl).host.replace(':', ' '));
    expect(uri.searchParams.get('algorithm')).toBe('SHA1');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    return new OtherAuthenticatorApp(grouped);
  }

  async confirm(code: string): Promise<ConfigurationPage> {
    await this.code.fill(code);
    await this.verify.click();
    const configuration = new ConfigurationPage(this.page, this.lang);
    await expect(this.page).toHaveURL(/\/enroll\/done\?added=other-app$/);
    await configuration.expectLoaded();
    return configuration;
  }
}

/** Step 9: the activated methods, the others with « Choisir », and « Terminer ». */
export class ConfigurationPage {
  readonly heading: Locator;
  readonly finishButton: Locator;

  readonly page: Page;
  readonly lang: Lang;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.lang = lang;
    const t = labels[lang];
    this.heading = page.getByRole('heading', { level: 1, name: t.configTitle });
    this.finishButton = page.getByRole('button', { name: t.finish, exact: true });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(flowPage);
    await expect(this.heading).toBeVisible();
    await expect(this.finishButton).toBeVisible();
  }

  /** « Méthode activée : … » at the top of the page. */
  notice(method: string): Locator {
    return this.page
      .getByRole('status')
      .filter({ hasText: labels[this.lang].configEnrolledNotice(method) });
  }

  /** An activated method (« ✓ Sesame Verify sur iPhone »), by the name the page gives it. */
  enrolled(description: string): Locator {
    return this.page.locator('li.configured').filter({ hasText: description });
  }

  /** « Terminer »: the sign-in continues to the Espace client, in the portal's language. */
  async finish(portalLang: Lang = this.lang): Promise<Dashboard> {
    await this.finishButton.click();
    return new Dashboard(this.page, portalLang);
  }
}
