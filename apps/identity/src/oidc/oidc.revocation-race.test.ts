/**
 * G-28 against a race: a request to the provider that read an account's session and grant before
 * the account's revocation (« Se déconnecter partout », a lock, a new password) must not save them
 * back after it. Someone holding a copy of the session cookie sends single sign-on requests
 * without pause while the account is revoked: once the revocation is done, no session nor grant
 * of the account is left, the browser must sign in again, and no code issued by a request that
 * lost the race gets a token. Over HTTP, on both backends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, openSignIn, signIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { gotCode, newBrowser, redeemCode } from '../../test/sign-in-kit.ts';
import { revokeAccountOidcState } from './kysely-adapter.ts';

const password = 'orage de juillet 31';

describe.each(testBackends())('revocation racing single sign-on (%s)', (backend) => {
  let t: TestApp;
  let accountId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    accountId = await t.createUser({ username: 'ines', password });
  });
  afterEach(() => t.close());

  /** The account's revocation, after `hops` turns of the event loop's microtasks (and `ms`). */
  const revokeAfter = async (hops: number, ms: number) => {
    for (let hop = 0; hop < hops; hop += 1) await null;
    if (backend === 'postgres') await new Promise((resolve) => setTimeout(resolve, ms));
    return revokeAccountOidcState(t.db, accountId);
  };
  const heldAtProvider = async () =>
    (
      await t.db
        .selectFrom('oidc_models')
        .select('model')
        .where('account_id', '=', accountId)
        .where('model', 'in', ['Session', 'Grant'])
        .execute()
    ).map((row) => row.model);

  it('leaves no session nor grant that a request in flight read before', async () => {
    for (let round = 0; round < 8; round += 1) {
      const browser = newBrowser(t);
      const { response } = await signIn(browser, 'ines', password);
      expect(gotCode(response)).toBe(true);
      // Single sign-on requests in flight on both sides of the revocation.
      const requests = Array.from({ length: 6 }, async () => {
        const { url, verifier } = authorizeUrl();
        return { response: await browser.get(url), verifier };
      });
      // Each round lets the requests go a little further before the revocation starts.
      const revoked = revokeAfter(round * 40, round);
      const [answers] = await Promise.all([Promise.all(requests), revoked]);
      expect(await heldAtProvider()).toEqual([]);
      // The copied cookie signs in no more, and no code of the race is worth a token.
      await expect(openSignIn(browser)).resolves.toMatchObject({ action: expect.any(String) });
      for (const { response: answer, verifier } of answers) {
        if (!gotCode(answer)) continue;
        const code = new URL(String(answer.headers.location)).searchParams.get('code') as string;
        const { status } = await redeemCode(t.app, code, verifier);
        // A code issued before the revocation was revoked with it; one issued after names a
        // grant that is no more.
        expect(status).toBe(400);
      }
    }
  });

  it('gives no session to a sign-in whose return to the provider meets the revocation', async () => {
    for (let round = 0; round < 8; round += 1) {
      const browser = newBrowser(t);
      const { action, csrf, verifier } = await openSignIn(browser);
      // The steps are done; the browser is on its way back to the provider (`/oidc/auth/:uid`).
      const done = await browser.post(action, { csrf, username: 'ines', password });
      const resume = String(done.headers.location);
      expect(resume).toContain('/oidc/auth/');
      const revoked = revokeAfter(round * 15, round);
      const [answer] = await Promise.all([browser.get(resume), revoked]);
      expect(await heldAtProvider()).toEqual([]);
      if (gotCode(answer)) {
        const code = new URL(String(answer.headers.location)).searchParams.get('code') as string;
        expect((await redeemCode(t.app, code, verifier)).status).toBe(400);
      }
    }
  });
});
