/**
 * The client's security page in a real browser (issue 8 §4, §5), on a phone's width, in French
 * and in English: from the Espace client's « Sécurité » link, rename the method; add another one
 * through the step-up (the step-9 list, back to the page saying it was added); change the
 * password (this browser stays signed in); then « Ne plus demander sur cet appareil » at the next
 * sign-in, the sign-in after it asking no second factor, the browser listed and forgotten on the
 * page; and « Se déconnecter partout ». Screenshots of every screen under
 * docs/screenshots/security-page/.
 */
import { randomBytes } from 'node:crypto';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { Dashboard } from './pages/dashboard.ts';
import { ChooseMethodPage, type OtherAppPage } from './pages/enrollment-pages.ts';
import { PortalHome } from './pages/portal-home.ts';
import { createAccount, runSesameCli } from './support/accounts.ts';
import { type Lang, labels } from './support/labels.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';
import { identityUrl, portalUrl } from './support/sesame-server.ts';
import type { OtherAuthenticatorApp } from './support/totp.ts';

/** The security page's words, as its catalogues say them. */
const words = {
  fr: {
    securityLink: 'Sécurité',
    title: 'Sécurité du compte',
    rename: 'Renommer',
    renameTitle: 'Renommer la méthode',
    name: 'Nom',
    saveName: 'Enregistrer le nom',
    renamed: 'La méthode a été renommée.',
    newName: 'Téléphone de Nadia',
    addMethod: 'Ajouter une autre méthode',
    added: 'La méthode a été ajoutée.',
    changePassword: 'Changer le mot de passe',
    current: 'Mot de passe actuel',
    next: 'Nouveau mot de passe',
    passwordChanged: 'Votre mot de passe a été changé. Vos autres appareils ont été déconnectés.',
    remember: 'Ne plus demander sur cet appareil pendant 30 jours',
    browsers: 'Appareils mémorisés',
    forget: 'Oublier cet appareil',
    forgetPrefix: 'Oublier ',
    forgotten: "L'appareil a été oublié : la deuxième étape lui sera de nouveau demandée.",
    everywhere: 'Se déconnecter partout',
    signedOut: 'Déconnecté partout',
  },
  en: {
    securityLink: 'Security',
    title: 'Account security',
    rename: 'Rename',
    renameTitle: 'Rename the method',
    name: 'Name',
    saveName: 'Save the name',
    renamed: 'The method was renamed.',
    newName: 'Nadia’s phone',
    addMethod: 'Add another method',
    added: 'The method was added.',
    changePassword: 'Change password',
    current: 'Current password',
    next: 'New password',
    passwordChanged: 'Your password was changed. Your other devices were signed out.',
    remember: "Don't ask again on this device for 30 days",
    browsers: 'Remembered devices',
    forget: 'Forget this device',
    forgetPrefix: 'Forget ',
    forgotten: 'The device was forgotten: it will be asked for the second step again.',
    everywhere: 'Sign out everywhere',
    signedOut: 'Signed out everywhere',
  },
} as const;

test.describe.configure({ mode: 'serial' });
// The organization allows « Ne plus demander » for these tests only.
test.beforeAll(async () => {
  await runSesameCli(['org', 'remember-browser', '30d']);
});
test.afterAll(async () => {
  await runSesameCli(['org', 'remember-browser', 'off']);
});

