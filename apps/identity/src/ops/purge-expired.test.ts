/**
 * Housekeeping keeps the tables from growing with abandoned sign-ins: what expired more than two
 * days ago goes (sign-in flows, oidc-provider's interactions), nothing still alive does. Rows made
 * by the real pages, on both backends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, openSignIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { purgeExpired } from './purge-expired.ts';

describe.each(testBackends())('purge of expired rows (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
  });
  afterEach(() => t.close());

  const count = async (table: 'sign_in_flows' | 'oidc_models') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('deletes abandoned sign-ins two days after they expired, and keeps the live ones', async () => {
    await openSignIn(new BrowserSession(t.app, t.config.publicUrl));
    expect(await count('sign_in_flows')).toBe(1);
    const interactions = await count('oidc_models');
    expect(interactions).toBeGreaterThan(0);

    // A day after: expired, but kept (rules may still look back at what expired).
    t.clock.advance(24 * 3600);
    expect(await purgeExpired(t.db, t.clock.now)).toMatchObject({ sign_in_flows: 0 });
    expect(await count('sign_in_flows')).toBe(1);

    // Three days after: gone; a sign-in started now stays.
    t.clock.advance(48 * 3600);
    await openSignIn(new BrowserSession(t.app, t.config.publicUrl));
    const purged = await purgeExpired(t.db, t.clock.now);
    expect(purged.sign_in_flows).toBe(1);
    expect(purged.oidc_models).toBeGreaterThan(0);
    // (oidc-provider stamps its own records with the wall clock: only Sesame's flow is checked.)
    expect(await count('sign_in_flows')).toBe(1);
  });
});
