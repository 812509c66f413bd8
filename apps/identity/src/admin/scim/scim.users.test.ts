/**
 * SCIM 2.0 provisioning (issue 9 §2; RFC 7644) over HTTP on both backends, with the requests an
 * HR system's SCIM client sends: find by `userName eq` before creating, create (201, Location,
 * ETag), read (If-None-Match → 304), deactivate by PATCH (the account locked, its sessions ended),
 * reactivate, rename by PUT with If-Match (412 on a stale version), and SCIM's errors; each change
 * an account operation naming the token.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApiTokenInConsole } from '../../../test/api-token-kit.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../../test/console-kit.ts';
import { passwordStep } from '../../../test/mfa-kit.ts';
import { newBrowser } from '../../../test/sign-in-kit.ts';

const scim = 'application/scim+json';

describe.each(testBackends())('SCIM provisioning (%s)', (backend) => {
  let t: TestApp;
  let token: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: false });
    const admin = await consoleUser(t, 'ariane', 'admin');
    const desk = (await signInToConsole(t, admin)).browser;
    token = await makeApiTokenInConsole(t, desk, ['users:read', 'users:manage'], { name: 'SIRH' });
  });
  afterEach(() => t.close());

  const request = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    body?: unknown,
    headers = {},
  ) =>
    t.app.inject({
      method,
      url: `/scim/v2${url}`,
      headers: {
        authorization: `Bearer ${token}`,
        accept: scim,
        ...(body === undefined ? {} : { 'content-type': scim }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  const newUser = {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: 'marie.tremblay',
    name: { givenName: 'Marie', familyName: 'Tremblay' },
    emails: [{ value: 'marie@example.ca', primary: true, type: 'work' }],
    active: true,
  };

  it('finds nobody, creates the user, then finds and reads it with its ETag', async () => {
    const none = await request('GET', '/Users?filter=userName%20eq%20%22marie.tremblay%22');
    expect(none.json()).toMatchObject({ totalResults: 0, Resources: [] });
    const created = await request('POST', '/Users', newUser);
    expect(created.statusCode).toBe(201);
    expect(created.headers['content-type']).toMatch(/^application\/scim\+json/);
    const user = created.json();
    expect(user).toMatchObject({
      userName: 'marie.tremblay',
      displayName: 'Marie Tremblay',
      emails: [{ value: 'marie@example.ca', primary: true }],
      active: true,
      meta: { resourceType: 'User' },
    });
    expect(created.headers.location).toBe(`${t.config.publicUrl}/scim/v2/Users/${user.id}`);
    expect(created.headers.etag).toBe(user.meta.version);
    const found = await request('GET', '/Users?filter=userName%20eq%20%22MARIE.TREMBLAY%22');
    expect(found.json().Resources.map((u: { id: string }) => u.id)).toEqual([user.id]);
    const byEmail = await request(
      'GET',
      '/Users?filter=emails.value%20eq%20%22marie@example.ca%22',
    );
    expect(byEmail.json().totalResults).toBe(1);
    const again = await request('GET', `/Users/${user.id}`, undefined, {
      'if-none-match': user.meta.version,
    });
    expect(again.statusCode).toBe(304);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor'])
      .where('account_id', '=', user.id)
      .execute();
    expect(audit[0]).toMatchObject({
      type: 'account.created',
      actor: expect.stringMatching(/^api:/),
    });
  });

  it('deactivates by PATCH: the account locked, its sessions ended; reactivates', async () => {
    const user = (
      await request('POST', '/Users', { ...newUser, password: 'avenue des Pins 1876' })
    ).json();
    await passwordStep(newBrowser(t), 'marie.tremblay', 'avenue des Pins 1876');
    const off = await request('PATCH', `/Users/${user.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect(off.headers.etag).not.toBe(user.meta.version);
    const sessions = await t.db
      .selectFrom('oidc_models')
      .select('id')
      .where('account_id', '=', user.id)
      .execute();
    expect(sessions).toEqual([]);
    await expect(
      passwordStep(newBrowser(t), 'marie.tremblay', 'avenue des Pins 1876'),
    ).rejects.toThrow();
    const on = await request('PATCH', `/Users/${user.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(on.json().active).toBe(true);
  });

  it('renames by PUT with If-Match, refusing a stale version and a new userName', async () => {
    const user = (await request('POST', '/Users', newUser)).json();
    const renamed = await request(
      'PUT',
      `/Users/${user.id}`,
      { ...newUser, name: { formatted: 'Marie Tremblay-Roy' } },
      { 'if-match': user.meta.version },
    );
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().displayName).toBe('Marie Tremblay-Roy');
    const stale = await request('PUT', `/Users/${user.id}`, newUser, {
      'if-match': user.meta.version,
    });
    expect(stale.statusCode).toBe(412);
    const moved = await request('PUT', `/Users/${user.id}`, { ...newUser, userName: 'autre' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json()).toMatchObject({ scimType: 'mutability', status: '400' });
  });

  it('changes the address by PUT and by PATCH as Entra ID and Okta write it; a taken one is refused', async () => {
    const user = (await request('POST', '/Users', newUser)).json();
    const put = await request('PUT', `/Users/${user.id}`, {
      ...newUser,
      emails: [{ value: 'marie.tremblay@example.ca', primary: true }],
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().emails).toEqual([{ value: 'marie.tremblay@example.ca', primary: true }]);
    const patched = await request('PATCH', `/Users/${user.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'marie@exemple.qc.ca' },
      ],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().emails[0].value).toBe('marie@exemple.qc.ca');
    // The address is a sign-in identifier: another user's is refused, and nothing changes.
    const other = (
      await request('POST', '/Users', {
        ...newUser,
        userName: 'luc',
        emails: [{ value: 'luc@example.ca' }],
      })
    ).json();
    const taken = await request('PATCH', `/Users/${user.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'replace', value: { emails: [{ value: 'LUC@example.ca' }], active: false } },
      ],
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ scimType: 'uniqueness' });
    const after = (await request('GET', `/Users/${user.id}`)).json();
    expect(after).toMatchObject({ active: true, emails: [{ value: 'marie@exemple.qc.ca' }] });
    expect((await request('GET', `/Users/${other.id}`)).json().emails[0].value).toBe(
      'luc@example.ca',
    );
    // A replace without emails leaves the address as it is.
    const { emails: _left, ...withoutEmails } = newUser;
    const kept = await request('PUT', `/Users/${user.id}`, withoutEmails);
    expect(kept.json().emails[0].value).toBe('marie@exemple.qc.ca');
    const audit = await t.db
      .selectFrom('audit_events')
      .select('type')
      .where('account_id', '=', user.id)
      .where('type', '=', 'account.email_changed')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('pages the list of every user, the total counted', async () => {
    for (const userName of ['a.un', 'b.deux', 'c.trois'])
      expect(
        (await request('POST', '/Users', { ...newUser, userName, emails: [] })).statusCode,
      ).toBe(201);
    const total = (await t.db.selectFrom('accounts').select('id').execute()).length;
    const second = (await request('GET', '/Users?startIndex=2&count=2')).json();
    expect(second).toMatchObject({ totalResults: total, startIndex: 2, itemsPerPage: 2 });
    const all = (await request('GET', `/Users?count=${total}`)).json();
    expect(all.Resources.slice(1, 3).map((u: { id: string }) => u.id)).toEqual(
      second.Resources.map((u: { id: string }) => u.id),
    );
  });

  it('answers in SCIM’s error format', async () => {
    expect((await request('POST', '/Users', newUser)).statusCode).toBe(201);
    const taken = await request('POST', '/Users', newUser);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      scimType: 'uniqueness',
    });
    const filter = await request('GET', '/Users?filter=title%20sw%20%22x%22');
    expect(filter.json()).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    expect((await request('GET', '/Users/nobody')).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: '/scim/v2/Users' });
    expect(anonymous.statusCode).toBe(401);
    const config = await request('GET', '/ServiceProviderConfig');
    expect(config.json()).toMatchObject({ patch: { supported: true }, etag: { supported: true } });
  });
});
