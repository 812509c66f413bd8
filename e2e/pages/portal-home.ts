/** The portal's home page for visitors: its title and the « Me connecter » button. */
import { expect, type Locator, type Page } from '@playwright/test';
import { type Lang, labels } from '../support/labels.ts';
import { startingWith } from '../support/page-checks.ts';
import { identityUrl, portalUrl } from '../support/sesame-server.ts';
import { SignInPage } from './sign-in-page.ts';

export class PortalHome {
  readonly page: Page;
  readonly lang: Lang;

  readonly heading: Locator;
  readonly signInButton: Locator;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.lang = lang;
    const t = labels[lang];
    this.heading = page.getByRole('heading', { level: 1, name: t.portalHomeTitle });
    this.signInButton = page.getByRole('main').getByRole('link', { name: t.portalSignIn });
  }

  async goto(): Promise<this> {
    await this.page.goto('/');
    await this.expectLoaded();
    return this;
  }

  /** On the home page, signed out (the home page sends signed-in clients to the dashboard). */
  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(`${portalUrl}/`);
    await expect(this.heading).toBeVisible();
    await expect(this.signInButton).toBeVisible();
  }

  /** « Me connecter »: the portal hands over to Sesame's sign-in page. */
  async startSignIn(): Promise<SignInPage> {
    await this.signInButton.click();
    await expect(this.page).toHaveURL(startingWith(`${identityUrl}/interaction/`));
    const signIn = new SignInPage(this.page, this.lang);
    await signIn.expectLoaded();
    return signIn;
  }
}
