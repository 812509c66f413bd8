/**
 * « Autre » in Sesame Verify (issue 7 §4): another service's account, added on the phone by
 * scanning its `otpauth://totp/…` QR code (SHA-256, 8 digits, 60 s) or by typing its key with
 * « Options avancées » (SHA-512, 8 digits, 30 s); its code equals the one the test computes by
 * itself with otplib; then it is removed from the phone. No server is involved: the phone's
 * requests are watched to prove it. French and English, screenshots of every new screen.
 */
import type { Page } from '@playwright/test';
import { base32nopad } from '@scure/base';
import { generateSync } from 'otplib';
import { SesameVerifyApp } from './pages/sesame-verify-app.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';
import { expect, test } from './support/phone.ts';
import { identityUrl } from './support/sesame-server.ts';

const labels = {
  fr: {
    addAccount: 'Ajouter un compte',
    other: 'Autre',
    addOtherTitle: 'Ajouter un autre compte',
    scan: 'Scanner un code QR',
    typeKey: 'Saisir la clé',
    confirmTitle: 'Ajouter ce compte ?',
    add: 'Ajouter le compte',
    added: /^Compte ajouté\./,
    service: 'Service',
    account: 'Compte',
    key: 'Clé',
    advanced: 'Options avancées',
    algorithm: 'Algorithme',
    digits: 'Nombre de chiffres',
    period: 'Durée de chaque code',
    options: (name: string) => `Options du compte ${name}`,
    remove: 'Supprimer le compte',
    removeConfirm: 'Supprimer',
    removed: 'Compte supprimé.',
  },
  en: {
    addAccount: 'Add an account',
    other: 'Other',
    addOtherTitle: 'Add another account',
    scan: 'Scan a QR code',
    typeKey: 'Enter the key',
    confirmTitle: 'Add this account?',
    add: 'Add the account',
    added: /^Account added\./,
    service: 'Service',
    account: 'Account',
    key: 'Key',
    advanced: 'Advanced options',
    algorithm: 'Algorithm',
    digits: 'Number of digits',
    period: 'Each code lasts',
    options: (name: string) => `Options for ${name}`,
    remove: 'Remove the account',
    removeConfirm: 'Remove',
    removed: 'Account removed.',
  },
} as const;

type Hash = 'sha1' | 'sha256' | 'sha512';

/** The codes of `secret` a moment before and after now: the app's must be one of them. */
function expectedCodes(secret: string, algorithm: Hash, period: number, fromMs: number) {
  const bytes = base32nopad.decode(secret);
  return [fromMs, Date.now()].map((nowMs) =>
    generateSync({ secret: bytes, epoch: Math.floor(nowMs / 1000), algorithm, digits: 8, period }),
  );
}

function randomSecret(): string {
  return base32nopad.encode(crypto.getRandomValues(new Uint8Array(20)));
}

async function shownCode(page: Page): Promise<string> {
  const text = (await page.getByTestId('totp-code').textContent()) ?? '';
  expect(text, 'an 8-digit code, read 4 + 4').toMatch(/^\d{4} \d{4}$/);
  return text.replace(/\s/g, '');
}

