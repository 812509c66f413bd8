/**
 * Signing in with a push (issue 7), in a real browser and a phone's: after enrolling Sesame Verify
 * (the guide's typed path), a later sign-in offers « Envoyer une notification push »; the computer
 * shows a number, the open app shows what is asked, the number is typed and « Approuver » tapped,
 * and the computer moves on by itself to the Espace client, which says a second factor was used.
 * Then « Ce n'était pas moi »: the computer's page says the sign-in was cancelled, by itself.
 */
import { Dashboard } from './pages/dashboard.ts';
import { createAccount } from './support/accounts.ts';
import { enrollSesameVerifyByTyping } from './support/enroll-by-typing.ts';
import { labels } from './support/labels.ts';
import { saveScreenshot } from './support/page-checks.ts';
import { expect, test } from './support/phone.ts';

const cancelled = { fr: 'Connexion annulée', en: 'Sign-in cancelled' } as const;

for (const lang of ['fr', 'en'] as const) {
  const t = labels[lang];

  test.describe(`on a ${lang} computer`, () => {
    test.use({ locale: t.locale });

    test('a push approved on the phone with the number; then one denied', async ({
      page,
      phones,
    }) => {
      test.setTimeout(120_000);
      const account = await createAccount(`maxime.gagnon.${lang}`, 'Maxime Gagnon');

      // Enrollment by the typed path (the guide's « Impossible de numériser ? »).
      const phone = await phones.withoutCamera();
      const { app, dashboard } = await enrollSesameVerifyByTyping(page, phone, account, lang);

      // Later: the push, approved with the number the computer shows.
      const home = await dashboard.signOut();
      const again = await home.startSignIn();
      const secondFactor = await again.signInToSecondFactor(account.username, account.password, {
        push: true,
      });
      const number = await secondFactor.sendPushRequest();
      expect(number).toMatch(/^\d{6}$/);
      await saveScreenshot(page, `push/push-waiting.desktop.${lang}.png`);
      const asked = await app.expectPushRequest();
      await expect(asked).toContainText('Espace client');
      if (lang === 'fr') await saveScreenshot(phone.page, 'push/push-request.phone.fr.png');
      await app.approve(number);
      // The computer moves on by itself: no click here.
      const back = new Dashboard(page, lang);
      await back.expectLoaded(account.name);
      await expect(back.usedMfa).toBeVisible();

      // And a push the client did not ask for: « Ce n'était pas moi ».
      const home2 = await back.signOut();
      const third = await home2.startSignIn();
      const denied = await third.signInToSecondFactor(account.username, account.password, {
        push: true,
      });
      await denied.sendPushRequest();
      await app.expectPushRequest();
      await app.deny();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(cancelled[lang], {
        timeout: 5_000,
      });
      await saveScreenshot(page, `push/push-denied.desktop.${lang}.png`);
      expect(phone.problems, 'errors in Sesame Verify').toEqual([]);
    });
  });
}
