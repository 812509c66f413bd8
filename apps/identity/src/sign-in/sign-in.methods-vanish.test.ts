/**
 * Issue 6, defect 13: when an account's methods vanish during a sign-in (the device removed
 * itself, an administrator removed one), the flow follows the account as it stands — to
 * enrollment when MFA is required, to the client otherwise — instead of `/interaction/:uid` and
 * `/verify` redirecting to each other forever.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { atSecondFactor, enrollAccount } from '../../test/mfa-kit.ts';
import { gotCode } from '../../test/sign-in-kit.ts';
import { removeAuthenticator } from '../accounts/operations/remove-authenticator.ts';
import { setOrgMfaRequired } from '../policy/mfa-policy.ts';

const password = 'traversier de Lévis 1812';

describe.each(testBackends())('methods vanish during a sign-in (%s)', (backend) => {
  let t: TestApp;
  let accountId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    accountId = await t.createUser({ username: 'zoe', password });
    await enrollAccount(t, 'zoe', password);
  });
  afterEach(() => t.close());

  async function removeAll() {
    const rows = await t.db.selectFrom('authenticators').select('id').execute();
    for (const { id } of rows) {
      await removeAuthenticator(
        { db: t.db, now: () => t.clock.now },
        { kind: 'cli' },
        {
          accountId,
          authenticatorId: id,
        },
      );
    }
  }

  it('goes to enrollment when MFA is required, in a few hops', async () => {
    const { b, base } = await atSecondFactor(t, 'zoe', password);
    await removeAll();
    for (const start of [`${base}/verify`, base]) {
      const page = await b.follow(await b.get(start), 4);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`${base}/enroll/sesame-verify`);
    }
  });

  it('goes on to the client when MFA is not required', async () => {
    const { b, base } = await atSecondFactor(t, 'zoe', password);
    await removeAll();
    await setOrgMfaRequired(t.db, false);
    const end = await b.follow(await b.get(`${base}/verify`), 6);
    expect(gotCode(end)).toBe(true);
  });
});