for (const lang of ['fr', 'en'] as const) {
  const l = labels[lang];
  const shot = (page: Page, name: string) =>
    saveScreenshot(page, `sesame-verify/phone-verify-${name}.${lang}.png`);

  test(`« Autre »: an otpauth account scanned, then one typed, codes offline (${lang})`, async ({
    phones,
  }) => {
    test.setTimeout(90_000);
    const secret = randomSecret();
    const uri =
      `otpauth://totp/Banque%20Exemple:marie.gagnon%40example.com?secret=${secret}` +
      '&issuer=Banque%20Exemple&algorithm=SHA256&digits=8&period=60';
    const phone = await phones.withCameraOn(uri);
    const { page } = phone;
    if (lang === 'en')
      await page.addInitScript(() => localStorage.setItem('sesame-verify.lang', 'en'));
    const app = new SesameVerifyApp(page);
    const addAccount = page.getByRole('button', { name: l.addAccount, exact: true });
    await page.goto(`${identityUrl}/app/`);
    await expect(page.getByTestId('empty-state')).toBeVisible();

    // From here on, the phone talks to no server: the app shell is loaded, the rest is local.
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
    });

    await addAccount.tap();
    const other = page.getByRole('button', { name: new RegExp(`^${l.other}\\b`) });
    await expect(other).toBeEnabled();
    await shot(page, '24-account-type-other');
    await other.tap();
    await expect(app.title(l.addOtherTitle)).toBeVisible();
    await shot(page, '25-add-other');

    // The camera films the service's QR code: the app reads it and says what it holds.
    await page.getByRole('button', { name: l.scan, exact: true }).tap();
    await expect(app.screen('other-confirm')).toBeVisible({ timeout: 15_000 });
    await expect(app.title(l.confirmTitle)).toBeVisible();
    const details = page.getByTestId('other-details');
    await expect(details).toContainText('Banque Exemple');
    await expect(details).toContainText('marie.gagnon@example.com');
    await expect(details).toContainText('SHA-256');
    await expect(details).not.toContainText(secret);
    await expectNoHorizontalScroll(page);
    await shot(page, '26-other-confirm');

    const before = Date.now();
    await page.getByRole('button', { name: l.add, exact: true }).tap();
    await expect(app.screen('accounts')).toBeVisible();
    await expect(app.notice).toHaveText(l.added);
    await expect(app.account).toHaveCount(1);
    const code = await shownCode(page);
    expect(expectedCodes(secret, 'sha256', 60, before)).toContain(code);
    const seconds = Number.parseInt((await app.countdown.textContent()) ?? '', 10);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    await shot(page, '27-other-code');

    // Sealed in IndexedDB: no record holds the secret in clear.
    const stored = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('sesame-verify');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result
              .transaction('otp-accounts')
              .objectStore('otp-accounts')
              .getAll();
            all.onsuccess = () =>
              resolve(
                JSON.stringify(all.result, (_key, value) =>
                  value instanceof ArrayBuffer ? `<${value.byteLength} bytes>` : value,
                ),
              );
            all.onerror = () => reject(all.error);
          };
        }),
    );
    expect(stored).toContain('sealedSecret');
    expect(stored).not.toContain(secret);

    // The same account, still there after a reload, with the same kind of code.
    await page.reload();
    await expect(app.account).toHaveCount(1);
    await shownCode(page);

    // A second one, typed, with « Options avancées ».
    const typed = randomSecret();
    await addAccount.tap();
    await other.tap();
    await page.getByRole('button', { name: l.typeKey, exact: true }).tap();
    await expect(app.screen('other-manual')).toBeVisible();
    await page.getByLabel(l.service, { exact: true }).fill('GitHub');
    await page.getByLabel(l.account, { exact: true }).fill('octocat');
    // Grouped by four and in lower case, as a person copies it.
    await page.getByLabel(l.key, { exact: true }).fill(
      typed
        .toLowerCase()
        .replace(/(.{4})/g, '$1 ')
        .trim(),
    );
    await page.getByText(l.advanced, { exact: true }).tap();
    await page.getByLabel(l.algorithm, { exact: true }).selectOption('SHA512');
    await page.getByLabel(l.digits, { exact: true }).selectOption('8');
    await page.getByLabel(l.period, { exact: true }).selectOption('30');
    await expectNoHorizontalScroll(page);
    await shot(page, '28-other-manual');
    const typedAt = Date.now();
    await page.getByRole('button', { name: l.add, exact: true }).tap();
    await expect(app.notice).toHaveText(l.added);
    await expect(app.account).toHaveCount(2);
    const github = app.account.filter({ hasText: 'GitHub' });
    const typedCode = ((await github.getByTestId('totp-code').textContent()) ?? '').replace(
      /\s/g,
      '',
    );
    expect(expectedCodes(typed, 'sha512', 30, typedAt)).toContain(typedCode);

    // Removed from the phone only.
    await page.getByRole('button', { name: l.options('GitHub'), exact: true }).tap();
    await expect(app.screen('other-account')).toBeVisible();
    await page.getByRole('button', { name: l.remove, exact: true }).tap();
    await expect(page.getByTestId('remove-confirm')).toBeVisible();
    await shot(page, '29-other-remove');
    await page.getByRole('button', { name: l.removeConfirm, exact: true }).tap();
    await expect(app.notice).toHaveText(l.removed);
    await expect(app.account).toHaveCount(1);

    expect(apiCalls, 'no server call for « Autre » accounts').toEqual([]);
    expect(phone.problems).toEqual([]);
  });
}
