/**
 * « Ajouter un bénéficiaire » approved in Sesame Verify (issue 7 §3), over HTTP: the portal signs
 * in through a real Sesame identity app (listening, with its CIBA), the client's phone is Sesame
 * Verify's own core. The payee is added only once the phone approved with the number the portal
 * shows (backchannelNumber of the auth_req_id); a denial or an expiry is said, and adds nothing;
 * the form and the status check want the session's CSRF token.
 */
import { answerPushRequest, fetchPushRequests, type StoredAccount } from '@sesame/authenticator';
import { backchannelNumber } from '@sesame/contracts';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../identity/test/browser-session.ts';
import { testBackends } from '../../identity/test/build-test-app.ts';
import { listenTestApp } from '../../identity/test/listen-test-app.ts';
import { finishEnrollment, interactionPath } from '../../identity/test/mfa-kit.ts';
import { scanEnrollmentQr } from '../../identity/test/sesame-verify-phone.ts';
import { buildPortalApp } from './app.ts';
import { loadPortalConfig } from './config.ts';
import { createSessionStore, type PortalSession, type SessionStore } from './session-store.ts';

const password = 'rue du Petit-Champlain 1608';

describe.each(testBackends())('adding a payee approved in Sesame Verify (%s)', (backend) => {
  let t: Awaited<ReturnType<typeof listenTestApp>>;
  let portal: FastifyInstance;
  let sessions: SessionStore;
  let clock: { now: number };
  let phone: StoredAccount;
  let cookie: string;
  let csrf: string;

  beforeEach(async () => {
    t = await listenTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'marie', password, name: 'Marie Tremblay' });
    const config = loadPortalConfig({
      PORTAL_CLIENT_SECRET: 'portal-test-secret',
      SESAME_ISSUER: t.config.issuer,
      SESAME_ACCOUNT_URL: `${t.url}/account`,
    });
    clock = { now: Date.now() };
    sessions = createSessionStore({ now: () => clock.now });
    portal = buildPortalApp(config, { sessions, now: () => clock.now });
    // The client signs in to the Espace client and enrolls Sesame Verify by its QR code.
    const login = await portal.inject('/login');
    cookie = `portal_session=${login.cookies.find((c) => c.name === 'portal_session')?.value}`;
    const authorize = new URL(String(login.headers.location));
    const browser = new BrowserSession(t.app, t.url);
    const page = await browser.follow(await browser.get(authorize.pathname + authorize.search));
    const action = /action="([^"]+\/login)"/.exec(page.body)?.[1] as string;
    const posted = await browser.post(action, {
      csrf: hiddenField(page.body, 'csrf'),
      username: 'marie',
      password,
    });
    const base = interactionPath(posted.headers.location);
    phone = await scanEnrollmentQr(browser, base, {
      fetch,
      issuer: t.url,
      nowMs: t.clock.now,
      deviceName: 'iPhone de Marie',
    });
    const callback = new URL(String((await finishEnrollment(browser, base)).headers.location));
    const signedIn = await portal.inject({
      url: callback.pathname + callback.search,
      headers: { cookie },
    });
    expect(signedIn.headers.location).toBe('/dashboard');
    cookie = `portal_session=${signedIn.cookies.find((c) => c.name === 'portal_session')?.value}`;
    csrf = hiddenField((await dashboard()).body, 'csrf');
  });
  afterEach(async () => {
    await portal.close();
    await t.close();
  });

  const dashboard = () => portal.inject({ url: '/dashboard', headers: { cookie } });
  const session = () => sessions.get(cookie.split('=')[1]) as PortalSession;
  const post = (url: string, form: Record<string, string>, accept = 'text/html') =>
    portal.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(form).toString(),
      headers: { cookie, accept, 'content-type': 'application/x-www-form-urlencoded' },
    });
  const addPayee = (name = 'Marie Tremblay') => post('/payees', { csrf, name });
  /** The waiting page's script: the status check, answered in JSON. */
  const status = async () =>
    (await post('/payees/approval/status', { csrf }, 'application/json')).json() as {
      status: string;
      location?: string;
    };
  /** Past the issuer's polling interval (the portal never polls faster). */
  const waitInterval = () => {
    clock.now += (session().payeeApproval?.intervalSeconds ?? 5) * 1000;
  };
  const phoneRequests = () => fetchPushRequests({ fetch, account: phone, nowMs: t.clock.now });
  const answer = (requestId: string, decision: 'approve' | 'deny', number?: string) =>
    answerPushRequest({
      fetch,
      account: phone,
      nowMs: t.clock.now,
      requestId,
      decision,
      ...(number === undefined ? {} : { number }),
    });

  it('adds the payee only after the phone approved with the number the portal shows', async () => {
    const added = await addPayee();
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/payees/approval');
    const waiting = await portal.inject({ url: '/payees/approval', headers: { cookie } });
    expect(waiting.body).toContain('Ajouter le bénéficiaire Marie Tremblay ?');
    expect(waiting.body).toContain('Ouvrez Sesame Verify et saisissez ce nombre');
    expect(waiting.body).toContain('<script src="/assets/payee-approval.js" defer></script>');
    const shown = /data-testid="approval-number">(\d{6})</.exec(waiting.body)?.[1];
    const authReqId = session().payeeApproval?.authReqId as string;
    expect(shown).toBe(await backchannelNumber(authReqId));

    // Not yet approved: the portal's poll is pending, nothing is added.
    expect(await status()).toEqual({ status: 'pending' });
    waitInterval();
    expect(await status()).toEqual({ status: 'pending' });
    expect((await dashboard()).body).toContain("Vous n'avez encore aucun bénéficiaire.");

    const [request] = await phoneRequests();
    expect(request).toMatchObject({
      application: 'Espace client',
      bindingMessage: 'Ajouter le bénéficiaire Marie Tremblay ?',
    });
    expect(await answer(request?.id as string, 'approve', shown)).toBe('approved');
    // Within the interval the portal does not ask again; after it, the tokens add the payee.
    expect(await status()).toEqual({ status: 'pending' });
    waitInterval();
    expect(await status()).toEqual({ status: 'approved', location: '/dashboard' });
    const after = await dashboard();
    expect(after.body).toContain(
      'Bénéficiaire Marie Tremblay ajouté. Vous avez approuvé cet ajout dans Sesame Verify.',
    );
    expect(after.body).toMatch(/class="payees__name">Marie Tremblay</);
    // The confirmation shows once; the payee stays.
    const again = await dashboard();
    expect(again.body).not.toContain('ajouté. Vous avez approuvé');
    expect(again.body).toMatch(/class="payees__name">Marie Tremblay</);
  });

  it('says so when the client declines on the phone, and adds nothing', async () => {
    await addPayee('Jean Dupuis');
    const [request] = await phoneRequests();
    expect(await answer(request?.id as string, 'deny')).toBe('denied');
    waitInterval();
    // Without the script: « Vérifier » posts the same check and comes back to the page.
    const checked = await post('/payees/approval/status', { csrf });
    expect(checked.statusCode).toBe(303);
    expect(checked.headers.location).toBe('/payees/approval');
    const page = await portal.inject({ url: '/payees/approval', headers: { cookie } });
    expect(page.body).toContain('La demande a été refusée dans Sesame Verify');
    expect(page.body).toContain("Le bénéficiaire n'a pas été ajouté.");
    expect(page.body).toContain('href="/dashboard"');
    expect(page.body).not.toContain('data-testid="approval-number"');
    expect((await dashboard()).body).not.toContain('Jean Dupuis');
  });

  it('says so when the request expires, and adds nothing, even if approved later', async () => {
    await addPayee('Jean Dupuis');
    clock.now += 121_000;
    expect(await status()).toEqual({ status: 'over', location: '/payees/approval' });
    const [request] = await phoneRequests();
    const number = await backchannelNumber(session().payeeApproval?.authReqId as string);
    await answer(request?.id as string, 'approve', number).catch(() => undefined);
    expect(await status()).toEqual({ status: 'over', location: '/payees/approval' });
    const page = await portal.inject({ url: '/payees/approval', headers: { cookie } });
    expect(page.body).toContain("La demande a expiré avant d'être approuvée.");
    expect((await dashboard()).body).not.toContain('Jean Dupuis');
  });

  it('wants the CSRF token on the form and on the status check', async () => {
    const forms: Record<string, string>[] = [
      { name: 'Jean Dupuis' },
      { csrf: 'forged', name: 'Jean Dupuis' },
    ];
    for (const form of forms) {
      const refused = await post('/payees', form);
      expect(refused.statusCode).toBe(403);
    }
    // No request reached the phone, none is waiting.
    expect(await phoneRequests()).toEqual([]);
    expect(session().payeeApproval).toBeUndefined();
    await addPayee('Jean Dupuis');
    const forged = await post('/payees/approval/status', { csrf: 'forged' }, 'application/json');
    expect(forged.statusCode).toBe(403);
    const [request] = await phoneRequests();
    const number = await backchannelNumber(session().payeeApproval?.authReqId as string);
    expect(await answer(request?.id as string, 'approve', number)).toBe('approved');
    waitInterval();
    expect((await post('/payees/approval/status', {})).statusCode).toBe(403);
    expect((await dashboard()).body).not.toMatch(/class="payees__name">Jean Dupuis</);
  });

  it('refuses a name that is not one, without asking the phone', async () => {
    for (const name of ['', 'J', 'Jean <script>', 'x'.repeat(61), '123 Dupuis']) {
      const refused = await addPayee(name);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Saisissez un nom de 2 à 60 caractères');
    }
    expect(await phoneRequests()).toEqual([]);
  });
});
