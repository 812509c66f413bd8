/**
 * The Espace client's « Bénéficiaires »: « Ajouter un bénéficiaire », then the page that shows
 * the number to type in Sesame Verify and moves on by itself once the client approved.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Lang } from '../support/labels.ts';
import { portalUrl } from '../support/sesame-server.ts';

/** The portal's own words for its payee pages, in each language. */
export const payeeLabels = {
  fr: {
    name: 'Nom du bénéficiaire',
    add: 'Ajouter le bénéficiaire',
    waitTitle: 'Approuvez dans Sesame Verify',
    numberHelp: 'Ouvrez Sesame Verify et saisissez ce nombre',
    bindingMessage: (name: string) => `Ajouter le bénéficiaire ${name} ?`,
    added: (name: string) => `Bénéficiaire ${name} ajouté.`,
    denied: /^La demande a été refusée dans Sesame Verify/,
  },
  en: {
    name: 'Payee name',
    add: 'Add the payee',
    waitTitle: 'Approve in Sesame Verify',
    numberHelp: 'Open Sesame Verify and enter this number',
    bindingMessage: (name: string) => `Add the payee ${name}?`,
    added: (name: string) => `Payee ${name} added.`,
    denied: /^The request was declined in Sesame Verify/,
  },
} as const;

export class PayeesSection {
  readonly page: Page;
  readonly name: Locator;
  readonly add: Locator;
  readonly payees: Locator;
  readonly added: Locator;

  readonly lang: Lang;

  constructor(page: Page, lang: Lang = 'fr') {
    this.page = page;
    this.lang = lang;
    this.name = page.getByLabel(payeeLabels[lang].name, { exact: true });
    this.add = page.getByRole('button', { name: payeeLabels[lang].add, exact: true });
    this.payees = page.getByTestId('payees');
    this.added = page.getByTestId('payee-added');
  }

  /** « Ajouter un bénéficiaire »: on to the approval page, which shows the number. */
  async addPayee(name: string): Promise<PayeeApprovalPage> {
    await this.name.fill(name);
    await this.add.click();
    const approval = new PayeeApprovalPage(this.page, this.lang);
    await approval.expectLoaded();
    return approval;
  }
}

export class PayeeApprovalPage {
  readonly page: Page;
  readonly message: Locator;
  readonly number: Locator;
  /** What became of the request, once it is no longer waiting (declined, expired…). */
  readonly outcome: Locator;
  readonly lang: Lang;

  constructor(page: Page, lang: Lang = 'fr') {
    this.page = page;
    this.lang = lang;
    this.message = page.getByTestId('binding-message');
    this.number = page.getByTestId('approval-number');
    this.outcome = page.getByTestId('approval-outcome');
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(`${portalUrl}/payees/approval`);
    await expect(
      this.page.getByRole('heading', { level: 1, name: payeeLabels[this.lang].waitTitle }),
    ).toBeVisible();
    await expect(this.page.getByText(payeeLabels[this.lang].numberHelp)).toBeVisible();
  }

  async shownNumber(): Promise<string> {
    const number = ((await this.number.textContent()) ?? '').trim();
    expect(number).toMatch(/^\d{6}$/);
    return number;
  }
}
