/**
 * A remembered browser's token is bound to the account it was made for (issue 8 §5): in the same
 * browser, another account's sign-in is asked its own second factor and the token's row is not
 * touched; a token altered, or made up, counts for no one; the database holds its hash only.
 * Over HTTP, on both backends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  rememberedCookie,
  rememberingAccount,
  signInWith,
  withRememberedCookie,
} from '../../test/security-page-kit.ts';
import { hashBrowserToken } from './queries.ts';

describe.each(testBackends())('a remembered browser is bound to its account (%s)', (backend) => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof rememberingAccount>>;
  let b: Awaited<ReturnType<typeof rememberingAccount>>;
  let browserOfA: BrowserSession;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    a = await rememberingAccount(t, 'alice');
    b = await rememberingAccount(t, 'bruno');
    browserOfA = new BrowserSession(t.app, t.config.publicUrl);
    await signInWith(browserOfA, { username: 'alice', code: a.code, remember: true });
    t.clock.advance(60);
  });
  afterEach(() => t.close());

  const rows = () => t.db.selectFrom('remembered_browsers').selectAll().execute();

  it("does nothing for another account signing in with A's token", async () => {
    const shared = withRememberedCookie(t, browserOfA);
    const asB = await signInWith(shared, { username: 'bruno', code: b.code });
    expect(asB.asked).toBe(true);
    // A's row was not used by B's sign-in.
    const [row] = await rows();
    expect(row?.account_id).toBe(a.accountId);
    expect(row?.last_used_at).toBeNull();
    // The same token still serves A.
    const asA = await signInWith(withRememberedCookie(t, browserOfA), {
      username: 'alice',
      code: a.code,
    });
    expect(asA.asked).toBe(false);
  });

  it('stores the hash of the token only, and an altered or made-up token counts for no one', async () => {
    const token = rememberedCookie(browserOfA) as string;
    const [row] = await rows();
    expect(row?.token_hash).toBe(hashBrowserToken(token));
    expect(JSON.stringify(await rows())).not.toContain(token);
    for (const forged of [
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      'x'.repeat(43),
      '',
    ]) {
      const browser = withRememberedCookie(t, browserOfA);
      for (const cookie of browser.scopedCookies.values()) cookie.value = forged;
      expect((await signInWith(browser, { username: 'alice', code: a.code })).asked).toBe(true);
    }
  });

  it('remembers each account in its own row, made only by a passed second factor', async () => {
    const shared = withRememberedCookie(t, browserOfA);
    await signInWith(shared, { username: 'bruno', code: b.code, remember: true });
    const byAccount = (await rows()).map((r) => r.account_id).sort();
    expect(byAccount).toEqual([a.accountId, b.accountId].sort());
    // A wrong code with the box ticked remembers nothing.
    const other = new BrowserSession(t.app, t.config.publicUrl);
    await signInWith(other, { username: 'bruno', code: () => '000000', remember: true });
    expect(rememberedCookie(other)).toBeUndefined();
    expect(await rows()).toHaveLength(2);
  });
});
