/**
 * The admin API's groups and MFA policy (`policy:manage`), over HTTP on both backends: what a
 * provisioning script does — make a group, put users in it, choose it in the policy with a grace
 * — each change audited with the token as actor; refusals in the API's error format; the routes
 * in the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, makeApiTokenInConsole } from '../../../test/api-token-kit.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../../test/console-kit.ts';
import { interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import { newBrowser } from '../../../test/sign-in-kit.ts';

const password = 'boulevard Saint-Laurent 3600';

describe.each(testBackends())('the admin API’s groups and MFA policy (%s)', (backend) => {
  let t: TestApp;
  let token: string;
  let julie: string;
  beforeAll(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: false });
    const admin = await consoleUser(t, 'ariane', 'admin');
    const console = (await signInToConsole(t, admin)).browser;
    token = await makeApiTokenInConsole(t, console, ['policy:manage'], { name: 'provisioning' });
    julie = await t.createUser({ username: 'julie', password });
  });
  afterAll(() => t.close());

  const api = (method: string, url: string, body?: unknown) =>
    callApi(t, token, method as 'GET', url, body);
  const tokenId = async () =>
    (await t.db.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow()).id;

  it('makes a group, adds a member, chooses it in the policy with a grace: the member enrolls', async () => {
    const made = await api('POST', '/admin/api/groups', { name: 'Ventes', description: 'Terrain' });
    expect(made.statusCode).toBe(201);
    const { group } = made.json();
    expect(group).toMatchObject({ name: 'Ventes', description: 'Terrain', members: 0 });
    const added = await api('PUT', `/admin/api/groups/${group.id}/members/${julie}`);
    expect(added.statusCode).toBe(200);
    expect(added.json().members).toEqual([{ id: julie, username: 'julie', name: 'julie' }]);
    const policy = await api('PUT', '/admin/api/policy', {
      appliesTo: 'groups',
      groups: [group.id],
      methods: { 'sms-code': 'not_allowed' },
      graceDays: 7,
    });
    expect(policy.statusCode).toBe(200);
    expect(policy.json()).toMatchObject({
      appliesTo: 'groups',
      groups: [{ id: group.id, name: 'Ventes' }],
      graceDays: 7,
    });
    expect(policy.json().methods).toContainEqual({ method: 'sms-code', rule: 'not_allowed' });
    expect((await api('GET', '/admin/api/policy')).json()).toEqual(policy.json());
    const b = newBrowser(t);
    const { location } = await passwordStep(b, 'julie', password);
    const page = await b.get(`${interactionPath(location)}/enroll`);
    expect(page.body).toContain('La configuration sera obligatoire dans 7 jours.');

    const actor = `api:${await tokenId()}`;
    const events = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor'])
      .where('actor', '=', actor)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'group.created',
      'group.member_added',
      'org.mfa_policy_changed',
    ]);
  });

  it('renames, removes a member, deletes; answers 404, 409 and 400 in its error format', async () => {
    const { group } = (await api('POST', '/admin/api/groups', { name: 'Achats' })).json();
    const taken = await api('POST', '/admin/api/groups', { name: 'ACHATS' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: 'group.name_taken' });
    const renamed = await api('PUT', `/admin/api/groups/${group.id}`, {
      name: 'Approvisionnement',
    });
    expect(renamed.json().group.name).toBe('Approvisionnement');
    await api('PUT', `/admin/api/groups/${group.id}/members/${julie}`);
    const removed = await api('DELETE', `/admin/api/groups/${group.id}/members/${julie}`);
    expect(removed.json().members).toEqual([]);
    expect((await api('PUT', `/admin/api/groups/${group.id}/members/nobody`)).statusCode).toBe(404);
    expect((await api('DELETE', `/admin/api/groups/${group.id}`)).statusCode).toBe(204);
    const gone = await api('GET', `/admin/api/groups/${group.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ error: 'request.not_found' });
    const listed = (await api('GET', '/admin/api/groups')).json().groups;
    expect(listed.map((g: { name: string }) => g.name)).not.toContain('Approvisionnement');
    for (const body of [
      { methods: { 'email-code': 'required' } },
      { graceDays: 91 },
      { appliesTo: 'somebody' },
    ]) {
      const refused = await api('PUT', '/admin/api/policy', body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('describes its routes in the OpenAPI document', async () => {
    const document = (await t.app.inject({ url: '/admin/api/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/admin/api/policy',
        '/admin/api/groups',
        '/admin/api/groups/{id}',
        '/admin/api/groups/{id}/members/{accountId}',
      ]),
    );
    expect(document.paths['/admin/api/policy'].put.requestBody).toBeDefined();
  });
});
