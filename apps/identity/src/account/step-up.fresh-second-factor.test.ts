/**
 * G-23 through the step runner of a signed-in account (issue 6 §2, ADR 0005): a method is removed
 * from the security page only with a second factor of the last five minutes — the session's own
 * sign-in, or a step-up run by the same steps as a sign-in — and only by the browser that passed
 * it, for the account it passed it for. Everything over HTTP, on both backends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { atSecondFactor, enrollAccount, submitCode } from '../../test/mfa-kit.ts';
import { auditEvents, gotCode } from '../../test/sign-in-kit.ts';
import { generateTotpCode } from '../factors/totp/totp-code.ts';

const password = 'rue Saint-Jean 1608 Québec';

describe.each(testBackends())(
  'a fresh second factor before removing a method (G-23) (%s)',
  (backend) => {
    let t: TestApp;
    let accountId: string;
    let secret: Uint8Array;
    let methodId: string;
    beforeEach(async () => {
      t = await buildTestApp(backend, {}, { orgMfaRequired: true });
      accountId = await t.createUser({ username: 'lea', password });
      secret = await enrollAccount(t, 'lea', password);
      const [method] = await t.db.selectFrom('authenticators').select('id').execute();
      methodId = method?.id as string;
    });
    afterEach(() => t.close());

    const removePage = () => `/account/methods/${methodId}/remove`;
    const code = (offsetSeconds = 0) =>
      generateTotpCode(secret, t.clock.now + offsetSeconds * 1000);
    const methods = async () =>
      (await t.db.selectFrom('authenticators').select('id').execute()).length;

    /** A browser signed in to the identity server with the password and a code, now. */
    async function signedIn(username = 'lea', codeNow = code()): Promise<BrowserSession> {
      const { b, base } = await atSecondFactor(t, username, password);
      const { response } = await submitCode(b, base, codeNow);
      expect(gotCode(await b.follow(response))).toBe(true);
      return b;
    }

    /** Open the removal page; returns where the browser ended, after the identity's redirects. */
    async function openRemoval(b: BrowserSession) {
      return b.follow(await b.get(removePage()));
    }

    it('asks nothing more of a session that passed its second factor within five minutes', async () => {
      const b = await signedIn();
      t.clock.advance(120);
      const page = await openRemoval(b);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Retirer cette méthode ?');
      const done = await b.post(removePage(), { csrf: hiddenField(page.body, 'csrf') });
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe('/account?removed=1');
      expect(await methods()).toBe(0);
      const removed = (await auditEvents(t)).filter((e) => e.type === 'authenticator.removed');
      expect(removed).toMatchObject([{ account_id: accountId, actor: `user:${accountId}` }]);
    });

    it('runs the second-factor step again when the sign-in is older, wrong codes counting', async () => {
      const b = await signedIn();
      t.clock.advance(600);
      const asked = await openRemoval(b);
      // The step-up's own second-factor page, under /account/step-up/<id>.
      expect(asked.statusCode).toBe(200);
      const action = /action="(\/account\/step-up\/[^"]+\/verify)"/.exec(asked.body)?.[1];
      expect(action).toBeDefined();
      const base = (action as string).replace(/\/verify$/, '');
      const form = {
        csrf: hiddenField(asked.body, 'csrf'),
        authenticatorId: hiddenField(asked.body, 'authenticatorId'),
      };
      const wrong = await b.post(`${base}/verify`, { ...form, code: '000000' });
      expect(wrong.statusCode).toBe(401);
      expect(await methods()).toBe(1);
      const right = await b.post(`${base}/verify`, { ...form, code: code() });
      expect(right.statusCode).toBe(303);
      expect(right.headers.location).toBe(removePage());
      const page = await b.get(removePage());
      expect(page.statusCode).toBe(200);
      await b.post(removePage(), { csrf: hiddenField(page.body, 'csrf') });
      expect(await methods()).toBe(0);
      const failed = (await auditEvents(t)).filter(
        (e) => e.type === 'sign_in.second_factor_failed',
      );
      expect(failed).toHaveLength(1);
    });

    it('shares the second-factor limit with the sign-in (G-39): wrong step-up codes throttle', async () => {
      const b = await signedIn();
      t.clock.advance(600);
      const asked = await openRemoval(b);
      const base = (/action="(\/account\/step-up\/[^"]+)\/verify"/.exec(asked.body)?.[1] ??
        '') as string;
      const form = {
        csrf: hiddenField(asked.body, 'csrf'),
        authenticatorId: hiddenField(asked.body, 'authenticatorId'),
      };
      for (let i = 0; i < 6; i += 1)
        expect((await b.post(`${base}/verify`, { ...form, code: '000000' })).statusCode).toBe(401);
      // Throttled now: even the right code is refused, unevaluated.
      expect((await b.post(`${base}/verify`, { ...form, code: code() })).statusCode).toBe(401);
      expect(await methods()).toBe(1);
    });

    it('lasts five minutes from the second factor: a late confirmation verifies again', async () => {
      const b = await signedIn();
      const page = await openRemoval(b);
      expect(page.statusCode).toBe(200);
      t.clock.advance(301);
      const late = await b.post(removePage(), { csrf: hiddenField(page.body, 'csrf') });
      expect(late.statusCode).toBe(303);
      expect(String(late.headers.location)).toMatch(/^\/account\/step-up\?return=/);
      expect(await methods()).toBe(1);
    });

    it('belongs to the browser that passed it: another browser of the account is asked', async () => {
      const first = await signedIn();
      expect((await openRemoval(first)).statusCode).toBe(200);
      t.clock.advance(400);
      // A second browser signed in long ago (its own session), without the first one's proof.
      const other = await signedIn('lea', code());
      t.clock.advance(400);
      const asked = await openRemoval(other);
      expect(asked.body).toMatch(/action="\/account\/step-up\/[^"]+\/verify"/);
    });

    it("never serves another account: a proof cookie copied into someone else's browser counts for nothing", async () => {
      const victim = await signedIn();
      expect((await openRemoval(victim)).statusCode).toBe(200);
      await t.createUser({ username: 'marc', password });
      const marcSecret = await enrollAccount(t, 'marc', password);
      const { b: marc, base } = await atSecondFactor(t, 'marc', password);
      await marc.follow(
        (await submitCode(marc, base, generateTotpCode(marcSecret, t.clock.now))).response,
      );
      t.clock.advance(400);
      for (const scoped of victim.scopedCookies.values())
        if (scoped.path === '/account')
          marc.scopedCookies.set(`${scoped.path} ${scoped.name}`, scoped);
      // Léa's method, from Marc's session: not his, so the page is not even shown.
      const page = await marc.get(removePage());
      expect(page.statusCode).toBe(303);
      expect(page.headers.location).toBe('/account');
      expect(await marc.post(removePage(), { csrf: 'x' })).toMatchObject({ statusCode: 303 });
      // His own method: Léa's proof does not stand for his second factor; he is asked for one.
      const [own] = await t.db
        .selectFrom('authenticators')
        .select('id')
        .where('id', '!=', methodId)
        .execute();
      const asked = await marc.follow(await marc.get(`/account/methods/${own?.id}/remove`));
      expect(asked.body).toMatch(/action="\/account\/step-up\/[^"]+\/verify"/);
      expect(await methods()).toBe(2);
    });

    it('is bound to its purpose: a step-up for removing one method does not remove another', async () => {
      // A session whose sign-in is old: the removal of the first method runs a step-up.
      const b = await signedIn();
      t.clock.advance(600);
      const asked = await openRemoval(b);
      const base = /action="(\/account\/step-up\/[^"]+)\/verify"/.exec(asked.body)?.[1] as string;
      const form = {
        csrf: hiddenField(asked.body, 'csrf'),
        authenticatorId: hiddenField(asked.body, 'authenticatorId'),
      };
      const passed = await b.post(`${base}/verify`, { ...form, code: code() });
      expect(passed.headers.location).toBe(removePage());
      expect((await b.get(removePage())).body).toContain('Retirer cette méthode ?');
      // Another method of the account (set up in the database: not what is tested here); the
      // same browser, a minute later, is asked again for it.
      const otherId = 'another-method';
      await t.db
        .insertInto('authenticators')
        .values({
          id: otherId,
          account_id: accountId,
          kind: 'totp',
          status: 'active',
          label: 'Autre application',
          created_at: t.clock.now,
          activated_at: t.clock.now,
          last_used_at: null,
          flow_id: null,
        })
        .execute();
      t.clock.advance(60);
      const other = await b.follow(await b.get(`/account/methods/${otherId}/remove`));
      expect(other.body).not.toContain('Retirer cette méthode ?');
      expect(other.body).toMatch(/action="\/account\/step-up\/[^"]+\/verify"/);
      // Nor does the first proof's form token remove it.
      const forced = await b.post(`/account/methods/${otherId}/remove`, {
        csrf: hiddenField((await b.get(removePage())).body, 'csrf'),
      });
      expect(forced.statusCode).toBe(303);
      expect(String(forced.headers.location)).toMatch(/^\/account\/step-up\?return=/);
      expect(await methods()).toBe(2);
    });

    it('refuses a confirmation without the form token bound to the proof (G-29)', async () => {
      const b = await signedIn();
      const page = await openRemoval(b);
      expect(page.statusCode).toBe(200);
      expect((await b.post(removePage(), {})).statusCode).toBe(403);
      expect((await b.post(removePage(), { csrf: 'forged' })).statusCode).toBe(403);
      const crossSite = await b.post(
        removePage(),
        { csrf: hiddenField(page.body, 'csrf') },
        { 'sec-fetch-site': 'cross-site' },
      );
      expect(crossSite.statusCode).toBe(403);
      expect(await methods()).toBe(1);
    });

    it('returns only to a page of the account (no open redirect)', async () => {
      const b = await signedIn();
      for (const target of [
        '//evil.example/x',
        'https://evil.example/',
        '/\\evil.example',
        '/oidc/auth',
      ]) {
        const start = await b.get(`/account/step-up?return=${encodeURIComponent(target)}`);
        const end = await b.follow(start);
        expect(end.statusCode).toBe(200);
        // Every hop stayed on the identity server and ended on the account page.
        expect(end.body).toContain('Sécurité du compte');
      }
    });

    it('is no step-up without a session, nor for a flow of another browser', async () => {
      const anonymous = new BrowserSession(t.app, t.config.publicUrl);
      const start = await anonymous.get(
        `/account/step-up?return=${encodeURIComponent(removePage())}`,
      );
      expect(start.headers.location).toBe('/account');
      const b = await signedIn();
      t.clock.advance(600);
      const asked = await openRemoval(b);
      const base = /action="(\/account\/step-up\/[^"]+)\/verify"/.exec(asked.body)?.[1] as string;
      // Someone else's session, at that step-up's URL, without its flow cookie: expired.
      const stranger = await signedIn();
      const page = await stranger.get(`${base}/verify`);
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('expiré');
    });
  },
);
