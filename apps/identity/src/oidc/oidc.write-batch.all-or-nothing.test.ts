/**
 * A request to the provider commits what it saved in one transaction, before its response
 * (oidc/write-batch.ts). Attacked where it matters, over HTTP on both backends: when the last
 * save of the return from a sign-in fails (the authorization code, refused here by a trigger),
 * the browser gets an error, not a redirect to the application nor its cookies, and none of that
 * request's saves is left behind — no session, no grant — so nothing can be signed in with half of it. Once the
 * database takes codes again, a new sign-in works. And a sign-in page's last step ends its flow in
 * the transaction that saves the interaction's result: a refused result leaves the flow as it was.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { newBrowser, signInForCode } from '../../test/sign-in-kit.ts';
import { isPostgres } from '../db/dialect.ts';

const password = 'rivière gelée 2026';

describe.each(testBackends())('a provider request’s saves, all or nothing (%s)', (backend) => {
  let t: TestApp;
  let accountId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    accountId = await t.createUser({ username: 'claire', password });
  });
  afterEach(() => t.close());

  /** A trigger that refuses the saves of `oidc_models` matching `when` (in both dialects). */
  const refuseSaves = async (name: string, when: string) => {
    if (isPostgres(t.db)) {
      await sql`create function ${sql.raw(name)}() returns trigger language plpgsql as $$
        begin
          if ${sql.raw(when)} then raise exception 'refused by ${sql.raw(name)}'; end if;
          return new;
        end $$`.execute(t.db);
      await sql`create trigger ${sql.raw(name)} before insert on oidc_models
        for each row execute function ${sql.raw(name)}()`.execute(t.db);
    } else
      await sql`create trigger ${sql.raw(name)} before insert on oidc_models
        when ${sql.raw(when)}
        begin select raise(abort, 'refused by ${sql.raw(name)}'); end`.execute(t.db);
  };
  const refuseCodes = () => refuseSaves('refuse_codes', "new.model = 'AuthorizationCode'");
  const takeCodesAgain = () =>
    isPostgres(t.db)
      ? sql`drop trigger refuse_codes on oidc_models`.execute(t.db)
      : sql`drop trigger refuse_codes`.execute(t.db);
  const recordsOf = async (model: string) =>
    (
      await t.db
        .selectFrom('oidc_models')
        .select('id')
        .where('model', '=', model)
        .where('account_id', '=', accountId)
        .execute()
    ).length;

  /** Refuse the save of an interaction that carries a sign-in's result. */
  const refuseResults = () =>
    refuseSaves('refuse_results', `new.model = 'Interaction' and new.payload like '%"result"%'`);
  const flows = async () =>
    (
      await t.db
        .selectFrom('sign_in_flows')
        .select('id')
        .where('account_id', '=', accountId)
        .execute()
    ).length;

  it('a sign-in’s flow ends with its interaction’s result, or not at all', async () => {
    await refuseResults();
    const { response } = await signIn(newBrowser(t), 'claire', password);
    expect(response.statusCode).toBe(500);
    expect(String(response.headers.location ?? '')).toBe('');
    expect(response.body).not.toContain('refused by');
    // The flow's end was in the transaction of the refused save: the flow is still there.
    expect(await flows()).toBe(1);
    const results = await t.db
      .selectFrom('oidc_models')
      .select('id')
      .where('model', '=', 'Interaction')
      .where('payload', 'like', '%"result"%')
      .execute();
    expect(results).toHaveLength(0);
  });

  it('a failed save leaves an error page and none of the request’s other saves', async () => {
    await refuseCodes();
    const { response } = await signIn(newBrowser(t), 'claire', password);
    expect(response.statusCode).toBe(500);
    expect(String(response.headers.location ?? '')).not.toContain('code=');
    expect(response.body).toContain('<code>server_error</code>');
    // Nor a cookie of the answer that was not sent (the session's, for a session not saved).
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.body).not.toContain('refused by');
    // The session and the grant were saved in the same request as the refused code: gone too.
    expect(await recordsOf('Session')).toBe(0);
    expect(await recordsOf('Grant')).toBe(0);
    expect(await recordsOf('AuthorizationCode')).toBe(0);

    await takeCodesAgain();
    const { code } = await signInForCode(newBrowser(t), 'claire', password);
    expect(code).toMatch(/^[\w-]{20,}$/);
    expect(await recordsOf('Session')).toBe(1);
    expect(await recordsOf('Grant')).toBe(1);
  });
});
