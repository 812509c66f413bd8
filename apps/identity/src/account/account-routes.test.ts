/** The « Sécurité » page: the signed-in account's methods and recent activity; nothing without a session. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  enrollOtherApp,
  finishEnrollment,
  interactionPath,
  passwordStep,
} from '../../test/mfa-kit.ts';

const password = 'marché Jean-Talon 1933';

describe.each(testBackends())('account security page (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'ines', name: 'Inès Pelletier', password });
  });
  afterEach(() => t.close());

  it('shows nothing personal without a session', async () => {
    const page = await new BrowserSession(t.app, t.config.publicUrl).get('/account');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Vous n'êtes pas connecté");
    expect(page.body).not.toContain('Inès');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('lists the methods and recent activity of the signed-in account', async () => {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(browser, 'ines', password)).location);
    await enrollOtherApp(t, browser, base);
    await finishEnrollment(browser, base);
    const page = await browser.get('/account');
    expect(page.body).toContain('Connecté en tant que Inès Pelletier (ines)');
    expect(page.body).toContain("Autre application d'authentification");
    expect(page.body).toContain('Mot de passe accepté');
    expect(page.body).toContain('Méthode de vérification ajoutée');
    // Another browser, not signed in, sees none of it.
    expect(
      (await new BrowserSession(t.app, t.config.publicUrl).get('/account')).body,
    ).not.toContain('Inès');
  });
});
