/**
 * Passkeys' pages (issue 8 §1): « Clé de sécurité ou biométrie » at step 9, its page that names
 * the key and runs the browser's ceremony, « Utiliser ma clé d'accès » at the second factor, and
 * « Se connecter avec une clé d'accès » on the sign-in page. Labels written out, French and English.
 */
import { expect, type Page } from '@playwright/test';
import type { Lang } from '../support/labels.ts';

export const passkeyLabels = {
  fr: {
    method: 'Clé de sécurité ou biométrie',
    title: 'Ajouter une clé de sécurité ou la biométrie',
    name: 'Nom de la clé',
    create: "Créer la clé d'accès",
    named: (name: string) => `Clé d'accès « ${name} »`,
    use: "Utiliser ma clé d'accès",
    signIn: "Se connecter avec une clé d'accès",
    refusedTitle: 'Connexion impossible',
    back: 'Retour à la connexion',
    browserFailed:
      "Aucune clé d'accès n'a été utilisée : l'opération a été annulée ou a expiré, ou cet appareil n'en a pas pour ce site. Réessayez.",
  },
  en: {
    method: 'Security key or biometrics',
    title: 'Add a security key or biometrics',
    name: 'Name of the key',
    create: 'Create the passkey',
    named: (name: string) => `Passkey “${name}”`,
    use: 'Use my passkey',
    signIn: 'Sign in with a passkey',
    refusedTitle: 'Unable to sign in',
    back: 'Back to sign in',
    browserFailed:
      'No passkey was used: the operation was cancelled or timed out, or this device has none for this site. Try again.',
  },
} as const;

/** The passkey's enrollment page: its heading and the key's name field. */
export async function expectPasskeyPage(page: Page, lang: Lang): Promise<void> {
  const l = passkeyLabels[lang];
  await expect(page).toHaveURL(/\/(interaction|account\/step-up)\/[^/]+\/enroll\/passkey$/);
  await expect(page.getByRole('heading', { level: 1, name: l.title })).toBeVisible();
  await expect(page.getByRole('textbox', { name: l.name })).toBeVisible();
}

/** Name the key and create it: the virtual authenticator answers; the configuration page lists it. */
export async function createPasskey(page: Page, lang: Lang, name: string): Promise<void> {
  const l = passkeyLabels[lang];
  await page.getByRole('textbox', { name: l.name }).fill(name);
  await page.getByRole('button', { name: l.create }).click();
  await expect(page.locator('li.configured').filter({ hasText: l.named(name) })).toBeVisible();
}
