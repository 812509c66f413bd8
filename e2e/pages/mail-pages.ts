/**
 * The pages of the mail Sesame sends, as a person meets them: the development outbox (no SMTP
 * configured) with its clickable links, the address-verification page, « Mot de passe oublié »
 * and the reset link's page.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Lang } from '../support/labels.ts';
import { identityUrl } from '../support/sesame-server.ts';

export const mailLabels = {
  fr: {
    outboxTitle: "Boîte d'envoi de développement",
    verifySubject: 'Confirmez votre adresse courriel',
    verifyTitle: 'Confirmer votre adresse courriel',
    confirmAddress: 'Confirmer mon adresse',
    verified: 'Votre adresse courriel est confirmée. Vous pouvez fermer cette page.',
    forgotLink: 'Mot de passe oublié ?',
    forgotTitle: 'Mot de passe oublié',
    identifier: "Nom d'utilisateur ou adresse courriel",
    sendLink: 'Envoyer le lien',
    sent: /un lien vient d'y être envoyé/,
    resetSubject: 'Réinitialisez votre mot de passe',
    resetTitle: 'Choisir un nouveau mot de passe',
    newPassword: 'Nouveau mot de passe',
    save: 'Enregistrer le mot de passe',
    doneTitle: 'Mot de passe changé',
    signIn: 'Me connecter',
  },
  en: {
    outboxTitle: 'Development outbox',
    // The account's first mail is in French: it chose English when it confirmed its address.
    verifySubject: 'Confirmez votre adresse courriel',
    verifyTitle: 'Confirm your email address',
    confirmAddress: 'Confirm my address',
    verified: 'Your email address is confirmed. You can close this page.',
    forgotLink: 'Forgot your password?',
    forgotTitle: 'Forgot password',
    identifier: 'Username or email address',
    sendLink: 'Send the link',
    sent: /a link was just sent to it/,
    resetSubject: 'Reset your password',
    resetTitle: 'Choose a new password',
    newPassword: 'New password',
    save: 'Save the password',
    doneTitle: 'Password changed',
    signIn: 'Sign me in',
  },
} as const;

export class Outbox {
  readonly page: Page;
  readonly lang: Lang;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.lang = lang;
  }

  async goto(): Promise<this> {
    await this.page.goto(`${identityUrl}/dev/outbox`);
    await expect(
      this.page.getByRole('heading', { level: 1, name: mailLabels[this.lang].outboxTitle }),
    ).toBeVisible();
    return this;
  }

  /** The newest message to `to` with this subject (the page lists the newest first). */
  message(to: string, subject: string): Locator {
    return this.page
      .getByRole('article')
      .filter({ has: this.page.getByRole('heading', { name: subject, exact: true }) })
      .filter({ hasText: to })
      .first();
  }

  /** The outbox showing that message (reloaded until it is there: mail leaves after the answer). */
  async waitForMessage(to: string, subject: string): Promise<Locator> {
    await expect(async () => {
      await this.goto();
      await expect(this.message(to, subject)).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
    return this.message(to, subject);
  }

  /** Open the (first) link of that message. */
  async openLink(to: string, subject: string): Promise<void> {
    await (await this.waitForMessage(to, subject)).getByRole('link').first().click();
  }
}

export class ForgotPasswordPage {
  readonly page: Page;
  readonly lang: Lang;
  readonly heading: Locator;
  readonly identifier: Locator;
  readonly send: Locator;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.lang = lang;
    const t = mailLabels[lang];
    this.heading = page.getByRole('heading', { level: 1, name: t.forgotTitle });
    this.identifier = page.getByRole('textbox', { name: t.identifier, exact: true });
    this.send = page.getByRole('button', { name: t.sendLink, exact: true });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/\/password\/forgot\?client=/);
    await expect(this.heading).toBeVisible();
    await expect(this.identifier).toBeFocused();
  }

  async askFor(identifier: string): Promise<void> {
    await this.identifier.fill(identifier);
    await this.send.click();
    await expect(this.page.getByRole('status')).toHaveText(mailLabels[this.lang].sent);
  }
}

export class ResetPasswordPage {
  readonly page: Page;
  readonly lang: Lang;
  readonly heading: Locator;
  readonly password: Locator;
  readonly save: Locator;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.lang = lang;
    const t = mailLabels[lang];
    this.heading = page.getByRole('heading', { level: 1, name: t.resetTitle });
    this.password = page.getByLabel(t.newPassword, { exact: true });
    this.save = page.getByRole('button', { name: t.save, exact: true });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/\/password\/reset\?token=/);
    await expect(this.heading).toBeVisible();
    await expect(this.password).toBeVisible();
  }

  /** Save the new password: the outcome page, which signs no one in. */
  async setPassword(password: string): Promise<void> {
    await this.password.fill(password);
    await this.save.click();
    const t = mailLabels[this.lang];
    await expect(this.page.getByRole('heading', { level: 1, name: t.doneTitle })).toBeVisible();
    await expect(this.page.getByRole('status')).toBeVisible();
  }
}
