/**
 * « Groupes » in the console (administrators only, as in Okta: the help desk acts on accounts,
 * administrators manage groups): list, create, rename, delete, add and remove members by
 * username. Each change is a group operation with the administrator as its actor.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import { canonicalizeIdentifier } from '../accounts/canonical-identifier.ts';
import type { Actor } from '../accounts/operations/actor.ts';
import { addGroupMember } from '../accounts/operations/add-group-member.ts';
import { createGroup } from '../accounts/operations/create-group.ts';
import { deleteGroup } from '../accounts/operations/delete-group.ts';
import { removeGroupMember } from '../accounts/operations/remove-group-member.ts';
import { updateGroup } from '../accounts/operations/update-group.ts';
import { findAccountByIdentifier } from '../accounts/queries.ts';
import { findGroup, listGroupMembers, listGroups } from '../policy/groups-queries.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import type { ConsoleOptions } from './console-routes.tsx';
import { GroupPage } from './group-page.tsx';
import { GroupsPage } from './groups-page.tsx';

const csrf = Type.Optional(Type.String({ maxLength: 128 }));
const GroupBody = Type.Object({
  csrf,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Type.String({ maxLength: 300 })),
});
const MemberBody = Type.Object({ csrf, username: Type.String({ minLength: 1, maxLength: 254 }) });
const CsrfBody = Type.Object({ csrf });
const GroupParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const MemberParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  accountId: Type.String({ minLength: 1, maxLength: 64 }),
});
const GroupQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 32 })) });

/** What the group's page may say once a change is done (`?done=`). */
const doneKeys: Record<string, MessageKey> = {
  saved: 'admin.groups.done.saved',
  added: 'admin.groups.done.added',
  already: 'admin.groups.done.already',
  removed: 'admin.groups.done.removed',
  unknown: 'admin.groups.done.unknownUser',
};

const actorOf = (request: FastifyRequest): Actor => ({
  kind: 'admin',
  accountId: request.admin.accountId,
});

export async function groupsRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;
  const by = (request: FastifyRequest) => ({ origin: requestOrigin(request) });

  app.get('/admin/groups', async (request, reply) =>
    sendPage(
      reply,
      <GroupsPage {...pageBase(request)} admin={request.admin} groups={await listGroups(db)} />,
    ),
  );

  app.post<{ Body: Static<typeof GroupBody> }>(
    '/admin/groups',
    { schema: { body: GroupBody } },
    async (request, reply) => {
      const { name, description } = request.body;
      const group = await createGroup(options, actorOf(request), {
        name,
        description: description ?? '',
        ...by(request),
      });
      return reply.redirect(`/admin/groups/${group.id}?done=saved`, 303);
    },
  );

  app.get<{ Params: Static<typeof GroupParams>; Querystring: Static<typeof GroupQuery> }>(
    '/admin/groups/:id',
    { schema: { params: GroupParams, querystring: GroupQuery } },
    async (request, reply) => {
      const group = await findGroup(db, request.params.id);
      // Deleted meanwhile (or never was): back to the list.
      if (group === undefined || group.id !== request.params.id)
        return reply.redirect('/admin/groups', 303);
      const done = doneKeys[request.query.done ?? ''];
      const page = (
        <GroupPage
          {...pageBase(request)}
          admin={request.admin}
          group={group}
          members={await listGroupMembers(db, group.id)}
          {...(done === undefined ? {} : { done })}
        />
      );
      return sendPage(reply, page);
    },
  );

  app.post<{ Params: Static<typeof GroupParams>; Body: Static<typeof GroupBody> }>(
    '/admin/groups/:id',
    { schema: { params: GroupParams, body: GroupBody } },
    async (request, reply) => {
      const { id } = request.params;
      const { name, description } = request.body;
      await updateGroup(options, actorOf(request), {
        groupId: id,
        name,
        description: description ?? '',
        ...by(request),
      });
      return reply.redirect(`/admin/groups/${id}?done=saved`, 303);
    },
  );

  app.post<{ Params: Static<typeof GroupParams>; Body: Static<typeof CsrfBody> }>(
    '/admin/groups/:id/delete',
    { schema: { params: GroupParams, body: CsrfBody } },
    async (request, reply) => {
      await deleteGroup(options, actorOf(request), { groupId: request.params.id, ...by(request) });
      return reply.redirect('/admin/groups', 303);
    },
  );

  app.post<{ Params: Static<typeof GroupParams>; Body: Static<typeof MemberBody> }>(
    '/admin/groups/:id/members',
    { schema: { params: GroupParams, body: MemberBody } },
    async (request, reply) => {
      const { id } = request.params;
      const canonical = canonicalizeIdentifier(request.body.username);
      const account = canonical === '' ? undefined : await findAccountByIdentifier(db, canonical);
      if (account === undefined) return reply.redirect(`/admin/groups/${id}?done=unknown`, 303);
      const added = await addGroupMember(options, actorOf(request), {
        groupId: id,
        accountId: account.id,
        ...by(request),
      });
      return reply.redirect(`/admin/groups/${id}?done=${added ? 'added' : 'already'}`, 303);
    },
  );

  app.post<{ Params: Static<typeof MemberParams>; Body: Static<typeof CsrfBody> }>(
    '/admin/groups/:id/members/:accountId/remove',
    { schema: { params: MemberParams, body: CsrfBody } },
    async (request, reply) => {
      const { id, accountId } = request.params;
      await removeGroupMember(options, actorOf(request), {
        groupId: id,
        accountId,
        ...by(request),
      });
      return reply.redirect(`/admin/groups/${id}?done=removed`, 303);
    },
  );
}
