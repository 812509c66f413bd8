/** The signed-in client's dashboard: the greeting, the security card and « Me déconnecter ». */
import { expect, type Locator, type Page } from '@playwright/test';
import { type Lang, labels } from '../support/labels.ts';
import { portalUrl } from '../support/sesame-server.ts';
import { PortalHome } from './portal-home.ts';

export class Dashboard {
  readonly page: Page;
  readonly lang: Lang;

  readonly signOutButton: Locator;
  /** The security card's line: this sign-in used a second factor (amr), or only the password. */
  readonly usedMfa: Locator;
  readonly usedPasswordOnly: Locator;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.lang = lang;
    const t = labels[lang];
    this.signOutButton = page.getByRole('button', { name: t.signOut, exact: true });
    this.usedMfa = page.getByText(t.usedMfa, { exact: true });
    this.usedPasswordOnly = page.getByText(t.usedPasswordOnly);
  }

  greeting(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: labels[this.lang].greeting(name) });
  }

  async expectLoaded(name: string): Promise<void> {
    await expect(this.page).toHaveURL(`${portalUrl}/dashboard`);
    await expect(this.greeting(name)).toBeVisible();
    await expect(this.signOutButton).toBeVisible();
  }

  /** Signs out of the portal and of Sesame, and lands back on the portal's home page. */
  async signOut(): Promise<PortalHome> {
    await this.signOutButton.click();
    const home = new PortalHome(this.page, this.lang);
    await home.expectLoaded();
    return home;
  }
}
