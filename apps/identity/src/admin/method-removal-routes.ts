/**
 * « Retirer cette méthode » on an account's console page (issue 9 §1: reset all methods or one):
 * the help desk removes one method — a phone given away, a key lost — by the account operation,
 * with the agent as its actor. Removing the last one means enrolling again at the next sign-in
 * when MFA is required; the sign-ins waiting on it re-read the account at their next step.
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import { removeAuthenticator } from '../accounts/operations/remove-authenticator.ts';
import { AppError } from '../errors.ts';
import { listActiveAuthenticators } from '../factors/authenticator-queries.ts';
import { findAccountRow } from './console-queries.ts';
import type { ConsoleOptions } from './console-routes.tsx';

const MethodParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  methodId: Type.String({ minLength: 1, maxLength: 64 }),
});
const CsrfBody = Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 128 })) });

export async function methodRemovalRoutes(app: FastifyInstance, options: ConsoleOptions) {
  app.post<{ Params: Static<typeof MethodParams>; Body: Static<typeof CsrfBody> }>(
    '/admin/users/:id/methods/:methodId/remove',
    { config: { adminRole: 'helpdesk' }, schema: { params: MethodParams, body: CsrfBody } },
    async (request, reply) => {
      const account = await findAccountRow(options.db, request.params.id);
      if (account === undefined) throw new AppError('request.not_found');
      // Only one of this account's own methods: another account's id is not found here.
      const method = (await listActiveAuthenticators(options.db, account.id)).find(
        (m) => m.id === request.params.methodId,
      );
      if (method === undefined) throw new AppError('request.not_found');
      await removeAuthenticator(
        options,
        { kind: 'admin', accountId: request.admin.accountId },
        {
          accountId: account.id,
          authenticatorId: method.id,
          reason: method.kind,
          origin: requestOrigin(request),
        },
      );
      return reply.redirect(`/admin/users/${account.id}?done=methodRemoved`, 303);
    },
  );
}
