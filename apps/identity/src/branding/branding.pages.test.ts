/**
 * The organization's branding where clients meet it, over HTTP on both backends: with nothing
 * set, the pages are Sesame's alone; with a name, a logo and a colour, the sign-in page shows
 * them beside « Sesame »; with a support contact, a locked account's refused sign-in, the second
 * factor (a lost phone) and the enrollment pages say « Contactez le support : … ».
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, BrowserSession, openSignIn, signIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { discPng } from '../../test/logo-fixture.ts';
import {
  atSecondFactor,
  enrollAccount,
  interactionPath,
  passwordStep,
} from '../../test/mfa-kit.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { lockAccount } from '../accounts/operations/lock-account.ts';
import { changeBranding } from './change-branding.ts';

const password = 'boulevard Saint-Laurent 5120 Montréal';
const support = {
  email: 'aide@caisse.example',
  phone: '+1 514 555-0199',
  url: 'https://caisse.example/aide',
};

describe.each(testBackends())('the organization on the pages (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
  });
  afterEach(() => t.close());

  const deps = () => ({ db: t.db, now: () => t.clock.now });
  const browser = () => new BrowserSession(t.app, t.config.publicUrl);

  it('with nothing set, the sign-in page is Sesame’s alone', async () => {
    const { page } = await openSignIn(browser());
    expect(page.body).not.toContain('data-organization');
    expect(page.body).not.toContain('/branding/');
    expect(page.body).not.toContain('data-support-contact');
  });

  it('shows the organization’s name and logo beside « Sesame », in its colour', async () => {
    await changeBranding(deps(), cliActor, { kind: 'name', name: 'Caisse Laurentienne' });
    await changeBranding(deps(), cliActor, { kind: 'logo', bytes: discPng(32) });
    await changeBranding(deps(), cliActor, { kind: 'accent', colour: '#1b5e20' });
    const { page } = await openSignIn(browser());
    const header = /<header class="site-header">([\s\S]*?)<\/header>/.exec(page.body)?.[1] ?? '';
    expect(header).toContain('Sesame');
    expect(header).toContain('<span class="org-name">Caisse Laurentienne</span>');
    // The name beside it says it all: the logo's alternative text is empty (rendered `alt`).
    const src = /<img class="org-logo" src="([^"]+)" alt\/>/.exec(header)?.[1] as string;
    expect(src).toMatch(/^\/branding\/logo\?v=[0-9a-f]{16}$/);
    expect(page.body).toContain('<link rel="stylesheet" href="/branding/theme.css?v=1b5e20"/>');
    // Both load under the pages' own CSP (same origin: img-src and style-src 'self').
    const logo = await t.app.inject({ method: 'GET', url: src });
    expect(logo.headers['content-type']).toBe('image/png');
    // A logo with no name says what it is.
    await changeBranding(deps(), cliActor, { kind: 'name', name: '' });
    const unnamed = (await openSignIn(browser())).page.body;
    expect(unnamed).toContain('alt="Logo de l’organisation"');
    expect(unnamed).not.toContain('org-name');
  });

  it('oidc-provider’s own pages (its error page) wear it too', async () => {
    await changeBranding(deps(), cliActor, { kind: 'name', name: 'Caisse Laurentienne' });
    const page = await browser().get(authorizeUrl({ redirect_uri: 'https://evil.example/' }).url);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<span class="org-name">Caisse Laurentienne</span>');
  });

  it('a locked account’s refused sign-in says where to turn, without saying it is locked', async () => {
    const accountId = await t.createUser({ username: 'lucie', password });
    await lockAccount(deps(), cliActor, { accountId });
    const before = (await signIn(browser(), 'lucie', password)).response.body;
    expect(before).toContain('Impossible de vous connecter.');
    expect(before).not.toContain('data-support-contact');

    await changeBranding(deps(), cliActor, { kind: 'support', contact: support });
    const { response } = await signIn(browser(), 'lucie', password);
    expect(response.body).toContain('Impossible de vous connecter.');
    const note = /<p class="support-contact" data-support-contact="true">([\s\S]*?)<\/p>/.exec(
      response.body,
    )?.[1];
    expect(note).toContain('Contactez le support :');
    expect(note).toContain('href="mailto:aide@caisse.example"');
    expect(note).toContain('href="tel:+15145550199"');
    expect(note).toContain('href="https://caisse.example/aide"');
    // The same page as a wrong password's: no oracle (G-11).
    const wrong = (await signIn(browser(), 'lucie', 'pas le bon mot de passe')).response.body;
    expect(wrong).toContain('data-support-contact');
  });

  it('the second factor (a lost phone) and the enrollment pages show the support contact', async () => {
    await changeBranding(deps(), cliActor, {
      kind: 'support',
      contact: { email: '', phone: '', url: support.url },
    });
    await t.createUser({ username: 'marc', password });
    await enrollAccount(t, 'marc', password);
    const { b, base } = await atSecondFactor(t, 'marc', password);
    const verify = await b.get(`${base}/verify`);
    expect(verify.body).toContain('Contactez le support :');
    expect(verify.body).toContain('href="https://caisse.example/aide"');
    expect(verify.body).not.toContain('mailto:');

    await t.createUser({ username: 'nadia', password });
    const enrolling = browser();
    const enrollBase = interactionPath((await passwordStep(enrolling, 'nadia', password)).location);
    const choose = await enrolling.get(`${enrollBase}/enroll`);
    expect(choose.statusCode).toBe(200);
    expect(choose.body).toContain('Contactez le support :');
  });

  it('in English, « Contact support: »', async () => {
    await changeBranding(deps(), cliActor, {
      kind: 'support',
      contact: { email: support.email, phone: '', url: '' },
    });
    await t.createUser({ username: 'lea', password });
    const english = new BrowserSession(t.app, t.config.publicUrl, { 'accept-language': 'en' });
    const { response } = await signIn(english, 'lea', 'wrong password here');
    expect(response.body).toContain('Contact support:');
  });
});
