/**
 * An account's methods over the admin API, on both backends (issue 9 §2: reset all methods or
 * one): listed with `users:read`, one removed with `users:manage` by the account operation naming
 * the token; another account's method, or one already gone, is not found and nothing is removed;
 * a token that may only read is refused the removal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi, makeApiTokenInConsole } from '../../../test/api-token-kit.ts';
import type { BrowserSession } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { type ConsoleUser, consoleUser, signInToConsole } from '../../../test/console-kit.ts';

describe.each(testBackends())('the admin API’s methods of an account (%s)', (backend) => {
  let t: TestApp;
  let desk: BrowserSession;
  let admin: ConsoleUser;
  let client: ConsoleUser;
  let token: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: false });
    admin = await consoleUser(t, 'ariane', 'admin');
    desk = (await signInToConsole(t, admin)).browser;
    token = await makeApiTokenInConsole(t, desk, ['users:read', 'users:manage']);
    client = await consoleUser(t, 'marie', null);
  });
  afterEach(() => t.close());

  const methodIds = async (accountId: string) =>
    (
      await t.db
        .selectFrom('authenticators')
        .select('id')
        .where('account_id', '=', accountId)
        .execute()
    ).map((row) => row.id);

  it('lists the methods, then removes one, naming the token', async () => {
    const listed = await callApi(t, token, 'GET', `/admin/api/users/${client.accountId}/methods`);
    expect(listed.statusCode).toBe(200);
    const { methods } = listed.json();
    expect(methods).toHaveLength(1);
    expect(methods[0]).toMatchObject({
      id: (await methodIds(client.accountId))[0],
      description: 'Other authenticator app',
    });
    // Enrolled (and used once, to confirm it) at the test clock's time.
    expect(new Date(methods[0].addedAt).getTime()).toBe(t.clock.now);
    expect(new Date(methods[0].lastUsedAt).getTime()).toBe(t.clock.now);

    const url = `/admin/api/users/${client.accountId}/methods/${methods[0].id}`;
    const removed = await callApi(t, token, 'DELETE', url);
    expect(removed.statusCode).toBe(204);
    expect(await methodIds(client.accountId)).toEqual([]);
    const tokenId = (await t.db.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow()).id;
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor', 'reason'])
      .where('account_id', '=', client.accountId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      type: 'authenticator.removed',
      actor: `api:${tokenId}`,
      reason: methods[0].kind,
    });
    // Gone: a second removal is not found.
    expect((await callApi(t, token, 'DELETE', url)).statusCode).toBe(404);
  });

  it('finds no other account’s method under this account, and removes nothing', async () => {
    const [admins] = await methodIds(admin.accountId);
    const crossed = `/admin/api/users/${client.accountId}/methods/${admins}`;
    const response = await callApi(t, token, 'DELETE', crossed);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'request.not_found' });
    expect(await methodIds(admin.accountId)).toHaveLength(1);
    expect(await methodIds(client.accountId)).toHaveLength(1);
    const unknown = await callApi(t, token, 'GET', '/admin/api/users/no-such-user/methods');
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses the removal to a token that may only read', async () => {
    const reader = await makeApiTokenInConsole(t, desk, ['users:read'], { name: 'lecture' });
    const [method] = await methodIds(client.accountId);
    const url = `/admin/api/users/${client.accountId}/methods/${method}`;
    expect(
      (await callApi(t, reader, 'GET', `/admin/api/users/${client.accountId}/methods`)).statusCode,
    ).toBe(200);
    expect((await callApi(t, reader, 'DELETE', url)).statusCode).toBe(403);
    expect(await methodIds(client.accountId)).toEqual([method]);
  });
});
