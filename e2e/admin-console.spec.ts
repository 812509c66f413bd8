/**
 * The administration console in a real browser (issue 9 §1): an account made a help-desk agent
 * by the CLI opens /admin, signs in with its password and, since the console always asks two
 * factors, sets up an authenticator app on the way; then it creates a client's account, finds
 * it, locks it and resets its MFA — the guide's third trigger: the client sets it up again at the
 * next sign-in. French and English, and on a phone's width; screenshots in docs/screenshots/admin/.
 */
import { expect, test } from '@playwright/test';
import { createAccount, runSesameCli } from './support/accounts.ts';
import { signInToConsole } from './support/console-sign-in.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';

const words = {
  fr: {
    users: 'Utilisateurs',
    search: 'Rechercher',
    newUser: 'Nouvel utilisateur',
    username: 'Nom d’utilisateur',
    name: 'Nom',
    create: 'Créer le compte',
    searchLabel: 'Rechercher par nom d’utilisateur, courriel ou nom',
    lock: 'Verrouiller le compte',
    locked: 'Le compte est verrouillé',
    unlock: 'Déverrouiller le compte',
    reset: 'Réinitialiser la MFA (le client la configurera de nouveau)',
    resetDone: 'La MFA est réinitialisée',
    noMethods: 'Aucune méthode de vérification',
  },
  en: {
    users: 'Users',
    search: 'Search',
    newUser: 'New user',
    username: 'Username',
    name: 'Name',
    create: 'Create the account',
    searchLabel: 'Search by username, email or name',
    lock: 'Lock the account',
    locked: 'The account is locked',
    unlock: 'Unlock the account',
    reset: 'Reset MFA (the client sets it up again)',
    resetDone: 'MFA was reset',
    noMethods: 'No verification method',
  },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test(`the help desk locks a client and resets its MFA (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const w = words[lang];
    const suffix = `${lang}${Date.now().toString(36)}`;
    const agent = await createAccount(`soutien.${suffix}`, 'Sophie Gagnon');
    // In French an administrator (everything), in English the help desk (the users only).
    await runSesameCli(
      lang === 'fr'
        ? ['users', 'grant-admin', agent.username]
        : ['users', 'grant-admin', agent.username, '--helpdesk'],
    );

    await signInToConsole(page, lang, agent.username, agent.password);
    await expect(page.getByRole('heading', { level: 1, name: w.users })).toBeVisible();
    // « Nouvel utilisateur »: the client's account, its password shown once.
    const client = { username: `client.${suffix}` };
    await page.getByRole('link', { name: w.newUser }).click();
    await page.getByLabel(w.username, { exact: true }).fill(client.username);
    await page.getByLabel(w.name, { exact: true }).fill('Marie Tremblay');
    await page.getByRole('button', { name: w.create }).click();
    await expect(page.getByTestId('temporary-password')).toHaveText(/^[a-z2-9-]{23}$/);
    await saveScreenshot(page, `admin/00-user-created.${lang}.png`);
    await page.getByRole('link', { name: w.users, exact: true }).click();
    await page.getByLabel(w.searchLabel).fill(client.username);
    await page.getByRole('button', { name: w.search, exact: true }).click();
    await expect(page.getByRole('link', { name: client.username })).toBeVisible();
    await saveScreenshot(page, `admin/01-users.${lang}.png`);

    await page.getByRole('link', { name: client.username }).click();
    await expect(page.getByRole('heading', { level: 1, name: client.username })).toBeVisible();
    await expect(page.getByText(w.noMethods)).toBeVisible();
    await page.getByRole('button', { name: w.lock }).click();
    await expect(page.getByRole('status')).toContainText(w.locked);
    await expect(page.getByRole('button', { name: w.unlock })).toBeVisible();
    await expect(page.getByRole('cell', { name: /account\.locked/ })).toBeVisible();
    await saveScreenshot(page, `admin/02-user-locked.${lang}.png`);

    await page.getByRole('button', { name: w.reset }).click();
    await expect(page.getByRole('status')).toContainText(w.resetDone);
    if (lang === 'en') {
      // The help desk has no audit log of the organization.
      await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
      return;
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalScroll(page);
    await saveScreenshot(page, 'admin/03-user.phone.fr.png');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('link', { name: 'Journal d’audit' }).click();
    await page.getByLabel('Compte (nom d’utilisateur ou courriel)').fill(client.username);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect(page.getByRole('cell', { name: 'account.mfa_reset' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'account.locked' })).toBeVisible();
    await saveScreenshot(page, 'admin/04-audit-log.fr.png');
  });
}
