/**
 * Editing a client's name and email address from the console (issue 9 §1), the help desk's: each
 * change by its account operation (`renameAccount`, `changeEmail`) with the agent as the actor; a
 * new address is mailed its verification link once the change is written.
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import type { Actor } from '../accounts/operations/actor.ts';
import { changeEmail } from '../accounts/operations/change-email.ts';
import { renameAccount } from '../accounts/operations/rename-account.ts';
import { AppError } from '../errors.ts';
import { mailNewAddress } from '../lifecycle/mail-new-address.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { findAccountRow } from './console-queries.ts';
import type { ConsoleOptions } from './console-routes.tsx';
import { EditUserPage } from './edit-user-page.tsx';

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

  app.get<{ Params: Static<typeof UserParams> }>(
    '/admin/users/:id/edit',
    { config: helpdesk, schema: { params: UserParams } },
    async (request, reply) => {
      const row = await account(request.params.id);
      const form = { name: row.name, email: row.email ?? '' };
      return sendPage(
        reply,
        <EditUserPage
          {...pageBase(request)}
          admin={request.admin}
          accountId={row.id}
          username={row.username}
          form={form}
          problem={undefined}
        />,
      );
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
      const refuse = (problem: MessageKey) =>
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
          400,
        );
      if (form.name === '') return refuse('admin.editUser.nameRequired');
      // The address first: refused, it leaves the name unchanged too.
      const email = await changeEmail(options, actor, {
        accountId: row.id,
        email: form.email || null,
        origin,
      });
      if (!email.ok) return refuse(problems[email.code] ?? 'errors.invalidRequest');
      if (form.name !== row.name)
        await renameAccount(options, actor, { accountId: row.id, name: form.name, origin });
      // An invited account (no password yet) gets its invitation at the new address, since the
      // change ended the one sent to the old; any other account, the new address's link.
      const mailNew = email.changed && form.email !== '';
      const sent = mailNew && (await mailNewAddress(options, actor, { accountId: row.id, origin }));
      const done = sent ? 'emailChanged' : 'profileSaved';
      return reply.redirect(`/admin/users/${row.id}?done=${done}`, 303);
    },
  );
}
