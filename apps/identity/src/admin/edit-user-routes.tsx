/**
 * Editing a client's name and email address from the console (issue 9 §1), the help desk's: each
 * change by its account operation (`renameAccount`, `changeEmail`) with the agent as the actor; a
 * new address is mailed its verification link once the change is written.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import type { Actor } from '../accounts/operations/actor.ts';
import { AppError } from '../errors.ts';
import { editProfile } from '../lifecycle/edit-profile.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { type AccountRow, findAccountRow } from './console-queries.ts';
import type { ConsoleOptions } from './console-routes.tsx';
import { type EditUserForm, EditUserPage } from './edit-user-page.tsx';

const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const EditBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  name: Type.String({ maxLength: 200 }),
  email: Type.Optional(Type.String({ maxLength: 254 })),
});

const problems: Record<string, MessageKey> = {
  'accounts.invalid_email': 'admin.newUser.invalidEmail',
  'accounts.identifier_taken': 'admin.editUser.taken',
};

export async function editUserRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const helpdesk = { adminRole: 'helpdesk' as const };
  const account = async (id: string) => {
    const row = await findAccountRow(options.db, id);
    if (row === undefined) throw new AppError('request.not_found');
    return row;
  };
  /** The form of `row`, filled with `form`, saying `problem` if any. */
  const sendForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    row: AccountRow,
    form: EditUserForm,
    problem?: MessageKey,
  ) =>
    sendPage(
      reply,
      <EditUserPage
        {...pageBase(request)}
        admin={request.admin}
        accountId={row.id}
        username={row.username}
        form={form}
        problem={problem}
      />,
      problem === undefined ? 200 : 400,
    );

  app.get<{ Params: Static<typeof UserParams> }>(
    '/admin/users/:id/edit',
    { config: helpdesk, schema: { params: UserParams } },
    async (request, reply) => {
      const row = await account(request.params.id);
      return sendForm(request, reply, row, { name: row.name, email: row.email ?? '' });
    },
  );

  app.post<{ Params: Static<typeof UserParams>; Body: Static<typeof EditBody> }>(
    '/admin/users/:id/edit',
    { config: helpdesk, schema: { params: UserParams, body: EditBody } },
    async (request, reply) => {
      const row = await account(request.params.id);
      const form = { name: request.body.name.trim(), email: request.body.email?.trim() ?? '' };
      const actor: Actor = { kind: 'admin', accountId: request.admin.accountId };
      const origin = requestOrigin(request);
      const refuse = (problem: MessageKey) => sendForm(request, reply, row, form, problem);
      if (form.name === '') return refuse('admin.editUser.nameRequired');
      const edited = await editProfile(options, actor, {
        accountId: row.id,
        currentName: row.name,
        name: form.name,
        email: form.email || null,
        origin,
      });
      if (!edited.ok) return refuse(problems[edited.code] ?? 'errors.invalidRequest');
      const done = edited.mailed ? 'emailChanged' : 'profileSaved';
      return reply.redirect(`/admin/users/${row.id}?done=${done}`, 303);
    },
  );
}
