/**
 * Email codes (issue 8 §3) in Chromium, on a French and an English computer: an account whose
 * address was verified (the link mailed by `sesame users verify-email`, read in the development
 * outbox) adds « Code par courriel » at step 9, beside the app it enrolled first — a code is sent
 * to its own address and typed. Later, where the organization does not require MFA, it signs in
 * with « Envoyer un code par courriel », the code read from the outbox (« Renvoyer le code » too
 * soon says when one may be sent again); the Espace client then says only the password counted:
 * an email code is not an AAL2 factor (G-17).
 */
import { expect, type Page, test } from '@playwright/test';
import { ConfigurationPage } from './pages/enrollment-pages.ts';
import { PortalHome } from './pages/portal-home.ts';
import { codeFromOutbox, EmailCodeEnrollment, sentCodeLabels } from './pages/sent-code-pages.ts';
import { runSesameCli } from './support/accounts.ts';
import { type Lang, labels } from './support/labels.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';
import { identityUrl } from './support/sesame-server.ts';

const confirmAddress = { fr: 'Confirmer mon adresse', en: 'Confirm my address' } as const;
const phoneViewport = { width: 390, height: 844 };

/** The address's verification link, opened from the development outbox and confirmed. */
async function verifyAddress(page: Page, email: string, lang: Lang): Promise<void> {
  await page.goto(`${identityUrl}/dev/outbox`);
  const mail = page.getByRole('article').filter({ hasText: email }).first();
  const link = (await mail.getByRole('link').first().getAttribute('href')) ?? '';
  await page.goto(link);
  await page.getByRole('button', { name: confirmAddress[lang] }).click();
  await expect(page.getByRole('status')).toBeVisible();
}

for (const lang of ['fr', 'en'] as const) {
  const t = labels[lang];
  const l = sentCodeLabels[lang];

  test.describe(`on a ${lang} computer`, () => {
    test.use({ locale: t.locale });

    test('an email code added at step 9, then a sign-in with it, read from the outbox', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const username = `juliette.cote.${lang}`;
      const email = `juliette.${lang}@example.ca`;
      const masked = `j•••@example.ca`;
      const password = `${lang}-Sentier-des-Caps-${Date.now()}`;
      const name = 'Juliette Côté';
      await runSesameCli(
        ['users', 'create', username, '--email', email, '--name', name, '--password-stdin'],
        `${password}\n`,
      );
      await runSesameCli(['users', 'verify-email', username]);
      await verifyAddress(page, email, lang);

      // The first sign-in enrolls: the email code is not offered as a first method.
      const signIn = await (await new PortalHome(page, lang).goto()).startSignIn();
      const choose = await signIn.signInToEnroll(username, password);
      await expect(page.getByRole('region', { name: l.title })).toHaveCount(0);
      const otherApp = await choose.chooseOtherApp();
      const app = await otherApp.addToAuthenticatorApp();
      await otherApp.confirm(await app.freshCode());

      // Step 9: « Code par courriel » among the other methods.
      const section = page.getByRole('region', { name: l.title });
      await expect(section).toBeVisible();
      await saveScreenshot(page, `sent-codes/step-9.desktop.${lang}.png`);
      await section.getByRole('link').click();
      const enrollment = new EmailCodeEnrollment(page, lang);
      await enrollment.expectLoaded();
      await saveScreenshot(page, `sent-codes/enroll.desktop.${lang}.png`);
      await enrollment.sendCode(masked);
      await saveScreenshot(page, `sent-codes/enroll-sent.desktop.${lang}.png`);
      await enrollment.confirm(await codeFromOutbox(page, email, lang));
      const configuration = new ConfigurationPage(page, lang);
      await configuration.expectLoaded();
      await expect(configuration.enrolled(`${l.title} (${masked})`)).toBeVisible();
      const dashboard = await configuration.finish();
      await dashboard.expectLoaded(name);

      // Later, where the organization does not require MFA: the email code is offered beside it.
      await runSesameCli(['org', 'require-mfa', 'off']);
      try {
        const home = await dashboard.signOut();
        const again = await home.startSignIn();
        const secondFactor = await again.signInToSecondFactor(username, password);
        await page.getByText(l.otherMethod, { exact: true }).click();
        await page.getByRole('link', { name: l.use(masked) }).click();
        const send = page.getByRole('button', { name: l.send, exact: true });
        await expect(send).toBeVisible();
        await saveScreenshot(page, `sent-codes/verify.desktop.${lang}.png`);
        await send.click();
        await expect(page.getByText(l.sentTo(masked))).toBeVisible();
        await expect(secondFactor.code).toBeFocused();
        const resend = page.getByRole('button', { name: l.resend, exact: true });
        await expect(resend).toBeVisible();
        await saveScreenshot(page, `sent-codes/verify-sent.desktop.${lang}.png`);
        // Too soon for another code: the page says when, and keeps the form.
        await resend.click();
        await expect(secondFactor.error).toContainText(lang === 'fr' ? 'secondes' : 'seconds');
        await expect(secondFactor.code).toBeVisible();
        await page.setViewportSize(phoneViewport);
        await expectNoHorizontalScroll(page);
        await saveScreenshot(page, `sent-codes/verify-resend-too-soon.phone.${lang}.png`);
        await secondFactor.enterCode(await codeFromOutbox(page, email, lang));
        const back = await secondFactor.submit();
        await back.expectLoaded(name);
        // Not an AAL2 factor: the Espace client says only the password counted.
        await expect(back.usedPasswordOnly).toBeVisible();
      } finally {
        await runSesameCli(['org', 'require-mfa', 'on']);
      }
    });
  });
}
