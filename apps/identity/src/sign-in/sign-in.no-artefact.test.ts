import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, openSignIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { auditEvents, newBrowser } from '../../test/sign-in-kit.ts';
import { csrfToken } from '../security/csrf.ts';
import { deriveKey } from '../security/secret-box.ts';

const password = 'rivière gelée 2026';

/** Models oidc-provider has stored that would let someone in. */
async function grantedModels(t: TestApp) {
  const rows = await t.db.selectFrom('oidc_models').select(['model', 'payload']).execute();
  return rows.filter(
    (row) =>
      ['AuthorizationCode', 'AccessToken', 'RefreshToken', 'Grant'].includes(row.model) ||
      (row.model === 'Session' && JSON.parse(row.payload).accountId !== undefined),
  );
}

describe.each(testBackends())(
  'no artefact before the sign-in is complete (G-22) (%s)',
  (backend) => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(backend);
      await t.createUser({ username: 'claire', password });
    });
    afterEach(() => t.close());

    it('issues no session cookie, session or code before the password step', async () => {
      const browser = newBrowser(t);
      const { action, csrf } = await openSignIn(browser);
      expect(browser.cookies.has('__Host-sesame-session')).toBe(false);

      const failed = await browser.post(action, {
        csrf,
        username: 'claire',
        password: 'wrong one',
      });
      expect(failed.statusCode).toBe(401);
      expect(failed.headers.location).toBeUndefined();
      expect(browser.cookies.has('__Host-sesame-session')).toBe(false);
      expect(await grantedModels(t)).toEqual([]);
    });

    it('gives no code when the browser skips ahead to the resume endpoint', async () => {
      const browser = newBrowser(t);
      const { action } = await openSignIn(browser);
      const uid = action.split('/')[2] as string;
      const skipped = await browser.get(`/oidc/auth/${uid}`);
      expect(String(skipped.headers.location ?? '')).not.toContain('code=');
      expect(browser.cookies.has('__Host-sesame-session')).toBe(false);
      expect(await grantedModels(t)).toEqual([]);
    });

    it('answers a silent request without a signed-in session with login_required, not a code', async () => {
      const response = await newBrowser(t).get(authorizeUrl({ prompt: 'none' }).url);
      const location = new URL(String(response.headers.location));
      expect(location.searchParams.get('error')).toBe('login_required');
      expect(location.searchParams.get('code')).toBeNull();
    });

    it("refuses a post to another interaction's form with this browser's cookies", async () => {
      const mine = newBrowser(t);
      const own = await openSignIn(mine);
      const theirs = await openSignIn(newBrowser(t));
      expect(theirs.action).not.toBe(own.action);

      const response = await mine.post(theirs.action, {
        csrf: own.csrf,
        username: 'claire',
        password,
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers.location).toBeUndefined();
      expect(mine.cookies.has('__Host-sesame-session')).toBe(false);
      expect(await auditEvents(t)).toEqual([]);
      expect(await grantedModels(t)).toEqual([]);
    });

    it("refuses to show another interaction's page with this browser's cookies", async () => {
      const mine = newBrowser(t);
      await openSignIn(mine);
      const theirs = await openSignIn(newBrowser(t));
      const response = await mine.get(theirs.action.replace(/\/login$/, ''));
      expect(response.statusCode).toBe(400);
    });
  },
);

describe.each(testBackends())(
  'no artefact after the password while a second factor is pending (G-22) (%s)',
  (backend) => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(backend, {}, { orgMfaRequired: true });
      await t.createUser({ username: 'claire', password });
    });
    afterEach(() => t.close());

    /** A browser that has passed the password step only. */
    async function halfwayBrowser() {
      const browser = newBrowser(t);
      const { action, csrf } = await openSignIn(browser);
      const done = await browser.post(action, { csrf, username: 'claire', password });
      expect(done.statusCode).toBe(303);
      const uid = action.split('/')[2] as string;
      // Straight to the next step's page: nothing granted yet.
      expect(done.headers.location).toBe(`/interaction/${uid}/enroll`);
      return { browser, action, csrf, uid };
    }

    it('holds no session cookie, session, grant or code after the password step', async () => {
      const { browser } = await halfwayBrowser();
      expect(browser.cookies.has('__Host-sesame-session')).toBe(false);
      expect(await grantedModels(t)).toEqual([]);
    });

    it('gives no code at the resume endpoint nor to a silent request', async () => {
      const { browser, uid } = await halfwayBrowser();
      const resumed = await browser.get(`/oidc/auth/${uid}`);
      expect(String(resumed.headers.location ?? '')).not.toContain('code=');
      const silent = await browser.get(authorizeUrl({ prompt: 'none' }).url);
      const location = new URL(String(silent.headers.location));
      expect(location.searchParams.get('error')).toBe('login_required');
      expect(browser.cookies.has('__Host-sesame-session')).toBe(false);
      expect(await grantedModels(t)).toEqual([]);
    });

    it('does not let the password form be posted again to skip ahead', async () => {
      const { browser, action } = await halfwayBrowser();
      // A valid CSRF token for the browser's current flow cookie: only the step is wrong.
      const uid = action.split('/')[2] as string;
      const flowToken = [...browser.scopedCookies.values()].find(
        (c) => c.name === '__Secure-sesame-flow',
      )?.value as string;
      const csrf = csrfToken(deriveKey(t.config.secretKey, 'csrf'), flowToken);
      const again = await browser.post(action, { csrf, username: 'claire', password });
      // Sent back to where the flow is (the second factor), with nothing granted.
      expect(again.statusCode).toBe(303);
      expect(again.headers.location).toBe(`/interaction/${uid}`);
      expect((await browser.follow(again)).headers.location).toBeUndefined();
      expect(browser.cookies.has('__Host-sesame-session')).toBe(false);
      expect(await grantedModels(t)).toEqual([]);
    });
  },
);
