/**
 * Approving a sensitive operation (issue 7 §3), in a real browser and a phone's: a client who
 * enrolled Sesame Verify adds a payee in the Espace client; the portal asks Sesame by CIBA and
 * shows a number; the open app shows « Approuver une opération » and « Demande de Espace client :
 * Ajouter le bénéficiaire … ? » first; the number typed and « Approuver » tapped, the portal's page
 * moves on by itself to the dashboard, which lists the payee. Then a payee denied on the phone:
 * the portal says so by itself and adds nothing.
 */
import { PayeesSection, payeeLabels } from './pages/payee-pages.ts';
import { createAccount } from './support/accounts.ts';
import { enrollSesameVerifyByTyping } from './support/enroll-by-typing.ts';
import { labels, verifyLabels as v } from './support/labels.ts';
import { saveScreenshot } from './support/page-checks.ts';
import { expect, test } from './support/phone.ts';
import { portalUrl } from './support/sesame-server.ts';

for (const lang of ['fr', 'en'] as const) {
  const t = labels[lang];
  const p = payeeLabels[lang];

  test.describe(`on a ${lang} computer`, () => {
    test.use({ locale: t.locale });

    test('a payee added once approved on the phone with the number', async ({ page, phones }) => {
      test.setTimeout(120_000);
      const account = await createAccount(`sophie.lavoie.${lang}`, 'Sophie Lavoie');

      // Sign in and enroll Sesame Verify by the typed path (the guide's « Impossible de numériser ? »).
      const phone = await phones.withoutCamera();
      const { app } = await enrollSesameVerifyByTyping(page, phone, account, lang);

      // « Ajouter un bénéficiaire »: the portal shows the number to type on the phone.
      const payees = new PayeesSection(page, lang);
      await payees.name.fill('Marie Tremblay');
      await saveScreenshot(page, `payee/payee-form.desktop.${lang}.png`);
      const approval = await payees.addPayee('Marie Tremblay');
      await expect(approval.message).toHaveText(p.bindingMessage('Marie Tremblay'));
      const number = await approval.shownNumber();
      await saveScreenshot(page, `payee/payee-waiting.desktop.${lang}.png`);

      // The phone: the operation first, then the number.
      await app.expectPushRequest();
      await expect(app.title(v.operationTitle)).toBeVisible();
      await expect(phone.page.getByTestId('push-operation')).toHaveText(
        `Demande de Espace client : ${p.bindingMessage('Marie Tremblay')}`,
      );
      if (lang === 'fr') await saveScreenshot(phone.page, 'payee/payee-request.phone.fr.png');
      await phone.page.getByLabel(v.operationNumber, { exact: true }).fill(number);
      await phone.page.getByRole('button', { name: v.approve, exact: true }).tap();
      await expect(app.notice).toHaveText(v.approved);
      if (lang === 'fr') await saveScreenshot(phone.page, 'payee/payee-approved.phone.fr.png');

      // The computer moves on by itself (the portal polls at the issuer's interval): no click here.
      await expect(page).toHaveURL(`${portalUrl}/dashboard`, { timeout: 15_000 });
      await expect(payees.added).toContainText(p.added('Marie Tremblay'));
      await expect(payees.payees).toContainText('Marie Tremblay');
      await saveScreenshot(page, `payee/payee-added.desktop.${lang}.png`);

      // A payee the client did not ask for: « Ce n'était pas moi » on the phone, and the portal
      // says, by itself, that nothing was added.
      const declined = await payees.addPayee('Paul Gagnon');
      await app.expectPushRequest();
      await app.deny();
      await expect(declined.outcome).toHaveText(p.denied, { timeout: 15_000 });
      await saveScreenshot(page, `payee/payee-declined.desktop.${lang}.png`);
      await page.goto(`${portalUrl}/dashboard`);
      await expect(payees.payees).not.toContainText('Paul Gagnon');
      expect(phone.problems, 'errors in Sesame Verify').toEqual([]);
    });
  });
}
