/**
 * SCIM 2.0 Groups (RFC 7643 §4.2, RFC 7644) for an HR system or a directory pushing its groups:
 * `/scim/v2/Groups` — list (filter `displayName eq`, paging, `excludedAttributes=members`), read,
 * create with members, PATCH (`members` added or removed — by value list or by the path
 * `members[value eq "…"]` — and `displayName` replaced), PUT, DELETE. Reading needs `users:read`;
 * a change needs `policy:manage` (a group can make MFA required), and each is a group operation
 * with the token as its actor. Registered inside scimRoutes: its parser and its gate.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestOrigin } from '../../account/account-session.ts';
import type { Actor } from '../../accounts/operations/actor.ts';
import { addGroupMember } from '../../accounts/operations/add-group-member.ts';
import { createGroup } from '../../accounts/operations/create-group.ts';
import { deleteGroup } from '../../accounts/operations/delete-group.ts';
import { removeGroupMember } from '../../accounts/operations/remove-group-member.ts';
import { updateGroup } from '../../accounts/operations/update-group.ts';
import { findAccountById } from '../../accounts/queries.ts';
import { AppError } from '../../errors.ts';
import {
  canonicalGroupName,
  findGroup,
  type Group,
  listGroupMembers,
  listGroups,
} from '../../policy/groups-queries.ts';
import type { ConsoleOptions } from '../console-routes.tsx';
import { scimError, scimType } from './scim-error.ts';
import { parseScimEq } from './scim-filter.ts';
import { scimPaging } from './scim-paging.ts';
import { listSchema, patchSchema } from './scim-user.ts';

export const groupSchema = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const base = '/scim/v2';

export const groupResourceType = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
  id: 'Group',
  name: 'Group',
  endpoint: '/Groups',
  schema: groupSchema,
};

interface ScimMember {
  value?: unknown;
}
interface ScimGroupInput {
  displayName?: unknown;
  members?: ScimMember[];
}
interface PatchOperation {
  op?: string;
  path?: string;
  value?: unknown;
}

/** `members[value eq "…"]`: the one member a remove names by its path (RFC 7644 §3.5.2.2). */
const memberPath = /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i;

