/**
 * Recovery codes in a real browser (issue 8 §2, G-18): an enrollment ends with « Codes de
 * récupération » → « Générer mes codes », the ten codes shown once (copy, download as a text file,
 * print); a later sign-in with « Utiliser un code de récupération »; the count left, and its
 * warning at three or fewer on the second-factor page and on the security page, where « Générer
 * de nouveaux codes » replaces them. French on a computer and a phone's width, English on a phone.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { PortalHome } from './pages/portal-home.ts';
import {
  chooseRecoveryCode,
  generateFromConfiguration,
  RecoveryCodesShown,
  recoveryLabels,
} from './pages/recovery-codes-pages.ts';
import { createAccount, type TestAccount } from './support/accounts.ts';
import { type Lang, labels } from './support/labels.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';
import { screenshotsDir } from './support/sesame-server.ts';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

/** Enroll another app, then « Générer mes codes » at step 9; returns the codes. */
async function enrollWithCodes(page: Page, lang: Lang, account: TestAccount, shots: string) {
  const signIn = await (await new PortalHome(page, lang).goto()).startSignIn();
  const choose = await signIn.signInToEnroll(account.username, account.password);
  const otherApp = await choose.chooseOtherApp();
  const authenticator = await otherApp.addToAuthenticatorApp();
  const configuration = await otherApp.confirm(await authenticator.freshCode());
  await expect(page.getByRole('region', { name: recoveryLabels[lang].section })).toBeVisible();
  await saveScreenshot(page, `recovery-codes/01-offered.${shots}.png`);
  const shown = await generateFromConfiguration(page, lang);
  const codes = await shown.read();
  await expectNoHorizontalScroll(page);
  await saveScreenshot(page, `recovery-codes/02-shown.${shots}.png`);
  return { codes, configuration };
}

/** Sign in again (the portal signed out) with one recovery code; ends on the dashboard. */
async function signInWithCode(page: Page, lang: Lang, account: TestAccount, code: string) {
  const signIn = await (await new PortalHome(page, lang).goto()).startSignIn();
  await signIn.signInToSecondFactor(account.username, account.password);
  const field = await chooseRecoveryCode(page, lang);
  await field.fill(code);
  await page.getByRole('button', { name: labels[lang].verify, exact: true }).click();
}

