/**
 * « Applications » in a real browser (issue 9: "another OIDC application is registered from the
 * console and signs in through Sesame"): an administrator registers « Portail des courtiers »,
 * requiring two factors, and copies its client id and secret; that application — openid-client
 * in this process, its redirect URI answered by the browser's own route — then signs a new
 * client in through Sesame (password, an authenticator app set up on the way) and gets an ID
 * token of acr 2fa. French, English, a phone's width; screenshots in docs/screenshots/admin/.
 */
import { expect, test } from '@playwright/test';
import * as client from 'openid-client';
import { SignInPage } from './pages/sign-in-page.ts';
import { createAccount, runSesameCli } from './support/accounts.ts';
import { signInToConsole } from './support/console-sign-in.ts';
import { expectNoHorizontalScroll, saveScreenshot } from './support/page-checks.ts';
import { identityUrl } from './support/sesame-server.ts';

const callback = 'http://localhost:4199/callback';

test('an administrator registers an application that then signs a client in', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const admin = await createAccount(`admin.apps.${suffix}`, 'Ariane Roy');
  await runSesameCli(['users', 'grant-admin', admin.username]);
  const applications = '/admin/applications';
  await signInToConsole(page, 'fr', admin, { from: applications, landsOn: applications });
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'espace-client' })).toContainText(
    'Configuration (lecture seule)',
  );

  // « Nouvelle application »: a refused URI first, then the right ones.
  await page.getByRole('link', { name: 'Nouvelle application' }).click();
  await page.getByLabel('Nom', { exact: true }).fill('Portail des courtiers');
  const uris = page.getByLabel('Adresses de retour (redirect_uri), une par ligne');
  await uris.fill('http://courtage.example/callback');
  await page.getByLabel(/Exiger deux facteurs/).check();
  await page.getByRole('button', { name: 'Enregistrer l’application' }).click();
  await expect(page.getByRole('alert')).toContainText('Seules les adresses https');
  await uris.fill(callback);
  await page.getByLabel(/Adresses après déconnexion/).fill('http://localhost:4199/');
  await page.getByRole('button', { name: 'Enregistrer l’application' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Application enregistrée' }),
  ).toBeVisible();
  const clientId = (await page.getByTestId('client-id').textContent()) as string;
  const clientSecret = (await page.getByTestId('client-secret').textContent()) as string;
  expect(clientId).toMatch(/^app-/);
  await saveScreenshot(page, 'admin/11-application-created.fr.png');
  await page.goto(`${identityUrl}/admin/applications`);
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Portail des courtiers' }),
  ).toContainText('urn:sesame:loa:2fa');
  await saveScreenshot(page, 'admin/10-applications.fr.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await saveScreenshot(page, 'admin/14-applications.phone.fr.png');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The application signs a new client in, in a browser of its own.
  const config = await client.discovery(
    new URL(`${identityUrl}/oidc`),
    clientId,
    undefined,
    client.ClientSecretBasic(clientSecret),
    { execute: [client.allowInsecureRequests] },
  );
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const authorize = client.buildAuthorizationUrl(config, {
    redirect_uri: callback,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  const context = await browser.newContext({ locale: 'fr-CA' });
  const app = await context.newPage();
  await app.route(`${callback}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<h1>Portail des courtiers</h1>' }),
  );
  await app.goto(authorize.href);
  const signIn = new SignInPage(app, 'fr');
  await signIn.expectLoaded();
  await expect(app.getByText('Portail des courtiers')).toBeVisible();
  await saveScreenshot(app, 'admin/12-application-sign-in.fr.png');
  const courtier = await createAccount(`courtier.${suffix}`, 'Jean Tremblay');
  const choose = await signIn.signInToEnroll(courtier.username, courtier.password);
  const otherApp = await choose.chooseOtherApp();
  const authenticator = await otherApp.addToAuthenticatorApp();
  const configuration = await otherApp.confirm(await authenticator.freshCode());
  await configuration.finishButton.click();
  await app.waitForURL(`${callback}?**`);
  const tokens = await client.authorizationCodeGrant(config, new URL(app.url()), {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  expect(tokens.claims()).toMatchObject({
    aud: clientId,
    name: 'Jean Tremblay',
    acr: 'urn:sesame:loa:2fa',
  });
  await context.close();

  // Its page: the URIs and requirement to edit, « Renouveler le secret », removal.
  await page.getByRole('link', { name: 'Portail des courtiers' }).click();
  await expect(page.getByTestId('client-id')).toHaveText(clientId);
  await saveScreenshot(page, 'admin/13-application.fr.png');
  await page.getByRole('button', { name: 'Renouveler le secret' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau secret émis' })).toBeVisible();
  await expect(page.getByTestId('client-secret')).not.toHaveText(clientSecret);

  // In English.
  await page.goto(`${identityUrl}/admin/applications?lang=en`);
  await expect(page.getByRole('listitem').filter({ hasText: 'espace-client' })).toContainText(
    'Configuration (read only)',
  );
  await saveScreenshot(page, 'admin/10-applications.en.png');
  await page.getByRole('link', { name: 'New application' }).click();
  await expect(page.getByLabel('Redirect URIs (redirect_uri), one per line')).toBeVisible();
  await saveScreenshot(page, 'admin/11-new-application.en.png');
});