async function phone(browser: Browser, lang: Lang): Promise<Page> {
  const context = await browser.newContext({
    baseURL: portalUrl,
    locale: labels[lang].locale,
    viewport: { width: 390, height: 844 },
  });
  // A missing element fails in seconds, not at the end of the whole journey's time.
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** A screen: no sideways scroll on the phone, and its screenshot. */
async function shoot(page: Page, name: string, lang: Lang) {
  await expectNoHorizontalScroll(page);
  await saveScreenshot(page, `security-page/${name}.${lang}.png`);
}

/** Enroll the other app through its page, returning the app that makes its codes. */
async function enrollOtherApp(choose: ChooseMethodPage): Promise<{
  app: OtherAuthenticatorApp;
  page: OtherAppPage;
}> {
  const page = await choose.chooseOtherApp();
  return { app: await page.addToAuthenticatorApp(), page };
}

for (const lang of ['fr', 'en'] as const) {
  test(`the security page: rename, add, password, remember this browser, sign out everywhere (${lang})`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const w = words[lang];
    const page = await phone(browser, lang);
    const account = await createAccount(`nadia.${lang}.${Date.now()}`, 'Nadia Côté');
    const signIn = await (await new PortalHome(page, lang).goto()).startSignIn();
    const first = await enrollOtherApp(
      await signIn.signInToEnroll(account.username, account.password),
    );
    const dashboard = await (await first.page.confirm(await first.app.freshCode())).finish();
    await dashboard.expectLoaded(account.name);

    // The security page, from the Espace client's link.
    await page.getByRole('link', { name: w.securityLink, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible();
    await shoot(page, '01-security-page', lang);

    // Rename the method.
    await page.getByRole('link', { name: new RegExp(`^${w.rename} `) }).click();
    await expect(page.getByRole('heading', { level: 1, name: w.renameTitle })).toBeVisible();
    await page.getByRole('textbox', { name: w.name }).fill(w.newName);
    await shoot(page, '02-rename', lang);
    await page.getByRole('button', { name: w.saveName }).click();
    await expect(page.getByRole('status')).toHaveText(w.renamed);
    await expect(page.getByText(w.newName, { exact: true })).toBeVisible();

    // Add another method: the sign-in's code is fresh, so the step-9 list comes at once.
    await page.getByRole('link', { name: w.addMethod }).click();
    const choose = new ChooseMethodPage(page, lang);
    await choose.expectLoaded();
    await expect(page).toHaveURL(new RegExp(`^${identityUrl}/account/step-up/`));
    await shoot(page, '03-add-method', lang);
    const second = await enrollOtherApp(choose);
    const configuration = await second.page.confirm(await second.app.freshCode());
    await configuration.finishButton.click();
    await expect(page.getByRole('status')).toHaveText(w.added);
    await expect(page.locator('.factor-list').first().locator('li.factor')).toHaveCount(2);
    await shoot(page, '04-method-added', lang);

    // Change the password: this browser stays signed in.
    await page.getByRole('link', { name: w.changePassword }).click();
    const newPassword = `${randomBytes(12).toString('base64url')}-neuf`;
    await page.getByLabel(w.current, { exact: true }).fill(account.password);
    await page.getByLabel(w.next, { exact: true }).fill(newPassword);
    await shoot(page, '05-change-password', lang);
    await page.getByRole('button', { name: w.changePassword }).click();
    await expect(page.getByRole('status')).toHaveText(w.passwordChanged);
    await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible();

    // Sign out of the Espace client, and in again: « Ne plus demander sur cet appareil ».
    await page.goto(`${portalUrl}/dashboard`);
    const home = await new Dashboard(page, lang).signOut();
    const again = await (await home.startSignIn()).signInToSecondFactor(
      account.username,
      newPassword,
    );
    const remember = page.getByRole('checkbox', { name: w.remember });
    await expect(remember).toBeVisible();
    // The first method is offered first (the oldest of its kind).
    await again.enterCode(await first.app.freshCode());
    await remember.check();
    await shoot(page, '06-remember-this-browser', lang);
    const remembered = await again.submit();
    await remembered.expectLoaded(account.name);

    // The next sign-in in this browser asks no second factor…
    const home2 = await remembered.signOut();
    const signIn3 = await home2.startSignIn();
    await signIn3.fillAndSubmit(account.username, newPassword);
    const skipped = new Dashboard(page, lang);
    await skipped.expectLoaded(account.name);
    // …and says so honestly: this sign-in used the password only.
    await expect(skipped.usedPasswordOnly).toBeVisible();

    // The browser is listed on the security page, and forgotten from there.
    await page.getByRole('link', { name: w.securityLink, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: w.browsers })).toBeVisible();
    // One remembered browser, its button named after it (« Oublier Chrome 1xx, Linux »).
    const forget = page.getByRole('button', { name: new RegExp(`^${w.forgetPrefix}Chrom`) });
    await expect(forget).toHaveCount(1);
    await expect(forget).toHaveText(w.forget);
    await shoot(page, '07-remembered-browsers', lang);
    await forget.click();
    await expect(page.getByRole('status')).toHaveText(w.forgotten);

    // « Se déconnecter partout »: the page says so, and nothing is signed in any more.
    await page.getByRole('button', { name: w.everywhere, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: w.signedOut })).toBeVisible();
    await shoot(page, '08-signed-out-everywhere', lang);
    await page.goto(`${identityUrl}/account`);
    await expect(page.getByRole('button', { name: w.everywhere })).toHaveCount(0);
    await page.context().close();
  });
}
