/** Sesame's sign-in page: « Nom d'utilisateur », « Mot de passe », « Me connecter ». */
import { expect, type Locator, type Page } from '@playwright/test';
import { type Lang, labels } from '../support/labels.ts';
import { startingWith } from '../support/page-checks.ts';
import { identityUrl } from '../support/sesame-server.ts';
import { ChooseMethodPage } from './enrollment-pages.ts';
import { SecondFactorPage } from './second-factor-page.ts';

export class SignInPage {
  readonly page: Page;
  readonly lang: Lang;

  readonly heading: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly languageToggle: Locator;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.lang = lang;
    const t = labels[lang];
    this.heading = page.getByRole('heading', { level: 1, name: t.signInTitle });
    this.username = page.getByRole('textbox', { name: t.username, exact: true });
    // A password field has no ARIA role: its label is how assistive technology names it.
    this.password = page.getByLabel(t.password, { exact: true });
    this.submit = page.getByRole('button', { name: t.submit, exact: true });
    this.error = page.getByRole('alert');
    this.languageToggle = page.getByRole('link', { name: t.switchLanguage, exact: true });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(startingWith(`${identityUrl}/interaction/`));
    await expect(this.heading).toBeVisible();
    await expect(this.username).toBeVisible();
    await expect(this.password).toBeVisible();
    await expect(this.submit).toBeVisible();
  }

  async fillAndSubmit(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /**
   * Right credentials of an account without an authenticator: MFA is required (the
   * organization's default), so the sign-in continues to enrollment — no dashboard yet.
   */
  async signInToEnroll(username: string, password: string): Promise<ChooseMethodPage> {
    await this.fillAndSubmit(username, password);
    const choose = new ChooseMethodPage(this.page, this.lang);
    await choose.expectLoaded();
    return choose;
  }

  /**
   * Right credentials of an enrolled account: the second step, with the app's code field — or,
   * with `{ push: true }`, Sesame Verify's push offered first.
   */
  async signInToSecondFactor(
    username: string,
    password: string,
    options: { push?: boolean } = {},
  ): Promise<SecondFactorPage> {
    await this.fillAndSubmit(username, password);
    const secondFactor = new SecondFactorPage(this.page, this.lang);
    if (options.push) await secondFactor.expectPushOffered();
    else await secondFactor.expectLoaded();
    return secondFactor;
  }

  /** Wrong credentials: the same page again, with the generic error and nothing given away. */
  async expectSignInFailed(): Promise<void> {
    await expect(this.error).toHaveText(labels[this.lang].signInFailed);
    await this.expectLoaded();
  }

  /** The header's language toggle: the same page, in the other language. */
  async switchLanguage(): Promise<SignInPage> {
    await this.languageToggle.click();
    const other = new SignInPage(this.page, this.lang === 'fr' ? 'en' : 'fr');
    await other.expectLoaded();
    return other;
  }
}
