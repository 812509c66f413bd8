/**
 * « Mot de passe oublié ? » in a real browser (issue 8 §6, G-19), with the development outbox
 * (no SMTP configured: the e2e server's default): an account created with an address confirms it
 * from the outbox's link, enrolls an authenticator app, and later forgets its password; from the
 * sign-in page it asks for a link, opens it from the outbox, chooses a new password — and signing
 * in with it still asks for the app's code. French on a computer, English on a phone; screenshots
 * of every new page.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { ForgotPasswordPage, mailLabels, Outbox, ResetPasswordPage } from './pages/mail-pages.ts';
import { PortalHome } from './pages/portal-home.ts';
import { runSesameCli } from './support/accounts.ts';
import { type Lang, labels } from './support/labels.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';

const cases: Array<{ lang: Lang; viewport: { width: number; height: number }; suffix: string }> = [
  { lang: 'fr', viewport: { width: 1280, height: 800 }, suffix: 'fr' },
  { lang: 'en', viewport: { width: 390, height: 844 }, suffix: 'en.phone' },
];

for (const { lang, viewport, suffix } of cases) {
  test.describe(`password reset (${lang})`, () => {
    test.use({ locale: labels[lang].locale, viewport });

    test('forgot password → the link from the outbox → new password → still the second factor', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const m = mailLabels[lang];
      const shot = (name: string) => saveScreenshot(page, `mail/${name}.${suffix}.png`);
      const username = `reset.${lang}.${Date.now()}`;
      const email = `${username}@example.ca`;
      // Random and long, no word of the person's: the password policy accepts it.
      const firstPassword = `${randomBytes(12).toString('base64url')}-e2e`;
      const output = await runSesameCli(
        [
          'users',
          'create',
          username,
          '--email',
          email,
          '--name',
          'Inès Gagnon',
          '--password-stdin',
        ],
        `${firstPassword}\n`,
      );
      expect(output).toContain(`Verification link sent to the email address of ${username}`);

      // The address is confirmed from the link the outbox shows.
      const outbox = new Outbox(page, lang);
      await outbox.openLink(email, m.verifySubject);
      await expect(page.getByRole('heading', { level: 1, name: m.verifyTitle })).toBeVisible();
      await shot('01-verify-email');
      await page.getByRole('button', { name: m.confirmAddress }).click();
      await expect(page.getByRole('status')).toHaveText(m.verified);

      // The account enrolls an authenticator app at its first sign-in.
      const signIn = await (await new PortalHome(page, lang).goto()).startSignIn();
      const choose = await signIn.signInToEnroll(username, firstPassword);
      const otherApp = await choose.chooseOtherApp();
      const app = await otherApp.addToAuthenticatorApp();
      const configuration = await otherApp.confirm(await app.freshCode());
      const dashboard = await configuration.finish();
      await dashboard.expectLoaded('Inès Gagnon');
      await dashboard.signOut();

      // Later, the password forgotten: « Mot de passe oublié ? » on the sign-in page.
      const again = await new PortalHome(page, lang).startSignIn();
      await page.getByRole('link', { name: m.forgotLink }).click();
      const forgot = new ForgotPasswordPage(page, lang);
      await forgot.expectLoaded();
      await expectNoHorizontalScroll(page);
      await shot('02-forgot-password');
      await forgot.askFor(username);
      await shot('03-link-sent');

      await outbox.waitForMessage(email, m.resetSubject);
      await shot('04-outbox');
      await outbox.openLink(email, m.resetSubject);
      const reset = new ResetPasswordPage(page, lang);
      await reset.expectLoaded();
      await expectNoHorizontalScroll(page);
      await shot('05-new-password');
      const newPassword = `${randomBytes(12).toString('base64url')}-nouveau`;
      await reset.setPassword(newPassword);
      await expectNoHorizontalScroll(page);
      await shot('06-password-changed');

      // « Me connecter »: the application's sign-in, where the new password still needs the code.
      await page.getByRole('link', { name: m.signIn, exact: true }).click();
      await again.expectLoaded();
      const secondFactor = await again.signInToSecondFactor(username, newPassword);
      await secondFactor.enterCode(await app.freshCode());
      const back = await secondFactor.submit();
      await back.expectLoaded('Inès Gagnon');
    });
  });
}
