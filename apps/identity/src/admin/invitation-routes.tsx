/**
 * « Renvoyer l'invitation » on an invited account's page (the help desk may): a new link that
 * ends the earlier one (`sendInvitation`, the administrator as actor), mailed after the commit.
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import type { Actor } from '../accounts/operations/actor.ts';
import type { OperationOrigin } from '../accounts/operations/operation-deps.ts';
import { sendInvitation } from '../accounts/operations/send-invitation.ts';
import { AppError } from '../errors.ts';
import { mailInvitation } from '../lifecycle/invitation.ts';
import type { ConsoleOptions } from './console-routes.tsx';

const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const CsrfBody = Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 128 })) });

/** A new invitation for the account, mailed once its transaction committed. */
export async function inviteAndMail(
  options: ConsoleOptions,
  actor: Actor,
  args: { accountId: string; origin?: OperationOrigin },
) {
  const sent = await sendInvitation(options, actor, args);
  if (sent.ok) await mailInvitation(options, sent.invitation);
  return sent;
}

export async function invitationConsoleRoutes(app: FastifyInstance, options: ConsoleOptions) {
  app.post<{ Params: Static<typeof UserParams>; Body: Static<typeof CsrfBody> }>(
    '/admin/users/:id/invitation',
    { config: { adminRole: 'helpdesk' }, schema: { params: UserParams, body: CsrfBody } },
    async (request, reply) => {
      const actor: Actor = { kind: 'admin', accountId: request.admin.accountId };
      const sent = await inviteAndMail(options, actor, {
        accountId: request.params.id,
        origin: requestOrigin(request),
      });
      if (!sent.ok && sent.reason === 'not_found') throw new AppError('request.not_found');
      if (!sent.ok) throw new AppError('request.invalid');
      return reply.redirect(`/admin/users/${request.params.id}?done=invitationSent`, 303);
    },
  );
}
