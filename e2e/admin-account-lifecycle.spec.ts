/**
 * The administrator's other account operations in a real browser, in French: « Nouvel
 * utilisateur » by invitation (no password: a link mailed), « Modifier le nom et le courriel »,
 * « Supprimer le compte… » after its confirmation page, and « Renouveler la clé » on the signing
 * keys' page. Screenshots in docs/screenshots/admin/.
 */
import { expect, test } from '@playwright/test';
import { createAccount, runSesameCli } from './support/accounts.ts';
import { signInToConsole } from './support/console-sign-in.ts';
import { labels } from './support/labels.ts';
import { saveScreenshot } from './support/page-checks.ts';

test.use({ locale: labels.fr.locale });

test('an administrator invites a client, edits, deletes the account, and renews the signing key', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const admin = await createAccount(`admin.cycle.${suffix}`, 'Hélène Côté');
  await runSesameCli(['users', 'grant-admin', admin.username]);
  await signInToConsole(page, 'fr', admin);

  // An invitation: the account has no password until the client follows the mailed link.
  const username = `julie.${suffix}`;
  const email = `julie.${suffix}@example.ca`;
  await page.getByRole('link', { name: 'Nouvel utilisateur' }).click();
  await page.getByLabel('Nom d’utilisateur', { exact: true }).fill(username);
  await page.getByLabel('Nom', { exact: true }).fill('Julie Pelletier');
  await page.getByLabel(/^Courriel/).fill(email);
  await page.getByRole('radio', { name: /Inviter par courriel/ }).check();
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByText(`Une invitation a été envoyée à ${email}`)).toBeVisible();
  await page.getByRole('link', { name: 'Ouvrir le compte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: username })).toBeVisible();
  await expect(
    page.getByText('En attente : le client n’a pas encore choisi son mot de passe.'),
  ).toBeVisible();

  // « Modifier le nom et le courriel »: a new address is sent its own link.
  await page.getByRole('link', { name: 'Modifier le nom et le courriel' }).click();
  await page.getByLabel('Nom', { exact: true }).fill('Julie Pelletier-Roy');
  await page.getByLabel('Courriel (facultatif)').fill(`julie.roy.${suffix}@example.ca`);
  await saveScreenshot(page, 'admin/20-edit-user.fr.png');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status')).toContainText('Les modifications sont enregistrées');
  await expect(page.getByText('Julie Pelletier-Roy')).toBeVisible();
  await expect(page.getByRole('cell', { name: /account\.email_changed/ })).toBeVisible();

  // « Supprimer le compte… », then its confirmation.
  await page
    .getByRole('button', { name: 'Supprimer le compte…' })
    .or(page.getByRole('link', { name: 'Supprimer le compte…' }))
    .click();
  await expect(page.getByText('Cette suppression est définitive.')).toBeVisible();
  await saveScreenshot(page, 'admin/21-delete-confirm.fr.png');
  await page.getByRole('button', { name: `Supprimer définitivement ${username}` }).click();
  await expect(page.getByText(`Le compte ${username} est supprimé.`)).toBeVisible();
  await page.getByRole('link', { name: 'Utilisateurs', exact: true }).click();
  await page.getByLabel('Rechercher par nom d’utilisateur, courriel ou nom').fill(username);
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(page.getByText('Aucun compte ne correspond.')).toBeVisible();

  // « Clés de signature »: a new key published now, signing after the publish-ahead delay.
  await page.getByRole('link', { name: 'Clés de signature' }).click();
  await page.getByRole('button', { name: 'Renouveler la clé' }).click();
  await expect(page.getByRole('status')).toContainText('Une nouvelle clé est publiée :');
  await expect(page.getByText('Prochaine (publiée, ne signe pas encore)')).toBeVisible();
  await saveScreenshot(page, 'admin/22-signing-keys.fr.png');
});
