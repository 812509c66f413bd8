/**
 * The admin API's groups (`policy:manage`): list, read with members, create, rename, delete, and
 * add or remove a member — each change the group operation with the token as actor.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../../account/account-session.ts';
import type { Actor } from '../../accounts/operations/actor.ts';
import { addGroupMember } from '../../accounts/operations/add-group-member.ts';
import { createGroup } from '../../accounts/operations/create-group.ts';
import { deleteGroup } from '../../accounts/operations/delete-group.ts';
import { removeGroupMember } from '../../accounts/operations/remove-group-member.ts';
import { updateGroup } from '../../accounts/operations/update-group.ts';
import { findAccountById } from '../../accounts/queries.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { findGroup, listGroupMembers, listGroups } from '../../policy/groups-queries.ts';
import type { ConsoleOptions } from '../console-routes.tsx';
import { ApiError } from './users-api-routes.ts';

const GroupSummary = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    requiresMfa: Type.Boolean({ description: 'chosen by the MFA policy "for members of groups"' }),
    members: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'GroupSummary' },
);
const Member = Type.Object({ id: Type.String(), username: Type.String(), name: Type.String() });
const GroupDetail = Type.Object({
  group: GroupSummary,
  members: Type.Array(Member),
});
const GroupList = Type.Object({ groups: Type.Array(GroupSummary) });
const GroupId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const MemberId = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  accountId: Type.String({ minLength: 1, maxLength: 64 }),
});
const GroupInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

type Summary = Static<typeof GroupSummary>;

/** One group with its members, as the API shows it; a 404 when there is none. */
async function groupDetail(db: Kysely<Database>, id: string): Promise<Static<typeof GroupDetail>> {
  const summary = (await listGroups(db)).find((group) => group.id === id);
  if (summary === undefined) throw new AppError('request.not_found');
  const members = await listGroupMembers(db, id);
  return {
    group: toSummary(summary),
    members: members.map((m) => ({ id: m.accountId, username: m.username, name: m.name })),
  };
}

function toSummary(group: Awaited<ReturnType<typeof listGroups>>[number]): Summary {
  return { ...group, createdAt: new Date(group.createdAt).toISOString() };
}

export async function groupsApiRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;
  const config = { apiScope: 'policy:manage' as const };
  const security = [{ bearer: [] }];
  const by = (request: { apiToken: { id: string } }): Actor => ({
    kind: 'api',
    tokenId: request.apiToken.id,
  });
  const requireGroup = async (id: string) => {
    const group = await findGroup(db, id);
    if (group === undefined || group.id !== id) throw new AppError('request.not_found');
  };

  app.get(
    '/admin/api/groups',
    { config, schema: { summary: 'The groups', security, response: { 200: GroupList } } },
    async () => ({ groups: (await listGroups(db)).map(toSummary) }),
  );

  app.post<{ Body: Static<typeof GroupInput> }>(
    '/admin/api/groups',
    {
      config,
      schema: {
        summary: 'Create a group (names are unique in any case)',
        security,
        body: GroupInput,
        response: { 201: GroupDetail, 409: ApiError },
      },
    },
    async (request, reply) => {
      const group = await createGroup(options, by(request), {
        ...request.body,
        origin: requestOrigin(request),
      });
      return reply.status(201).send(await groupDetail(db, group.id));
    },
  );

  app.get<{ Params: Static<typeof GroupId> }>(
    '/admin/api/groups/:id',
    {
      config,
      schema: {
        summary: 'One group and its members',
        security,
        params: GroupId,
        response: { 200: GroupDetail, 404: ApiError },
      },
    },
    async (request) => groupDetail(db, request.params.id),
  );

  app.put<{ Params: Static<typeof GroupId>; Body: Static<typeof GroupInput> }>(
    '/admin/api/groups/:id',
    {
      config,
      schema: {
        summary: 'Rename a group, or change its description',
        security,
        params: GroupId,
        body: GroupInput,
        response: { 200: GroupDetail, 404: ApiError, 409: ApiError },
      },
    },
    async (request) => {
      await updateGroup(options, by(request), {
        groupId: request.params.id,
        ...request.body,
        origin: requestOrigin(request),
      });
      return groupDetail(db, request.params.id);
    },
  );

  app.delete<{ Params: Static<typeof GroupId> }>(
    '/admin/api/groups/:id',
    {
      config,
      schema: {
        summary: 'Delete a group (its members’ accounts are kept)',
        security,
        params: GroupId,
        response: { 204: Type.Null(), 404: ApiError },
      },
    },
    async (request, reply) => {
      await deleteGroup(options, by(request), {
        groupId: request.params.id,
        origin: requestOrigin(request),
      });
      return reply.status(204).send();
    },
  );

  for (const [method, change] of [
    ['put', addGroupMember],
    ['delete', removeGroupMember],
  ] as const) {
    app[method]<{ Params: Static<typeof MemberId> }>(
      '/admin/api/groups/:id/members/:accountId',
      {
        config,
        schema: {
          summary: method === 'put' ? 'Add a user to the group' : 'Remove a user from the group',
          security,
          params: MemberId,
          response: { 200: GroupDetail, 404: ApiError },
        },
      },
      async (request) => {
        const { id, accountId } = request.params;
        await requireGroup(id);
        if ((await findAccountById(db, accountId)) === undefined)
          throw new AppError('request.not_found');
        await change(options, by(request), {
          groupId: id,
          accountId,
          origin: requestOrigin(request),
        });
        return groupDetail(db, id);
      },
    );
  }
}
