/**
 * The email code's pages (issue 8 §3): its section on the configuration page, its enrollment page
 * (« Envoyer un code par courriel », then the code received), the second-factor step's « Envoyer
 * un code par courriel » and « Renvoyer le code », and the development outbox where the code is
 * read (no SMTP configured). The labels are written out here, French and English.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Lang } from '../support/labels.ts';
import { identityUrl } from '../support/sesame-server.ts';

export const sentCodeLabels = {
  fr: {
    title: 'Code par courriel',
    send: 'Envoyer un code par courriel',
    resend: 'Renvoyer le code',
    received: 'Code reçu',
    activate: 'Activer',
    otherMethod: 'Essayer une autre méthode',
    use: (destination: string) => `Utiliser Code par courriel (${destination})`,
    sentTo: (destination: string) => `Saisissez le code à 6 chiffres envoyé à ${destination}.`,
    subject: 'Votre code de vérification Sesame',
    outbox: "Boîte d'envoi de développement",
    code: 'Code de vérification',
    verify: 'Vérifier',
  },
  en: {
    title: 'Email code',
    send: 'Send a code by email',
    resend: 'Resend the code',
    received: 'Code received',
    activate: 'Activate',
    otherMethod: 'Try another method',
    use: (destination: string) => `Use Email code (${destination})`,
    sentTo: (destination: string) => `Enter the 6-digit code sent to ${destination}.`,
    subject: 'Your Sesame verification code',
    outbox: 'Development outbox',
    code: 'Verification code',
    verify: 'Verify',
  },
} as const;

/** The newest code mailed to `to`, read in another tab from the identity server's /dev/outbox. */
export async function codeFromOutbox(page: Page, to: string, lang: Lang): Promise<string> {
  const outbox = await page.context().newPage();
  try {
    await outbox.goto(`${identityUrl}/dev/outbox`);
    await expect(outbox.getByRole('heading', { level: 1 })).toBeVisible();
    const mail = outbox
      .getByRole('article')
      .filter({ has: outbox.getByRole('heading', { name: sentCodeLabels[lang].subject }) })
      .filter({ hasText: to })
      .first();
    const text = (await mail.textContent()) ?? '';
    const code = /\b(\d{6})\b/.exec(text)?.[1];
    expect(code, `a code in the newest mail to ${to}`).toBeDefined();
    return code as string;
  } finally {
    await outbox.close();
  }
}

/** The email code's enrollment page: send a code to the account's address, type it. */
export class EmailCodeEnrollment {
  readonly page: Page;
  readonly l: (typeof sentCodeLabels)[Lang];
  readonly send: Locator;
  readonly code: Locator;
  readonly resend: Locator;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.l = sentCodeLabels[lang];
    this.send = page.getByRole('button', { name: this.l.send, exact: true });
    this.code = page.getByRole('textbox', { name: this.l.received, exact: true });
    this.resend = page.getByRole('button', { name: this.l.resend, exact: true });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/\/enroll\/email-code(\?.*)?$/);
    await expect(this.page.getByRole('heading', { level: 1, name: this.l.title })).toBeVisible();
  }

  async sendCode(destination: string): Promise<void> {
    await this.send.click();
    await expect(this.page.getByText(this.l.sentTo(destination))).toBeVisible();
    await expect(this.code).toBeFocused();
    await expect(this.resend).toBeVisible();
  }

  async confirm(code: string): Promise<void> {
    await this.code.fill(code);
    await this.page.getByRole('button', { name: this.l.activate, exact: true }).click();
    await expect(this.page).toHaveURL(/\/enroll\/done\?added=email-code$/);
  }
}
