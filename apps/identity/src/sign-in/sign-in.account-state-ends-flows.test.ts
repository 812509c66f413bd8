/**
 * G-41: locking an account, changing its password or resetting its MFA ends the sign-in flows
 * already in progress: a flow waiting at the code step then gets nothing for a valid code, and a
 * locked account is never handed to the OIDC provider.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { atSecondFactor, enrollAccount, submitCode } from '../../test/mfa-kit.ts';
import { gotCode } from '../../test/sign-in-kit.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { lockAccount } from '../accounts/operations/lock-account.ts';
import { resetMfa } from '../accounts/operations/reset-mfa.ts';
import { setPassword } from '../accounts/operations/set-password.ts';
import { setAccountLocked } from '../accounts/queries.ts';
import { generateTotpCode } from '../factors/totp/totp-code.ts';

const password = 'bleuets du lac 1642';

describe.each(testBackends())('ending an account state ends its flows (G-41) (%s)', (backend) => {
  let t: TestApp;
  let accountId: string;
  let secret: Uint8Array;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    accountId = await t.createUser({ username: 'remi', password });
    secret = await enrollAccount(t, 'remi', password);
  });
  afterEach(() => t.close());

  async function waitingAtCode() {
    const { b, base } = await atSecondFactor(t, 'remi', password);
    expect((await b.follow(await b.get(base))).body).toContain('name="code"');
    return { b, base };
  }

  async function oidcRecordIds(): Promise<string[]> {
    const rows = await t.db.selectFrom('oidc_models').select(['model', 'id']).execute();
    return rows.map((row) => `${row.model}:${row.id}`).sort();
  }

  const deps = () => ({ db: t.db, now: () => t.clock.now });
  const operations = {
    'a lock': () => lockAccount(deps(), cliActor, { accountId }),
    'a new password': () =>
      setPassword(deps(), cliActor, { accountId, passwordHash: 'not-a-real-hash' }),
    'an MFA reset': () => resetMfa(deps(), cliActor, { accountId }),
    // The account's flag alone, without the operation ending the flows: still refused.
    'the locked flag alone': () => setAccountLocked(t.db, accountId, true, t.clock.now),
  };

  for (const [what, operation] of Object.entries(operations)) {
    it(`gives nothing for a valid code after ${what}`, async () => {
      const { b, base } = await waitingAtCode();
      const code = generateTotpCode(secret, t.clock.now);
      // The page, the form and its CSRF token as they were before the operation.
      const page = await b.get(`${base}/verify`);
      await operation();
      const before = await oidcRecordIds();
      const { response } = await submitCode(b, base, code).catch(() => ({
        response: { statusCode: 0, headers: {} as Record<string, unknown> },
      }));
      expect(gotCode(await b.follow(response as never))).toBe(false);
      expect(page.statusCode).toBe(200);
      // Nothing new at the provider: no session, no grant, no code.
      expect(await oidcRecordIds()).toEqual(before);
    });
  }

  it('records the operation with its actor, in the same transaction', async () => {
    await lockAccount(deps(), cliActor, { accountId });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor'])
      .where('type', '=', 'account.locked')
      .execute();
    expect(audit).toEqual([{ type: 'account.locked', actor: 'cli' }]);
  });
});
