/**
 * An account's verification methods over the admin API (issue 9 §2: reset all methods or one):
 * list them, and remove one — the account operation the console's « Retirer cette méthode » runs,
 * with the token as its actor.
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../../account/account-session.ts';
import { removeAuthenticator } from '../../accounts/operations/remove-authenticator.ts';
import { listActiveAuthenticators } from '../../factors/authenticator-queries.ts';
import { describeAuthenticator } from '../../factors/describe-authenticator.ts';
import { translatorFor } from '../../ui/i18n/messages.ts';
import { findAccountRow } from '../console-queries.ts';
import type { ConsoleOptions } from '../console-routes.tsx';

const Method = Type.Object(
  {
    id: Type.String(),
    kind: Type.String({ description: 'the method’s kind, as the audit trail names it' }),
    description: Type.String({ description: 'the method as the pages name it, in English' }),
    addedAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'Method' },
);
const MethodList = Type.Object({ methods: Type.Array(Method) });
const UserId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const MethodId = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  methodId: Type.String({ minLength: 1, maxLength: 64 }),
});
const ApiError = Type.Object({ error: Type.String(), message: Type.String() });
const notFound = { error: 'request.not_found', message: 'No such user or method.' };
const iso = (ms: number) => new Date(ms).toISOString();

export async function userMethodsApiRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;
  const security = [{ bearer: [] }];
  const t = translatorFor('en');
  /** The account's active methods, or undefined when there is no such account. */
  const methodsOf = async (accountId: string) =>
    (await findAccountRow(db, accountId)) === undefined
      ? undefined
      : listActiveAuthenticators(db, accountId);

  app.get<{ Params: Static<typeof UserId> }>(
    '/admin/api/users/:id/methods',
    {
      config: { apiScope: 'users:read' },
      schema: {
        summary: 'The account’s active verification methods',
        security,
        params: UserId,
        response: { 200: MethodList, 404: ApiError },
      },
    },
    async (request, reply) => {
      const methods = await methodsOf(request.params.id);
      if (methods === undefined) return reply.status(404).send(notFound);
      return {
        methods: methods.map((m) => ({
          id: m.id,
          kind: m.kind,
          description: describeAuthenticator(t, m),
          addedAt: iso(m.activated_at ?? m.created_at),
          lastUsedAt: m.last_used_at === null ? null : iso(m.last_used_at),
        })),
      };
    },
  );

  app.delete<{ Params: Static<typeof MethodId> }>(
    '/admin/api/users/:id/methods/:methodId',
    {
      config: { apiScope: 'users:manage' },
      schema: {
        summary: 'Remove one method (the account enrolls again if it was the last one)',
        security,
        params: MethodId,
        response: { 204: Type.Null(), 404: ApiError },
      },
    },
    async (request, reply) => {
      const method = (await methodsOf(request.params.id))?.find(
        (m) => m.id === request.params.methodId,
      );
      if (method === undefined) return reply.status(404).send(notFound);
      await removeAuthenticator(
        options,
        { kind: 'api', tokenId: request.apiToken.id },
        {
          accountId: request.params.id,
          authenticatorId: method.id,
          reason: method.kind,
          origin: requestOrigin(request),
        },
      );
      return reply.status(204).send();
    },
  );
}
