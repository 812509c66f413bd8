/**
 * Signing in with a push (issue 7 §1), the browser's side, over HTTP on both backends: the account
 * enrolled Sesame Verify by the QR page with the app's own core; later the second-factor page
 * offers « Envoyer une notification push » first (the code one link away), shows the number, and
 * completes only with an approval of this flow's request, signed by the phone with that number,
 * taken once. « Ce n'était pas moi » ends the sign-in; a wrong number fails that push.
 */
import {
  answerPushRequest,
  fetchPushRequests,
  isVerifyError,
  type StoredAccount,
} from '@sesame/authenticator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { atSecondFactor, interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import { enrollWithSesameVerify } from '../../../test/sesame-verify-phone.ts';
import { auditEvents, gotCode, redeemCode } from '../../../test/sign-in-kit.ts';
import { injectFetch } from '../../devices/device-test-kit.ts';

const password = 'chemin du Roy 1737 Trois-Rivières';
const computer = {
  'user-agent':
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

describe.each(testBackends())('signing in with a push (%s)', (backend) => {
  let t: TestApp;
  let phone: StoredAccount;
  let fetch: typeof globalThis.fetch;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    fetch = injectFetch(t.app);
    await t.createUser({ username: 'camille', password });
    // The guide: the QR page's link, scanned by Sesame Verify, then « Terminer ».
    phone = await enrollWithSesameVerify(t, 'camille', password);
  });
  afterEach(() => t.close());

  /** A new sign-in at the second factor, in a browser of its own, with the push sent. */
  async function pushSent() {
    const b = new BrowserSession(t.app, t.config.publicUrl, { ...computer });
    const { location, verifier } = await passwordStep(b, 'camille', password);
    const base = interactionPath(location);
    const offered = await b.get(`${base}/verify`);
    expect(offered.body).toContain('Envoyer une notification push');
    const waiting = await b.post(`${base}/verify/start`, {
      csrf: hiddenField(offered.body, 'csrf'),
      authenticatorId: hiddenField(offered.body, 'authenticatorId'),
    });
    expect(waiting.statusCode).toBe(200);
    const number = /class="push-number"[^>]*>\s*(\d+)\s*</.exec(waiting.body)?.[1] as string;
    const form = {
      csrf: hiddenField(waiting.body, 'csrf'),
      authenticatorId: hiddenField(waiting.body, 'authenticatorId'),
      challengeId: hiddenField(waiting.body, 'challengeId'),
      number: hiddenField(waiting.body, 'number'),
    };
    return { b, base, verifier, number, form };
  }

  const answer = (requestId: string, decision: 'approve' | 'deny', number?: string) =>
    answerPushRequest({
      fetch,
      account: phone,
      nowMs: t.clock.now,
      requestId,
      decision,
      ...(number === undefined ? {} : { number }),
    });
  const wrongNumber = (number: string) => String((Number(number) + 1) % 1_000_000).padStart(6, '0');
  const codeOf = (location: unknown) =>
    new URL(String(location)).searchParams.get('code') as string;

  it('offers the push first, with the code one link away', async () => {
    const { b, base } = await atSecondFactor(t, 'camille', password);
    const page = await b.get(`${base}/verify`);
    expect(page.body).toContain('Envoyer une notification push');
    expect(page.body).not.toContain('name="code"');
    const link = /href="([^"]+way=code)"/.exec(page.body)?.[1]?.replaceAll('&amp;', '&') as string;
    expect(link).toContain(`${base}/verify?authenticator=`);
    const codePage = await b.get(link);
    expect(codePage.body).toContain('name="code"');
    expect(codePage.body).toContain('Envoyer une notification push à la place');
  });

  it('shows the number, tells the phone what is asked, and completes with its approval (amr swk)', async () => {
    const { b, base, verifier, number, form } = await pushSent();
    expect(number).toMatch(/^\d{6}$/);
    const [request] = await fetchPushRequests({ fetch, account: phone, nowMs: t.clock.now });
    expect(request).toMatchObject({
      id: form.challengeId,
      application: 'Espace client',
      browser: 'Chrome 131',
      system: 'macOS Catalina',
    });
    expect(JSON.stringify(request)).not.toContain(number);
    expect(await answer(form.challengeId, 'approve', number)).toBe('approved');
    // The page's stream says so at once (the approval is already there when it opens).
    const stream = await b.get(
      `${base}/verify/events?authenticator=${form.authenticatorId}&challenge=${form.challengeId}`,
    );
    expect(stream.body).toContain('event: approved');
    const done = await b.follow(await b.post(`${base}/verify`, form));
    expect(gotCode(done)).toBe(true);
    const tokens = await redeemCode(t.app, codeOf(done.headers.location), verifier);
    const claims = JSON.parse(
      Buffer.from(String(tokens.body.id_token).split('.')[1] as string, 'base64url').toString(),
    );
    expect(claims.amr).toEqual(['pwd', 'swk']);
    expect(claims.acr).toBe('urn:sesame:loa:2fa');
  });

  it('takes an approval once: two tabs posting it, one completes', async () => {
    const { b, base, number, form } = await pushSent();
    await answer(form.challengeId, 'approve', number);
    const [first, second] = await Promise.all([
      b.post(`${base}/verify`, form),
      b.post(`${base}/verify`, form),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    // One goes on to the provider (303); the other finds the flow moved on or the approval taken.
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
  });

  it("never completes another flow: a sign-in posting someone else's approved request gets nothing", async () => {
    const victim = await pushSent();
    await answer(victim.form.challengeId, 'approve', victim.number);
    const attacker = await pushSent();
    const stolen = await attacker.b.post(`${attacker.base}/verify`, {
      ...attacker.form,
      challengeId: victim.form.challengeId,
    });
    expect(stolen.statusCode).toBe(401);
    expect(
      gotCode(await victim.b.follow(await victim.b.post(`${victim.base}/verify`, victim.form))),
    ).toBe(true);
  });

  it('says « not yet » while the phone has not answered, with the same number', async () => {
    const { b, base, number, form } = await pushSent();
    const early = await b.post(`${base}/verify`, form);
    expect(early.statusCode).toBe(200);
    expect(early.body).toContain('pas encore été approuvée');
    expect(early.body).toContain(number);
    expect(hiddenField(early.body, 'challengeId')).toBe(form.challengeId);
  });

  it("ends the sign-in on « Ce n'était pas moi », audited, with no new push sent by itself", async () => {
    const { b, base, form } = await pushSent();
    expect(await answer(form.challengeId, 'deny')).toBe('denied');
    // The waiting page hears it, and says so; the sign-in has ended on the server already.
    const stream = await b.get(
      `${base}/verify/events?authenticator=${form.authenticatorId}&challenge=${form.challengeId}`,
    );
    expect(stream.statusCode).toBe(400);
    const said = await b.get(`${base}/verify/denied`);
    expect(said.statusCode).toBe(403);
    expect(said.body).toContain('<h1>Connexion annulée</h1>');
    expect((await b.post(`${base}/verify`, form)).statusCode).toBe(400);
    expect((await b.get(`${base}/verify`)).statusCode).toBe(400);
    expect(await fetchPushRequests({ fetch, account: phone, nowMs: t.clock.now })).toEqual([]);
    const types = (await auditEvents(t)).map((e) => e.type);
    expect(types).toContain('push.denied');
  });

  it('fails that push on a wrong number and counts it; a new push can follow', async () => {
    const { b, base, number, form } = await pushSent();
    const refused = await answer(form.challengeId, 'approve', wrongNumber(number)).catch(
      (error: unknown) => (isVerifyError(error) ? error.code : 'other'),
    );
    expect(refused).toBe('push.wrong_number');
    const failed = await b.post(`${base}/verify`, form);
    expect(failed.statusCode).toBe(401);
    expect(failed.body).toContain('ne correspondait pas');
    const counter = await t.db
      .selectFrom('attempt_counters')
      .select('failures')
      .where('key', 'like', 'second-factor:%')
      .executeTakeFirst();
    expect(counter?.failures).toBeGreaterThan(0);
    // The flow goes on: the page offers the push again.
    expect(failed.body).toContain('Envoyer une notification push');
  });

  it('expires after two minutes: the page offers to send again', async () => {
    const { b, base, number, form } = await pushSent();
    t.clock.advance(121);
    await expect(answer(form.challengeId, 'approve', number)).rejects.toThrow();
    const late = await b.post(`${base}/verify`, form);
    expect(late.statusCode).toBe(401);
    expect(late.body).toContain('La demande a expiré');
  });
});