test.describe('recovery codes, French', () => {
  test.use({ locale: labels.fr.locale, viewport: desktop });

  test('offered at the end of enrollment, used at sign-in, warned about, regenerated', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const l = recoveryLabels.fr;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const account = await createAccount('helene.gagnon', 'Hélène Gagnon');
    const { codes, configuration } = await enrollWithCodes(page, 'fr', account, 'desktop.fr');

    // Copy: the ten codes on the clipboard, said in the live region.
    await page.getByRole('button', { name: l.copy }).click();
    await expect(page.getByRole('status')).toHaveText(l.copied);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(codes.join('\n'));
    // Download: a text file holding the codes.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: l.download }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(l.fileName);
    const text = await readFile((await download.path()) as string, 'utf8');
    for (const code of codes) expect(text).toContain(code);
    // Print: the print stylesheet keeps the codes and the advice only.
    await expect(page.getByRole('button', { name: l.print })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('link', { name: l.continue })).toBeHidden();
    await saveScreenshot(page, 'recovery-codes/03-print.fr.png');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(phone);
    await expectNoHorizontalScroll(page);
    await saveScreenshot(page, 'recovery-codes/02-shown.phone.fr.png');
    await page.setViewportSize(desktop);

    await page.getByRole('link', { name: l.continue }).click();
    await configuration.expectLoaded();
    await expect(configuration.enrolled(l.section)).toBeVisible();
    const dashboard = await configuration.finish();
    await dashboard.expectLoaded(account.name);
    await dashboard.signOut();

    // A later sign-in, the phone lost: « Utiliser un code de récupération ».
    const signIn = await (await new PortalHome(page, 'fr').goto()).startSignIn();
    await signIn.signInToSecondFactor(account.username, account.password);
    const field = await chooseRecoveryCode(page, 'fr');
    await expect(page.getByRole('main')).toContainText(l.left(10));
    await field.fill(codes[0] as string);
    await saveScreenshot(page, 'recovery-codes/04-sign-in.desktop.fr.png');
    await page.setViewportSize(phone);
    await expectNoHorizontalScroll(page);
    await saveScreenshot(page, 'recovery-codes/04-sign-in.phone.fr.png');
    await page.setViewportSize(desktop);
    await page.getByRole('button', { name: labels.fr.verify, exact: true }).click();
    await dashboard.expectLoaded(account.name);
    await expect(dashboard.usedMfa).toBeVisible();

    // Five more used: four left.
    for (const code of codes.slice(1, 6)) {
      await dashboard.signOut();
      await signInWithCode(page, 'fr', account, code);
      await dashboard.expectLoaded(account.name);
    }
    // The next one leaves three: accepted, and said so before going on.
    await dashboard.signOut();
    await signInWithCode(page, 'fr', account, codes[6] as string);
    await expect(page.getByRole('status')).toHaveText(l.lowAfterUse(3));
    await saveScreenshot(page, 'recovery-codes/05-low-after-use.desktop.fr.png');
    await page.getByRole('link', { name: l.continue }).click();
    await dashboard.expectLoaded(account.name);
    // The second-factor page says so too, before a code is typed.
    await dashboard.signOut();
    const low = await (await new PortalHome(page, 'fr').goto()).startSignIn();
    await low.signInToSecondFactor(account.username, account.password);
    const lowField = await chooseRecoveryCode(page, 'fr');
    await expect(page.getByRole('main')).toContainText(l.left(3));
    await expect(page.getByText(l.lowAtSignIn)).toBeVisible();
    await saveScreenshot(page, 'recovery-codes/05-low-at-sign-in.desktop.fr.png');
    await lowField.fill(codes[7] as string);
    await page.getByRole('button', { name: labels.fr.verify, exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(l.lowAfterUse(2));
    await page.getByRole('link', { name: l.continue }).click();
    await dashboard.expectLoaded(account.name);

    // The security page: two left, the warning, and « Générer de nouveaux codes ».
    await page.getByRole('link', { name: l.security }).click();
    await expect(page.getByText(l.remaining(2))).toBeVisible();
    await expect(page.getByText(l.lowOnAccount(2))).toBeVisible();
    await page.setViewportSize(phone);
    await expectNoHorizontalScroll(page);
    // The method's lines, not the whole (long) page.
    const codesLine = page.getByRole('listitem').filter({ hasText: l.remaining(2) });
    await codesLine.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: join(screenshotsDir, 'recovery-codes/06-account-low.phone.fr.png'),
    });
    await page.getByRole('link', { name: l.regenerate }).click();
    // The sign-in's code is of the last minutes: no step-up asked, only the confirmation.
    await expect(page.getByText('Vos codes actuels (2 inutilisés)')).toBeVisible();
    await saveScreenshot(page, 'recovery-codes/07-regenerate.phone.fr.png');
    await page.getByRole('button', { name: l.regenerate }).click();
    const renewed = await new RecoveryCodesShown(page, 'fr').read();
    expect(renewed.some((code) => codes.includes(code))).toBe(false);
    await page.getByRole('link', { name: l.continue }).click();
    await expect(page.getByText(l.remaining(10))).toBeVisible();
  });
});

test.describe('recovery codes, English on a phone', () => {
  test.use({ locale: labels.en.locale, viewport: phone });

  test('generated at enrollment, then a sign-in with one', async ({ page }) => {
    test.setTimeout(90_000);
    const l = recoveryLabels.en;
    const account = await createAccount('owen.price', 'Owen Price');
    const { codes, configuration } = await enrollWithCodes(page, 'en', account, 'phone.en');
    await page.getByRole('link', { name: l.continue }).click();
    const dashboard = await configuration.finish();
    await dashboard.expectLoaded(account.name);
    await dashboard.signOut();

    const signIn = await (await new PortalHome(page, 'en').goto()).startSignIn();
    await signIn.signInToSecondFactor(account.username, account.password);
    const field = await chooseRecoveryCode(page, 'en');
    await expect(page.getByRole('main')).toContainText(l.left(10));
    await field.fill((codes[4] as string).toLowerCase());
    await expectNoHorizontalScroll(page);
    await saveScreenshot(page, 'recovery-codes/04-sign-in.phone.en.png');
    await page.getByRole('button', { name: labels.en.verify, exact: true }).click();
    await dashboard.expectLoaded(account.name);
    await expect(dashboard.usedMfa).toBeVisible();
  });
});