export async function scimGroupsRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;
  const baseUrl = `${options.publicUrl}${base}`;
  const read = { apiScope: 'users:read' as const };
  const manage = { apiScope: 'policy:manage' as const };
  const actorOf = (request: FastifyRequest): Actor => ({
    kind: 'api',
    tokenId: request.apiToken.id,
  });
  const origin = requestOrigin;

  async function toScimGroup(group: Group, withMembers = true) {
    const members = withMembers ? await listGroupMembers(db, group.id) : undefined;
    return {
      schemas: [groupSchema],
      id: group.id,
      displayName: group.name,
      ...(members === undefined
        ? {}
        : {
            members: members.map((m) => ({
              value: m.accountId,
              display: m.username,
              $ref: `${baseUrl}/Users/${m.accountId}`,
            })),
          }),
      meta: {
        resourceType: 'Group',
        created: new Date(Number(group.created_at)).toISOString(),
        location: `${baseUrl}/Groups/${group.id}`,
      },
    };
  }
  const send = async (reply: FastifyReply, group: Group, status = 200) =>
    reply
      .status(status)
      .type(scimType)
      .send(await toScimGroup(group));

  /** The account ids of a members list, each an existing account; undefined if one is not. */
  async function memberIds(members: unknown): Promise<string[] | undefined> {
    if (!Array.isArray(members)) return undefined;
    const ids: string[] = [];
    for (const member of members as ScimMember[]) {
      if (typeof member?.value !== 'string') return undefined;
      if ((await findAccountById(db, member.value)) === undefined) return undefined;
      ids.push(member.value);
    }
    return ids;
  }

  /** The group of the path, or a 404 in SCIM's form. */
  async function groupOf(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
    const group = await findGroup(db, request.params.id);
    if (group !== undefined && group.id === request.params.id) return group;
    await scimError(reply, 404, 'No such group.');
    return undefined;
  }

  /** A group operation's refusal (a name taken) in SCIM's form; undefined when it ran. */
  async function run(reply: FastifyReply, work: () => Promise<unknown>) {
    try {
      await work();
      return undefined;
    } catch (error) {
      if (error instanceof AppError && error.code === 'group.name_taken')
        return scimError(reply, 409, 'A group already has this displayName.', 'uniqueness');
      if (error instanceof AppError && error.code === 'request.invalid')
        return scimError(reply, 400, 'displayName is required.', 'invalidValue');
      throw error;
    }
  }

  app.get<{
    Querystring: {
      filter?: string;
      startIndex?: string;
      count?: string;
      excludedAttributes?: string;
    };
  }>(`${base}/Groups`, { config: read }, async (request, reply) => {
    const { query } = request;
    const { startIndex, count } = scimPaging(query);
    let groups = await listGroups(db);
    if (query.filter !== undefined) {
      const eq = parseScimEq(query.filter);
      if (eq === undefined || eq.attribute !== 'displayname')
        return scimError(reply, 400, 'Only displayName eq is supported.', 'invalidFilter');
      // displayName is not case-exact (RFC 7643 §4.2): compared as the names are.
      const wanted = canonicalGroupName(eq.value);
      groups = groups.filter((g) => canonicalGroupName(g.name) === wanted);
    }
    const page = groups.slice(startIndex - 1, startIndex - 1 + count);
    const withMembers = !(query.excludedAttributes ?? '').toLowerCase().includes('members');
    const resources = [];
    for (const summary of page) {
      const group = (await findGroup(db, summary.id)) as Group;
      resources.push(await toScimGroup(group, withMembers));
    }
    return reply.type(scimType).send({
      schemas: [listSchema],
      totalResults: groups.length,
      startIndex,
      itemsPerPage: resources.length,
      Resources: resources,
    });
  });

  app.get<{ Params: { id: string } }>(
    `${base}/Groups/:id`,
    { config: read },
    async (request, reply) => {
      const group = await groupOf(request, reply);
      return group === undefined ? reply : send(reply, group);
    },
  );

  app.post<{ Body: ScimGroupInput }>(
    `${base}/Groups`,
    { config: manage },
    async (request, reply) => {
      const body = request.body ?? {};
      if (typeof body.displayName !== 'string' || body.displayName.trim() === '')
        return scimError(reply, 400, 'displayName is required.', 'invalidValue');
      const members = body.members === undefined ? [] : await memberIds(body.members);
      if (members === undefined)
        return scimError(reply, 400, 'Each member must be an existing user.', 'invalidValue');
      let group: Group | undefined;
      const name = body.displayName;
      const refused = await run(reply, async () => {
        group = await createGroup(options, actorOf(request), { name, origin: origin(request) });
      });
      if (refused !== undefined || group === undefined) return refused;
      for (const accountId of members)
        await addGroupMember(options, actorOf(request), {
          groupId: group.id,
          accountId,
          origin: origin(request),
        });
      return send(reply.header('location', `${baseUrl}/Groups/${group.id}`), group, 201);
    },
  );

  /** Bring the members to exactly `wanted`, each change by its operation. */
  async function setMembers(request: FastifyRequest, group: Group, wanted: string[]) {
    const now = (await listGroupMembers(db, group.id)).map((m) => m.accountId);
    for (const accountId of wanted.filter((id) => !now.includes(id)))
      await addGroupMember(options, actorOf(request), {
        groupId: group.id,
        accountId,
        origin: origin(request),
      });
    for (const accountId of now.filter((id) => !wanted.includes(id)))
      await removeGroupMember(options, actorOf(request), {
        groupId: group.id,
        accountId,
        origin: origin(request),
      });
  }

  app.put<{ Params: { id: string }; Body: ScimGroupInput }>(
    `${base}/Groups/:id`,
    { config: manage },
    async (request, reply) => {
      const group = await groupOf(request, reply);
      if (group === undefined) return reply;
      const body = request.body ?? {};
      if (typeof body.displayName !== 'string')
        return scimError(reply, 400, 'displayName is required.', 'invalidValue');
      const members = await memberIds(body.members ?? []);
      if (members === undefined)
        return scimError(reply, 400, 'Each member must be an existing user.', 'invalidValue');
      const name = body.displayName;
      if (name !== group.name) {
        const refused = await run(reply, () =>
          updateGroup(options, actorOf(request), {
            groupId: group.id,
            name,
            origin: origin(request),
          }),
        );
        if (refused !== undefined) return refused;
      }
      await setMembers(request, group, members);
      return send(reply, (await findGroup(db, group.id)) as Group);
    },
  );

  app.patch<{ Params: { id: string }; Body: { schemas?: unknown; Operations?: unknown } }>(
    `${base}/Groups/:id`,
    { config: manage },
    async (request, reply) => {
      const group = await groupOf(request, reply);
      if (group === undefined) return reply;
      const { schemas, Operations } = request.body ?? {};
      if (!Array.isArray(schemas) || !schemas.includes(patchSchema) || !Array.isArray(Operations))
        return scimError(reply, 400, 'A PatchOp message is expected.', 'invalidSyntax');
      // Read all of it first: a message with one operation refused changes nothing.
      const add: string[] = [];
      const remove: string[] = [];
      let name: string | undefined;
      for (const operation of Operations as PatchOperation[]) {
        const op = String(operation.op ?? '').toLowerCase();
        const path = operation.path ?? '';
        const byPath = memberPath.exec(path);
        if (op === 'remove' && byPath !== null) remove.push(byPath[1] as string);
        else if ((op === 'add' || op === 'remove') && path.toLowerCase() === 'members') {
          const ids = await memberIds(operation.value);
          if (ids === undefined)
            return scimError(reply, 400, 'Each member must be an existing user.', 'invalidValue');
          (op === 'add' ? add : remove).push(...ids);
        } else if (op === 'replace' && path.toLowerCase() === 'displayname')
          name = String(operation.value ?? '');
        else if (op === 'replace' && path === '' && typeof operation.value === 'object') {
          // Some clients send the attributes as the value (RFC 7644 §3.5.2.3).
          const value = operation.value as { displayName?: unknown };
          if (typeof value?.displayName !== 'string')
            return scimError(reply, 400, 'Only displayName can be replaced.', 'mutability');
          name = value.displayName;
        } else
          return scimError(reply, 400, `Operation ${op} ${path} is not supported.`, 'invalidPath');
      }
      if (name !== undefined && name !== group.name) {
        const newName = name;
        const refused = await run(reply, () =>
          updateGroup(options, actorOf(request), {
            groupId: group.id,
            name: newName,
            origin: origin(request),
          }),
        );
        if (refused !== undefined) return refused;
      }
      for (const accountId of add)
        await addGroupMember(options, actorOf(request), {
          groupId: group.id,
          accountId,
          origin: origin(request),
        });
      for (const accountId of remove)
        await removeGroupMember(options, actorOf(request), {
          groupId: group.id,
          accountId,
          origin: origin(request),
        });
      return send(reply, (await findGroup(db, group.id)) as Group);
    },
  );

  app.delete<{ Params: { id: string } }>(
    `${base}/Groups/:id`,
    { config: manage },
    async (request, reply) => {
      const group = await groupOf(request, reply);
      if (group === undefined) return reply;
      await deleteGroup(options, actorOf(request), { groupId: group.id, origin: origin(request) });
      return reply.status(204).send();
    },
  );
}
