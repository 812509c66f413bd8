/**
 * Passkeys in a real browser (issue 8 §1, G-20, G-21) with Chromium's virtual authenticator
 * (ctap2, internal, resident keys, user verification): « Clé de sécurité ou biométrie » chosen at
 * step 9 and named; the next sign-in's second factor « Utiliser ma clé d'accès » after the
 * password; then « Se connecter avec une clé d'accès » without password, the organization having
 * turned it on (`sesame org passkey-sign-in on`); a locked account's refusal, and a device
 * without passkey. French and English; every page also checked at a phone's width, the sign-in
 * page's screenshot taken there too.
 */
import { expect, type Page, test } from '@playwright/test';
import { ConfigurationPage } from './pages/enrollment-pages.ts';
import { createPasskey, expectPasskeyPage, passkeyLabels } from './pages/passkey-pages.ts';
import { PortalHome } from './pages/portal-home.ts';
import { createAccount, runSesameCli } from './support/accounts.ts';
import { type Lang, labels } from './support/labels.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';
import {
  addVirtualAuthenticator,
  type VirtualAuthenticator,
} from './support/virtual-authenticator.ts';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

/** The page at a phone's width: nothing scrolls sideways (and its screenshot, when named). */
async function atPhoneWidth(page: Page, shot?: string) {
  await page.setViewportSize(phone);
  await expectNoHorizontalScroll(page);
  if (shot !== undefined) await saveScreenshot(page, shot);
  await page.setViewportSize(desktop);
}

test.beforeAll(async () => {
  await runSesameCli(['org', 'passkey-sign-in', 'on']);
});
test.afterAll(async () => {
  await runSesameCli(['org', 'passkey-sign-in', 'off']);
});

async function passkeyJourney(
  page: Page,
  lang: Lang,
  account: { username: string; password: string; name: string },
  keyName: string,
) {
  const l = passkeyLabels[lang];
  const t = labels[lang];

  // Step 9: « Clé de sécurité ou biométrie » → « Choisir », name the key, the browser's ceremony.
  const signIn = await (await new PortalHome(page, lang).goto()).startSignIn();
  const choose = await signIn.signInToEnroll(account.username, account.password);
  await expect(choose.section(l.method)).toBeVisible();
  await saveScreenshot(page, `passkeys/01-choose.${lang}.png`);
  await choose.chooseLink(l.method).click();
  await expectPasskeyPage(page, lang);
  await saveScreenshot(page, `passkeys/02-name-the-key.${lang}.png`);
  await atPhoneWidth(page);
  await createPasskey(page, lang, keyName);
  await saveScreenshot(page, `passkeys/03-configured.${lang}.png`);
  const dashboard = await new ConfigurationPage(page, lang).finish();
  await dashboard.expectLoaded(account.name);
  // A registration is not an authentication (G-21): this sign-in used the password only.
  await expect(dashboard.usedPasswordOnly).toBeVisible();

  // Later: the password, then the passkey as the second factor.
  let home = await dashboard.signOut();
  const again = await home.startSignIn();
  await again.fillAndSubmit(account.username, account.password);
  const use = page.getByRole('button', { name: l.use, exact: true });
  await expect(use).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: t.secondFactorTitle })).toBeVisible();
  await saveScreenshot(page, `passkeys/04-second-factor.${lang}.png`);
  await atPhoneWidth(page);
  await use.click();
  await dashboard.expectLoaded(account.name);
  await expect(dashboard.usedMfa).toBeVisible();

  // Without password: « Se connecter avec une clé d'accès » on the sign-in page.
  home = await dashboard.signOut();
  await home.startSignIn();
  const withPasskey = page.getByRole('button', { name: l.signIn, exact: true });
  await expect(withPasskey).toBeVisible();
  await saveScreenshot(page, `passkeys/05-sign-in.desktop.${lang}.png`);
  await atPhoneWidth(page, `passkeys/05-sign-in.phone.${lang}.png`);
  await withPasskey.click();
  await dashboard.expectLoaded(account.name);
  await expect(dashboard.usedMfa).toBeVisible();
  return dashboard;
}

/** A locked account's passkey, then a browser without one: refused by the server, then by the browser. */
async function refusals(
  page: Page,
  lang: Lang,
  account: { username: string },
  authenticator: VirtualAuthenticator,
) {
  const l = passkeyLabels[lang];
  await runSesameCli(['users', 'lock', account.username]);
  await (await new PortalHome(page, lang).goto()).startSignIn();
  await page.getByRole('button', { name: l.signIn, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: l.refusedTitle })).toBeVisible();
  await saveScreenshot(page, `passkeys/06-sign-in-refused.${lang}.png`);
  await atPhoneWidth(page);
  await page.getByRole('link', { name: l.back }).click();
  await authenticator.cdp.send('WebAuthn.clearCredentials', {
    authenticatorId: authenticator.authenticatorId,
  });
  await page.getByRole('button', { name: l.signIn, exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: l.browserFailed })).toBeVisible();
  await expect(page.getByRole('button', { name: l.signIn, exact: true })).toBeFocused();
  await saveScreenshot(page, `passkeys/07-no-passkey.${lang}.png`);
}

for (const [lang, person] of [
  ['fr', { username: 'emilie.bergeron', name: 'Émilie Bergeron', key: 'Ordinateur du bureau' }],
  ['en', { username: 'liam.walsh', name: 'Liam Walsh', key: 'Work laptop' }],
] as const) {
  test.describe(`passkeys, ${lang === 'fr' ? 'French' : 'English'}`, () => {
    test.use({ locale: labels[lang].locale, viewport: desktop });

    test('enrolled at step 9, used as second factor, then to sign in without password', async ({
      page,
      context,
    }) => {
      test.setTimeout(90_000);
      const authenticator = await addVirtualAuthenticator(context, page);
      const account = await createAccount(person.username, person.name);
      const dashboard = await passkeyJourney(page, lang, account, person.key);
      // One discoverable credential, used twice after its registration (its counter went up).
      const [credential, ...others] = await authenticator.credentials();
      expect(others).toEqual([]);
      expect(credential?.isResidentCredential).toBe(true);
      expect(credential?.signCount).toBeGreaterThanOrEqual(2);
      await dashboard.signOut();
      await refusals(page, lang, account, authenticator);
    });
  });
}
