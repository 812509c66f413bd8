/**
 * The admin API's users over HTTP on both backends (issue 9 §2): search, read, create (a password
 * generated and returned once, or the one given under the policy), the account operations with
 * the token named as their actor, bad input refused with a coded JSON error and nothing written;
 * and the OpenAPI document made from the routes' own schemas.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi, makeApiTokenInConsole } from '../../../test/api-token-kit.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../../test/console-kit.ts';
import { passwordStep } from '../../../test/mfa-kit.ts';
import { newBrowser } from '../../../test/sign-in-kit.ts';

describe.each(testBackends())('the admin API’s users (%s)', (backend) => {
  let t: TestApp;
  let token: string;
  let tokenId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: false });
    const admin = await consoleUser(t, 'ariane', 'admin');
    const desk = (await signInToConsole(t, admin)).browser;
    token = await makeApiTokenInConsole(t, desk, ['users:read', 'users:manage']);
    tokenId = (await t.db.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow()).id;
  });
  afterEach(() => t.close());

  it('creates a user with a generated password returned once, which signs in', async () => {
    const created = await callApi(t, token, 'POST', '/admin/api/users', {
      username: 'marie.tremblay',
      name: 'Marie Tremblay',
      email: 'marie@example.ca',
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.user).toMatchObject({
      username: 'marie.tremblay',
      email: 'marie@example.ca',
      locked: false,
      methods: 0,
    });
    expect(body.password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const { response } = await passwordStep(newBrowser(t), 'marie.tremblay', body.password);
    expect(response.statusCode).toBe(303);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor'])
      .where('account_id', '=', body.user.id)
      .execute();
    expect(audit).toContainEqual({ type: 'account.created', actor: `api:${tokenId}` });
    // Read back, and found by a search.
    const read = await callApi(t, token, 'GET', `/admin/api/users/${body.user.id}`);
    expect(read.json()).toEqual(body.user);
    const found = await callApi(t, token, 'GET', '/admin/api/users?q=TREMBLAY');
    expect(found.json().users.map((u: { id: string }) => u.id)).toEqual([body.user.id]);
  });

  it('refuses bad input with a coded error, and writes nothing', async () => {
    const count = async () => (await t.db.selectFrom('accounts').select('id').execute()).length;
    const before = await count();
    const cases: Array<[unknown, number, string]> = [
      [{ username: 'ariane' }, 409, 'accounts.identifier_taken'],
      [{ username: 'a b' }, 400, 'accounts.invalid_username'],
      [{ username: 'ok.name', password: 'short' }, 400, 'accounts.weak_password'],
      [{}, 400, 'request.invalid'],
    ];
    for (const [payload, status, error] of cases) {
      const response = await callApi(t, token, 'POST', '/admin/api/users', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().error, JSON.stringify(payload)).toBe(error);
    }
    // A field the schema does not know is refused, never applied: no role comes from the body.
    const extra = await callApi(t, token, 'POST', '/admin/api/users', {
      username: 'ok.name',
      role: 'admin',
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error).toBe('request.invalid');
    expect(await count()).toBe(before);
  });

  it('locks, requires MFA and resets it through the account operations, naming the token', async () => {
    const created = (
      await callApi(t, token, 'POST', '/admin/api/users', { username: 'noah' })
    ).json();
    const id = created.user.id as string;
    const locked = await callApi(t, token, 'POST', `/admin/api/users/${id}/lock`);
    expect(locked.statusCode).toBe(200);
    expect(locked.json().locked).toBe(true);
    const required = await callApi(t, token, 'PUT', `/admin/api/users/${id}/mfa-requirement`, {
      required: true,
    });
    expect(required.json().mfaRequired).toBe(true);
    expect((await callApi(t, token, 'POST', `/admin/api/users/${id}/reset-mfa`)).statusCode).toBe(
      200,
    );
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor'])
      .where('account_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.type)).toEqual([
      'account.created',
      'account.locked',
      'account.mfa_requirement_changed',
      'account.mfa_reset',
    ]);
    expect(new Set(audit.map((row) => row.actor))).toEqual(new Set([`api:${tokenId}`]));
    const missing = await callApi(t, token, 'POST', '/admin/api/users/nobody/lock');
    expect(missing.statusCode).toBe(404);
  });

  it('changes the name and the address, refusing a taken or malformed one and an unknown field', async () => {
    await t.createUser({
      username: 'marc',
      password: 'rue Ontario 2100 Montréal',
      email: 'marc@example.ca',
    });
    const id = (await callApi(t, token, 'POST', '/admin/api/users', { username: 'noah' })).json()
      .user.id as string;
    const url = `/admin/api/users/${id}`;
    const changed = await callApi(t, token, 'PATCH', url, {
      name: 'Noah Côté',
      email: 'noah@example.ca',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Noah Côté', email: 'noah@example.ca' });
    for (const [body, status, error] of [
      [{ email: 'MARC@example.ca' }, 409, 'accounts.identifier_taken'],
      [{ email: 'pas une adresse' }, 400, 'accounts.invalid_email'],
      [{ name: ' ' }, 400, 'accounts.invalid_name'],
      [{ name: 'X', role: 'admin' }, 400, 'request.invalid'],
    ] as const) {
      const refused = await callApi(t, token, 'PATCH', url, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(status);
      if (error) expect(refused.json().error).toBe(error);
    }
    expect((await callApi(t, token, 'GET', url)).json()).toMatchObject({
      name: 'Noah Côté',
      email: 'noah@example.ca',
      role: null,
    });
    const removed = await callApi(t, token, 'PATCH', url, { email: null });
    expect(removed.json().email).toBeNull();
    const types = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor'])
      .where('account_id', '=', id)
      .where('type', 'in', ['account.email_changed', 'account.renamed'])
      .orderBy('id')
      .execute();
    expect(types).toEqual([
      { type: 'account.email_changed', actor: `api:${tokenId}` },
      { type: 'account.renamed', actor: `api:${tokenId}` },
      { type: 'account.email_changed', actor: `api:${tokenId}` },
    ]);
  });

  it('serves its OpenAPI document, made from the routes’ schemas', async () => {
    const response = await callApi(t, undefined, 'GET', '/admin/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/admin/api/users', '/admin/api/users/{id}/lock']),
    );
    // Only the API: no console page, no sign-in route.
    expect(Object.keys(doc.paths).every((path) => path.startsWith('/admin/api/'))).toBe(true);
    const create = doc.paths['/admin/api/users'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(['username']);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '409']));
  });
});
