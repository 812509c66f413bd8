/**
 * Issue 9's « Done when », in a real browser, in French: a help-desk agent creates a client's
 * account and requires MFA for it; the client signs in at the Espace client and sets up an
 * authenticator app; the client loses the phone and calls; the agent issues a temporary access
 * code, read out on the telephone; the client signs in with it once and must set up a new app
 * before reaching the Espace client; and the agent sees every step in the account's audit trail.
 * Two browsers: the agent's and the client's. Screenshots in docs/screenshots/admin/.
 */
import { type Browser, expect, type Page, test } from '@playwright/test';
import { ChooseMethodPage } from './pages/enrollment-pages.ts';
import { PortalHome } from './pages/portal-home.ts';
import { createAccount, runSesameCli } from './support/accounts.ts';
import { signInToConsole } from './support/console-sign-in.ts';
import { labels } from './support/labels.ts';
import { saveScreenshot } from './support/page-checks.ts';

const t = labels.fr;

test.use({ locale: t.locale });

/** The agent's console in a browser of its own (the console asks two factors: an app set up). */
async function agentConsole(browser: Browser): Promise<Page> {
  const suffix = Date.now().toString(36);
  const agent = await createAccount(`soutien.tac.${suffix}`, 'Sophie Gagnon');
  await runSesameCli(['users', 'grant-admin', agent.username, '--helpdesk']);
  const page = await (await browser.newContext({ locale: t.locale })).newPage();
  await signInToConsole(page, 'fr', agent);
  return page;
}

/** The client at the Espace client: the password, then another authenticator app set up. */
async function clientEnrolls(choose: ChooseMethodPage, name: string) {
  const otherApp = await choose.chooseOtherApp();
  const authenticator = await otherApp.addToAuthenticatorApp();
  const configuration = await otherApp.confirm(await authenticator.freshCode());
  const dashboard = await configuration.finish();
  await dashboard.expectLoaded(name);
  return dashboard;
}

test('a help-desk agent creates a client, requires MFA, and gets a client who lost the phone back in', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const desk = await agentConsole(browser);

  // « Nouvel utilisateur »: the client's account and its password, shown once.
  const client = { username: `marie.${Date.now().toString(36)}`, name: 'Marie Tremblay' };
  await desk.getByRole('link', { name: 'Nouvel utilisateur' }).click();
  await desk.getByLabel('Nom d’utilisateur', { exact: true }).fill(client.username);
  await desk.getByLabel('Nom', { exact: true }).fill(client.name);
  await desk.getByRole('button', { name: 'Créer le compte' }).click();
  const password = (await desk.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(password).toMatch(/^[a-z2-9-]{23}$/);
  await desk.getByRole('link', { name: 'Ouvrir le compte' }).click();
  await expect(desk.getByRole('heading', { level: 1, name: client.username })).toBeVisible();
  await desk.getByRole('button', { name: 'Rendre la MFA obligatoire pour ce compte' }).click();
  await expect(desk.getByRole('status')).toBeVisible();
  await expect(
    desk.getByRole('button', { name: 'Ne plus exiger la MFA pour ce compte' }),
  ).toBeVisible();

  // The client signs in with that password and sets up an app: the guide's first trigger.
  const signIn = await (await new PortalHome(page, 'fr').goto()).startSignIn();
  const dashboard = await clientEnrolls(
    await signIn.signInToEnroll(client.username, password),
    client.name,
  );
  const home = await dashboard.signOut();

  // The phone is lost. The agent issues a temporary access code, shown once.
  await desk.reload();
  await desk
    .getByRole('button', { name: 'Émettre un code d’accès temporaire (téléphone perdu)' })
    .click();
  const code = desk.getByTestId('access-code');
  await expect(code).toHaveText(/^[A-Z2-7-]{12,20}$/);
  await saveScreenshot(desk, 'admin/05-temporary-access-code.fr.png');
  const spoken = (await code.textContent())?.trim() ?? '';

  // The client types it where the app's code would go, once, then must set up a new app.
  const again = await home.startSignIn();
  await again.fillAndSubmit(client.username, password);
  await page.getByText('Essayer une autre méthode').click();
  await page.getByRole('link', { name: 'Utiliser un code d’accès temporaire' }).click();
  await page.getByRole('textbox', { name: 'Code d’accès temporaire' }).fill(spoken);
  await page.getByRole('button', { name: t.verify, exact: true }).click();
  const choose = new ChooseMethodPage(page, 'fr');
  await choose.expectLoaded();
  await saveScreenshot(page, 'admin/06-after-access-code.fr.png');
  await clientEnrolls(choose, client.name);

  // The agent sees it all in the account's trail.
  await desk.getByRole('link', { name: 'Retour au compte' }).click();
  for (const type of [
    'account.created',
    'account.mfa_requirement_changed',
    'temporary_access_code.issued',
    'temporary_access_code.used',
    'authenticator.added',
  ])
    await expect(desk.getByRole('cell', { name: type }).first()).toBeVisible();
  await saveScreenshot(desk, 'admin/07-account-trail.fr.png');
});
