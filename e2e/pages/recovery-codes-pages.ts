/**
 * The recovery codes' pages (issue 8 §2): the configuration page's « Codes de récupération »
 * section and its « Générer mes codes », the codes shown once, and « Utiliser un code de
 * récupération » at the second factor. The labels are written out here, French and English.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Lang } from '../support/labels.ts';

export const recoveryLabels = {
  fr: {
    section: 'Codes de récupération',
    generate: 'Générer mes codes',
    regenerate: 'Générer de nouveaux codes',
    shownTitle: 'Vos codes de récupération',
    keepSafe: /Conservez ces codes en lieu sûr/,
    copy: 'Copier',
    copied: 'Codes copiés dans le presse-papiers.',
    download: 'Télécharger (.txt)',
    print: 'Imprimer',
    continue: 'Continuer',
    otherMethod: 'Essayer une autre méthode',
    use: 'Utiliser un code de récupération',
    field: 'Code de récupération',
    left: (n: number) => `il vous en reste ${n}`,
    lowAtSignIn: /^Il vous en reste peu : une fois connecté, générez-en de nouveaux/,
    lowAfterUse: (n: number) =>
      `Il ne vous reste que ${n} codes de récupération : générez-en de nouveaux depuis la page « Sécurité » de votre compte.`,
    security: 'Sécurité',
    remaining: (n: number) => `Codes inutilisés : ${n} sur 10`,
    lowOnAccount: (n: number) => `Il ne vous reste que ${n} codes.`,
    fileName: 'sesame-codes-de-recuperation.txt',
  },
  en: {
    section: 'Recovery codes',
    generate: 'Generate my codes',
    regenerate: 'Generate new codes',
    shownTitle: 'Your recovery codes',
    keepSafe: /Keep these codes somewhere safe/,
    copy: 'Copy',
    copied: 'Codes copied to the clipboard.',
    download: 'Download (.txt)',
    print: 'Print',
    continue: 'Continue',
    otherMethod: 'Try another method',
    use: 'Use a recovery code',
    field: 'Recovery code',
    left: (n: number) => `you have ${n} left`,
    lowAtSignIn: /^Only a few are left: once signed in, generate new ones/,
    lowAfterUse: (n: number) =>
      `You have only ${n} recovery codes left: generate new ones from your account’s Security page.`,
    security: 'Security',
    remaining: (n: number) => `Unused codes: ${n} of 10`,
    lowOnAccount: (n: number) => `Only ${n} codes left.`,
    fileName: 'sesame-recovery-codes.txt',
  },
} as const;

/** The page that shows the codes once: read them as their owner would. */
export class RecoveryCodesShown {
  readonly page: Page;
  readonly codes: Locator;
  readonly l: (typeof recoveryLabels)[Lang];

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.l = recoveryLabels[lang];
    this.codes = page.getByRole('list', { name: lang === 'fr' ? 'Vos 10 codes' : 'Your 10 codes' });
  }

  async read(): Promise<string[]> {
    await expect(
      this.page.getByRole('heading', { level: 1, name: this.l.shownTitle }),
    ).toBeVisible();
    await expect(this.page.getByRole('note')).toHaveText(this.l.keepSafe);
    const codes = (await this.codes.locator('code').allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    return codes;
  }
}

/** On the configuration page: « Générer mes codes » in its section, then on its own page. */
export async function generateFromConfiguration(
  page: Page,
  lang: Lang,
): Promise<RecoveryCodesShown> {
  const l = recoveryLabels[lang];
  const section = page.getByRole('region', { name: l.section });
  await expect(section).toBeVisible();
  await section.getByRole('link', { name: l.generate }).click();
  await page.getByRole('button', { name: l.generate }).click();
  return new RecoveryCodesShown(page, lang);
}

/** At the second factor: « Essayer une autre méthode » → « Utiliser un code de récupération ». */
export async function chooseRecoveryCode(page: Page, lang: Lang): Promise<Locator> {
  const l = recoveryLabels[lang];
  await page.getByText(l.otherMethod, { exact: true }).click();
  await page.getByRole('link', { name: l.use, exact: true }).click();
  const field = page.getByRole('textbox', { name: l.field, exact: true });
  await expect(field).toBeVisible();
  return field;
}
