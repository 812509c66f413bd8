/** Signing in later (the guide's last paragraph): after the password, the app's 6-digit code. */
import { expect, type Locator, type Page } from '@playwright/test';
import { type Lang, labels } from '../support/labels.ts';
import { Dashboard } from './dashboard.ts';

export class SecondFactorPage {
  readonly heading: Locator;
  readonly code: Locator;
  readonly verify: Locator;
  readonly error: Locator;

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
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/\/interaction\/[^/]+\/verify(\?.*)?$/);
    await expect(this.heading).toBeVisible();
    await expect(this.code).toBeVisible();
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
