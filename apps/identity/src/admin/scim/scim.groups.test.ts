/**
 * SCIM 2.0 Groups over HTTP on both backends, with the requests a directory's SCIM client sends
 * (Okta's and Entra ID's group push): find by `displayName eq` before creating, create with
 * members (201, Location), list without members (`excludedAttributes=members`), PATCH members
 * add and remove (by value list and by `members[value eq "…"]`), rename by PATCH, replace by
 * PUT, DELETE; SCIM's errors; the scopes (`users:read` reads, `policy:manage` changes); each change
 * a group operation naming the token — and a member of a group the policy chose must enroll.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApiTokenInConsole } from '../../../test/api-token-kit.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../../test/console-kit.ts';
import { passwordStep } from '../../../test/mfa-kit.ts';
import { newBrowser } from '../../../test/sign-in-kit.ts';
import { cliActor } from '../../accounts/operations/actor.ts';
import { setMfaPolicy } from '../../accounts/operations/set-mfa-policy.ts';

const scim = 'application/scim+json';
const patchOp = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const password = 'rue Saint-Denis 1234';

describe.each(testBackends())('SCIM groups (%s)', (backend) => {
  let t: TestApp;
  let token: string;
  let readOnly: string;
  let ana: string;
  let ben: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: false });
    const admin = await consoleUser(t, 'ariane', 'admin');
    const desk = (await signInToConsole(t, admin)).browser;
    token = await makeApiTokenInConsole(t, desk, ['users:read', 'policy:manage'], { name: 'IdP' });
    readOnly = await makeApiTokenInConsole(t, desk, ['users:read', 'users:manage'], {
      name: 'SIRH',
    });
    ana = await t.createUser({ username: 'ana', password });
    ben = await t.createUser({ username: 'ben', password });
  });
  afterEach(() => t.close());

  const request = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    bearer = token,
  ) =>
    t.app.inject({
      method,
      url: `/scim/v2${url}`,
      headers: {
        authorization: `Bearer ${bearer}`,
        accept: scim,
        ...(body === undefined ? {} : { 'content-type': scim }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  const patch = (id: string, Operations: unknown[]) =>
    request('PATCH', `/Groups/${id}`, { schemas: [patchOp], Operations });
  const members = (group: { members?: Array<{ value: string }> }) =>
    (group.members ?? []).map((m) => m.value).sort();

  it('finds none, creates with a member, finds and reads it', async () => {
    const filter = `/Groups?filter=${encodeURIComponent('displayName eq "Ventes"')}`;
    expect((await request('GET', filter)).json()).toMatchObject({ totalResults: 0, Resources: [] });
    const created = await request('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Ventes',
      members: [{ value: ana }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['content-type']).toMatch(/^application\/scim\+json/);
    const group = created.json();
    expect(created.headers.location).toBe(`${t.config.publicUrl}/scim/v2/Groups/${group.id}`);
    expect(group).toMatchObject({
      displayName: 'Ventes',
      members: [{ value: ana, display: 'ana' }],
      meta: { resourceType: 'Group' },
    });
    const found = (await request('GET', filter.replace('Ventes', 'VENTES'))).json();
    expect(found).toMatchObject({ totalResults: 1, Resources: [{ id: group.id }] });
    const lean = (await request('GET', '/Groups?excludedAttributes=members')).json();
    expect(lean.Resources[0].members).toBeUndefined();
    expect((await request('GET', `/Groups/${group.id}`)).json()).toEqual(group);
    expect((await request('GET', `/Groups/${group.id}`, undefined, readOnly)).statusCode).toBe(200);
  });

  it('adds and removes members by PATCH, renames, replaces by PUT, deletes; audited', async () => {
    const { id } = (await request('POST', '/Groups', { displayName: 'Ventes' })).json();
    const added = await patch(id, [
      { op: 'add', path: 'members', value: [{ value: ana }, { value: ben }] },
    ]);
    expect(added.statusCode).toBe(200);
    expect(members(added.json())).toEqual([ana, ben].sort());
    const removed = await patch(id, [{ op: 'remove', path: `members[value eq "${ana}"]` }]);
    expect(members(removed.json())).toEqual([ben]);
    const again = await patch(id, [{ op: 'Remove', path: 'members', value: [{ value: ben }] }]);
    expect(members(again.json())).toEqual([]);
    const renamed = await patch(id, [{ op: 'replace', value: { id, displayName: 'Ventes Est' } }]);
    expect(renamed.json().displayName).toBe('Ventes Est');
    const replaced = await request('PUT', `/Groups/${id}`, {
      displayName: 'Ventes Ouest',
      members: [{ value: ana }],
    });
    expect(replaced.json()).toMatchObject({ displayName: 'Ventes Ouest' });
    expect(members(replaced.json())).toEqual([ana]);
    expect((await request('DELETE', `/Groups/${id}`)).statusCode).toBe(204);
    expect((await request('GET', `/Groups/${id}`)).statusCode).toBe(404);
    const tokenId = (
      await t.db
        .selectFrom('api_tokens')
        .select('id')
        .where('name', '=', 'IdP')
        .executeTakeFirstOrThrow()
    ).id;
    const events = await t.db
      .selectFrom('audit_events')
      .select('type')
      .where('actor', '=', `api:${tokenId}`)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'group.created',
      'group.member_added',
      'group.member_added',
      'group.member_removed',
      'group.member_removed',
      'group.renamed',
      'group.renamed',
      'group.member_added',
      'group.deleted',
    ]);
  });

  it('answers in SCIM’s error format, and changes nothing on a refused message', async () => {
    const { id } = (await request('POST', '/Groups', { displayName: 'Ventes' })).json();
    const taken = await request('POST', '/Groups', { displayName: 'ventes' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ status: '409', scimType: 'uniqueness' });
    const unknownMember = await patch(id, [
      { op: 'add', path: 'members', value: [{ value: ana }] },
      { op: 'add', path: 'members', value: [{ value: 'nobody' }] },
    ]);
    expect(unknownMember.statusCode).toBe(400);
    expect(members((await request('GET', `/Groups/${id}`)).json())).toEqual([]);
    expect((await request('GET', '/Groups?filter=name%20eq%20%22x%22')).json()).toMatchObject({
      status: '400',
      scimType: 'invalidFilter',
    });
    expect((await patch(id, [{ op: 'replace', path: 'externalId', value: 'x' }])).statusCode).toBe(
      400,
    );
    expect((await request('GET', '/Groups/nope')).statusCode).toBe(404);
    // A token without policy:manage reads, but changes nothing.
    const denied = await request('POST', '/Groups', { displayName: 'Paie' }, readOnly);
    expect(denied.statusCode).toBe(403);
  });

  it('a member of a group the policy chose must enroll at the next sign-in', async () => {
    const { id } = (await request('POST', '/Groups', { displayName: 'Direction' })).json();
    await setMfaPolicy({ db: t.db, now: () => t.clock.now }, cliActor, {
      change: { appliesTo: 'groups', groups: [id] },
    });
    expect((await passwordStep(newBrowser(t), 'ana', password)).location).toMatch(/callback/);
    await patch(id, [{ op: 'add', path: 'members', value: [{ value: ana }] }]);
    expect((await passwordStep(newBrowser(t), 'ana', password)).location).toMatch(/\/enroll$/);
    expect((await passwordStep(newBrowser(t), 'ben', password)).location).toMatch(/callback/);
  });

  it('lists the Group resource type', async () => {
    const types = (await request('GET', '/ResourceTypes')).json();
    expect(types.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group']);
  });
});
