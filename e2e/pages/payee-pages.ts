/**
 * The Espace client's « Bénéficiaires »: « Ajouter un bénéficiaire », then the page that shows
 * the number to type in Sesame Verify and moves on by itself once the client approved.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { portalUrl } from '../support/sesame-server.ts';

export class PayeesSection {
  readonly page: Page;
  readonly name: Locator;
  readonly add: Locator;
  readonly payees: Locator;
  readonly added: Locator;

  constructor(page: Page) {
    this.page = page;
    this.name = page.getByLabel('Nom du bénéficiaire', { exact: true });
    this.add = page.getByRole('button', { name: 'Ajouter le bénéficiaire', exact: true });
    this.payees = page.getByTestId('payees');
    this.added = page.getByTestId('payee-added');
  }

  /** « Ajouter un bénéficiaire »: on to the approval page, which shows the number. */
  async addPayee(name: string): Promise<PayeeApprovalPage> {
    await this.name.fill(name);
    await this.add.click();
    const approval = new PayeeApprovalPage(this.page);
    await approval.expectLoaded();
    return approval;
  }
}

export class PayeeApprovalPage {
  readonly page: Page;
  readonly message: Locator;
  readonly number: Locator;

  constructor(page: Page) {
    this.page = page;
    this.message = page.getByTestId('binding-message');
    this.number = page.getByTestId('approval-number');
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(`${portalUrl}/payees/approval`);
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Approuvez dans Sesame Verify' }),
    ).toBeVisible();
    await expect(this.page.getByText('Ouvrez Sesame Verify et saisissez ce nombre')).toBeVisible();
  }

  async shownNumber(): Promise<string> {
    const number = ((await this.number.textContent()) ?? '').trim();
    expect(number).toMatch(/^\d{6}$/);
    return number;
  }
}
