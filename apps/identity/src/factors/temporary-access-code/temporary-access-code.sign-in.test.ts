/**
 * A temporary access code for a lost phone (issue 9 §1), over HTTP through the real pages on both
 * backends: the help desk issues it in the console; the client's next sign-in takes it once at the
 * second factor (« Utiliser un code d'accès temporaire »), then enrolls a new method before
 * reaching the application; it is single use (also under a parallel race), expires after an
 * hour, counts toward the second factor's failure limit when wrong, is never on the enrollment
 * pages, and a new one ends the earlier one. Each step is in the audit trail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { type ConsoleUser, consoleUser, signInToConsole } from '../../../test/console-kit.ts';
import {
  enrollAccount,
  enrollOtherApp,
  finishEnrollment,
  interactionPath,
  methodForm,
  passwordStep,
} from '../../../test/mfa-kit.ts';
import { idTokenClaims } from '../../../test/sent-code-kit.ts';
import { auditEvents, gotCode } from '../../../test/sign-in-kit.ts';
import { purgeExpired } from '../../ops/purge-expired.ts';
import { accountPolicy } from '../../security/attempt-policy.ts';

const password = 'rue Saint-Jean 1608 Québec';
const useLabel = 'Utiliser un code d’accès temporaire';

describe.each(testBackends())('a temporary access code for a lost phone (%s)', (backend) => {
  let t: TestApp;
  let desk: BrowserSession;
  let deskUser: ConsoleUser;
  let accountId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    deskUser = await consoleUser(t, 'soutien', 'helpdesk');
    desk = (await signInToConsole(t, deskUser)).browser;
    accountId = await t.createUser({ username: 'lucie', password });
    // Lucie enrolled an authenticator app, on the phone she has now lost.
    await enrollAccount(t, 'lucie', password);
  });
  afterEach(() => t.close());

  /** The help desk's « Émettre un code d'accès temporaire »: the code shown once. */
  async function issue(): Promise<string> {
    const page = await desk.get(`/admin/users/${accountId}`);
    const issued = await desk.post(`/admin/users/${accountId}/access-code`, {
      csrf: hiddenField(page.body, 'csrf'),
    });
    expect(issued.statusCode).toBe(200);
    expect(issued.headers['cache-control']).toBe('no-store');
    return /data-testid="access-code">([A-Z2-7-]+)</.exec(issued.body)?.[1] as string;
  }
  /** Lucie past her password, on the code's form. */
  async function atCodeForm() {
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const { location, verifier } = await passwordStep(b, 'lucie', password);
    const base = interactionPath(location);
    const { fields } = await methodForm(b, base, useLabel);
    return { b, base, verifier, fields };
  }

  it('signs in once with it, then sets up a new method before the application', async () => {
    const code = await issue();
    expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    const { b, base, verifier, fields } = await atCodeForm();
    const typed = code.toLowerCase().replaceAll('-', ' ');
    const passed = await b.post(`${base}/verify`, { ...fields, code: typed });
    expect(passed.statusCode).toBe(303);
    // Not to the application yet: to the enrollment of a new method.
    const next = await b.follow(passed);
    expect(gotCode(next)).toBe(false);
    expect(next.body).toContain('Choisir');
    expect(next.body).not.toContain(useLabel);
    await enrollOtherApp(t, b, base);
    const done = await finishEnrollment(b, base);
    expect(gotCode(done)).toBe(true);
    const claims = await idTokenClaims(t, done, verifier);
    expect(claims).toMatchObject({ acr: 'urn:sesame:loa:2fa' });
    expect(claims.amr).toEqual(expect.arrayContaining(['pwd', 'otp']));
    const types = (await auditEvents(t)).map((event) => [event.type, event.actor]);
    expect(types).toContainEqual(['temporary_access_code.issued', `admin:${deskUser.accountId}`]);
    expect(types).toContainEqual(['temporary_access_code.used', null]);
    // Used: gone. The next sign-in has no such way in.
    const again = new BrowserSession(t.app, t.config.publicUrl);
    const later = interactionPath((await passwordStep(again, 'lucie', password)).location);
    expect((await again.get(`${later}/verify`)).body).not.toContain(useLabel);
  });

  it('is taken once when two sign-ins post it at the same time', async () => {
    const code = await issue();
    const tabs = await Promise.all([atCodeForm(), atCodeForm(), atCodeForm()]);
    const answers = await Promise.all(
      tabs.map(({ b, base, fields }) => b.post(`${base}/verify`, { ...fields, code })),
    );
    expect(answers.filter((a) => a.statusCode === 303)).toHaveLength(1);
    const used = (await auditEvents(t)).filter((e) => e.type === 'temporary_access_code.used');
    expect(used).toHaveLength(1);
  });

  it('expires after an hour, is said so, and is no longer offered once purged', async () => {
    const code = await issue();
    t.clock.advance(3601);
    const { b, base, fields } = await atCodeForm();
    const late = await b.post(`${base}/verify`, { ...fields, code });
    expect(late.statusCode).toBe(401);
    expect(late.body).toContain('Ce code d’accès temporaire a expiré');
    await purgeExpired(t.db, t.clock.now);
    const again = new BrowserSession(t.app, t.config.publicUrl);
    const later = interactionPath((await passwordStep(again, 'lucie', password)).location);
    expect((await again.get(`${later}/verify`)).body).not.toContain(useLabel);
  });

  it('counts wrong codes toward the second factor’s limit: then even the right one is refused', async () => {
    const code = await issue();
    const { b, base, fields } = await atCodeForm();
    for (let i = 0; i < accountPolicy.failuresPerLock; i++)
      await b.post(`${base}/verify`, { ...fields, code: 'AAAA-AAAA-AAAA' });
    const right = await b.post(`${base}/verify`, { ...fields, code });
    expect(right.statusCode).toBe(401);
    const failures = (await auditEvents(t)).filter(
      (e) => e.type === 'sign_in.second_factor_failed',
    );
    expect(failures.length).toBeGreaterThanOrEqual(accountPolicy.failuresPerLock);
    expect((await auditEvents(t)).some((e) => e.type === 'temporary_access_code.used')).toBe(false);
  });

  it('a new code ends the earlier one', async () => {
    const first = await issue();
    const second = await issue();
    const { b, base, fields } = await atCodeForm();
    const old = await b.post(`${base}/verify`, { ...fields, code: first });
    expect(old.statusCode).toBe(401);
    const fresh = await b.post(`${base}/verify`, { ...fields, code: second });
    expect(fresh.statusCode).toBe(303);
  });

  it('is never offered on the enrollment pages', async () => {
    const other = new BrowserSession(t.app, t.config.publicUrl);
    await t.createUser({ username: 'noah', password });
    const { location } = await passwordStep(other, 'noah', password);
    const choose = await other.get(`${interactionPath(location)}/enroll`);
    expect(choose.statusCode).toBe(200);
    expect(choose.body).not.toContain('Code d’accès temporaire');
  });
});
