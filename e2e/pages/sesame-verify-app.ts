/**
 * Sesame Verify on the phone (the guide's steps 5 to 8): « Ajouter un compte » → « Organisation »
 * → « Ajouter un compte depuis un nouvel appareil » → « Scanner un code QR » (or « Saisir le code
 * manuellement ») → « Suivant » → « Terminé » → the account's 6-digit code. A phone is touched,
 * not clicked: every button is tapped.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { verifyLabels as v } from '../support/labels.ts';
import { identityUrl } from '../support/sesame-server.ts';
import type { ManualActivation } from './enrollment-pages.ts';

/** The device name the app proposes on an iPhone, which the computer's pages then show. */
export const iphoneDeviceName = 'iPhone';

export class SesameVerifyApp {
  readonly addAccountButton: Locator;
  readonly account: Locator;
  readonly code: Locator;
  readonly countdown: Locator;
  readonly notice: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.addAccountButton = page.getByRole('button', { name: v.addAccount, exact: true });
    this.account = page.getByTestId('account');
    this.code = page.getByTestId('totp-code');
    this.countdown = page.getByTestId('countdown');
    this.notice = page.getByTestId('notice');
  }

  screen(name: string): Locator {
    return this.page.getByTestId(`screen-${name}`);
  }

  title(text: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: text, exact: true });
  }

  /** The app as the identity server serves it, on a phone that has no account yet. */
  async open(): Promise<void> {
    await this.page.goto(`${identityUrl}/app/`);
    await expect(this.screen('accounts')).toBeVisible();
    await expect(this.page.getByTestId('empty-state')).toBeVisible();
    await expect(this.addAccountButton).toBeVisible();
  }

  /** 5.1 « Ajouter un compte ». */
  async addAccount(): Promise<void> {
    await this.addAccountButton.tap();
    await expect(this.screen('account-type')).toBeVisible();
    await expect(this.title(v.accountTypeTitle)).toBeVisible();
  }

  /** 5.2 « Organisation » (its button also reads its help text). */
  organizationChoice(): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${v.organization}\\b`) });
  }

  async chooseOrganization(): Promise<void> {
    await this.organizationChoice().tap();
    await expect(this.screen('add-organization')).toBeVisible();
    await expect(this.title(v.addOrganizationTitle)).toBeVisible();
  }

  /** 5.3 « Ajouter un compte depuis un nouvel appareil ». */
  newDeviceChoice(): Locator {
    return this.page.getByRole('button', { name: v.newDevice, exact: true });
  }

  async addFromNewDevice(): Promise<void> {
    await this.newDeviceChoice().tap();
    await expect(this.screen('scan-intro')).toBeVisible();
    await expect(this.title(v.scanTitle)).toBeVisible();
  }

  scanButton(): Locator {
    return this.page.getByRole('button', { name: v.scan, exact: true });
  }

  manualButton(): Locator {
    return this.page.getByRole('button', { name: v.enterManually, exact: true });
  }

  /**
   * 5.4 « Scanner un code QR », then step 6: the camera films the desktop's QR code; the app
   * decodes the frames by itself and asks to confirm the organization.
   */
  async scanQrCode(): Promise<void> {
    await this.scanButton().tap();
    await expect(this.screen('confirm')).toBeVisible({ timeout: 15_000 });
  }

  /** « Saisir le code manuellement »: what the computer shows under « Impossible de numériser ? ». */
  async enterManually(details: ManualActivation): Promise<void> {
    await this.manualButton().tap();
    await expect(this.screen('manual')).toBeVisible();
    await this.page
      .getByLabel(v.manualOrgAddress, { exact: true })
      .fill(details.organizationAddress);
    await this.page.getByLabel(v.manualUsername, { exact: true }).fill(details.username);
    await this.page.getByLabel(v.manualCode, { exact: true }).fill(details.activationCode);
  }

  async submitManualEntry(): Promise<void> {
    await this.page.getByRole('button', { name: v.next, exact: true }).tap();
    await expect(this.screen('confirm')).toBeVisible();
  }

  /** « Ajouter ce compte ? »: the organization is the identity server the link named. */
  async expectConfirming(host: string): Promise<void> {
    await expect(this.title(v.confirmTitle)).toBeVisible();
    await expect(this.page.getByTestId('organization')).toHaveText(host);
  }

  /** Step 6, « Suivant »: on to naming the device (« iPhone » proposed). */
  async next(): Promise<void> {
    await this.page.getByRole('button', { name: v.next, exact: true }).tap();
    await expect(this.screen('device-name')).toBeVisible();
    await expect(this.page.getByLabel(v.deviceName, { exact: true })).toHaveValue(iphoneDeviceName);
  }

  doneButton(): Locator {
    return this.page.getByRole('button', { name: v.done, exact: true });
  }

  /** The guide's steps 5 to 7 by the manual path, without stopping on the way. */
  async addAccountByTyping(details: ManualActivation, host: string): Promise<void> {
    await this.open();
    await this.addAccount();
    await this.chooseOrganization();
    await this.addFromNewDevice();
    await this.enterManually(details);
    await this.submitManualEntry();
    await this.expectConfirming(host);
    await this.next();
    await this.done();
  }

  /**
   * Step 7, « Terminé »: the app registers itself, offers notifications (« Plus tard » here: the
   * app still hears requests while open), and shows the account with its code.
   */
  async done(): Promise<void> {
    await this.doneButton().tap();
    await expect(this.screen('notifications').or(this.screen('accounts'))).toBeVisible({
      timeout: 10_000,
    });
    if (await this.screen('notifications').isVisible())
      await this.page.getByRole('button', { name: v.notificationsLater, exact: true }).tap();
    await expect(this.screen('accounts')).toBeVisible({ timeout: 10_000 });
    await expect(this.notice).toHaveText(v.added);
    await expect(this.account).toHaveCount(1);
    await expect(this.code).toHaveText(/^\d{3} ?\d{3}$/);
  }

  /** A sign-in request has reached the open app: what is asked, shown first. */
  async expectPushRequest(): Promise<Locator> {
    const asked = this.page.getByTestId('push-context');
    await expect(asked).toBeVisible({ timeout: 10_000 });
    return asked;
  }

  /** « Approuver », with the number the computer shows typed in. */
  async approve(number: string): Promise<void> {
    await this.page.getByLabel(v.pushNumber).fill(number);
    await this.page.getByRole('button', { name: v.approve, exact: true }).tap();
    await expect(this.notice).toHaveText(v.approved);
  }

  /** « Ce n'était pas moi ». */
  async deny(): Promise<void> {
    await this.page.getByRole('button', { name: v.deny, exact: true }).tap();
    await expect(this.notice).toBeVisible();
  }

  /**
   * Step 8 and later sign-ins: the 6-digit code on the screen. When it is about to change (the
   * countdown shows 3 s or less), waits for the next one, as a person would.
   */
  async currentCode(): Promise<string> {
    const secondsLeft = Number.parseInt(((await this.countdown.textContent()) ?? '').trim(), 10);
    const shown = (await this.code.textContent()) ?? '';
    if (Number.isFinite(secondsLeft) && secondsLeft <= 3) {
      await expect(this.code).not.toHaveText(shown, { timeout: 5_000 });
    }
    const code = ((await this.code.textContent()) ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^\d{6}$/);
    return code;
  }
}
