/**
 * Signing in later (the guide's last paragraph): after the password, Sesame Verify's push first
 * (« Envoyer une notification push », the number to type on the phone) or the app's 6-digit code.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { type Lang, labels } from '../support/labels.ts';
import { Dashboard } from './dashboard.ts';

export class SecondFactorPage {
  readonly heading: Locator;
  readonly code: Locator;
  readonly verify: Locator;
  readonly error: Locator;
  readonly sendPush: Locator;
  readonly useCode: Locator;
  /** The number the page shows for the phone while it waits. */
  readonly pushNumber: Locator;

  readonly page: Page;
  readonly lang: Lang;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.lang = lang;
    const t = labels[lang];
    this.heading = page.getByRole('heading', { level: 1, name: t.secondFactorTitle });
    this.code = page.getByRole('textbox', { name: t.verificationCode, exact: true });
    this.verify = page.getByRole('button', { name: t.verify, exact: true });
    this.error = page.getByRole('alert');
    this.sendPush = page.getByRole('button', { name: t.sendPush, exact: true });
    this.useCode = page.getByRole('link', { name: t.useCodeInstead, exact: true });
    this.pushNumber = page.locator('.push-number');
  }

  /** The step's page, with the code field (another app, or « Saisir un code à la place »). */
  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/\/interaction\/[^/]+\/verify(\?.*)?$/);
    await expect(this.heading).toBeVisible();
    await expect(this.code).toBeVisible();
  }

  /** Sesame Verify with its phone: the push is offered first, the code one link away. */
  async expectPushOffered(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.sendPush).toBeVisible();
    await expect(this.useCode).toBeVisible();
  }

  /** « Saisir un code à la place ». */
  async chooseCode(): Promise<void> {
    await this.useCode.click();
    await this.expectLoaded();
  }

  /** « Envoyer une notification push »: the page shows the number and waits. */
  async sendPushRequest(): Promise<string> {
    await this.sendPush.click();
    await expect(this.pushNumber).toBeVisible();
    return (await this.pushNumber.textContent())?.trim() ?? '';
  }

  /** The sentence that says which app to open (« Ouvrez Sesame Verify sur iPhone … »). */
  intro(text: string | RegExp): Locator {
    return this.page.getByRole('main').getByText(text);
  }

  /** A wrong or already used code: the same page, with the error, the field emptied. */
  async expectRefused(): Promise<void> {
    await expect(this.error).toHaveText(labels[this.lang].codeRefused);
    await this.expectLoaded();
    await expect(this.code).toBeEmpty();
  }

  async enterCode(code: string): Promise<void> {
    await this.code.fill(code);
  }

  /** « Vérifier » with a good code: on to the Espace client, in the portal's language. */
  async submit(portalLang: Lang = this.lang): Promise<Dashboard> {
    await this.verify.click();
    return new Dashboard(this.page, portalLang);
  }
}
