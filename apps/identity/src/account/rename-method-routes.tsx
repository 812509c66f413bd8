/**
 * « Renommer » one of the account's methods from its security page: a name of the owner's own on
 * its authenticators row, validated (method-name.ts), by a form bound to the session (CSRF), and
 * an audit event with the user as actor. Renaming proves nothing and removes nothing: it needs no
 * step-up.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { renameAuthenticator } from '../accounts/operations/rename-authenticator.ts';
import { findAuthenticator } from '../factors/authenticator-queries.ts';
import { describeAuthenticator } from '../factors/describe-authenticator.ts';
import type { Authenticator } from '../factors/factor.ts';
import { factorOfKind } from '../factors/index.ts';
import { sessionLogin } from '../oidc/session-account.ts';
import { opaqueIdPattern } from '../sign-in/interaction-params.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { accountCsrf, accountPost, requestOrigin } from './account-session.ts';
import { parseMethodName } from './method-name.ts';
import type { AccountPagesOptions } from './remove-method-routes.tsx';
import { RenameMethodPage } from './rename-method-page.tsx';

const MethodParams = Type.Object({ id: Type.String({ pattern: opaqueIdPattern }) });
const RenameBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  // Bounded at the edge; what a name may be is method-name.ts's.
  label: Type.String({ maxLength: 256 }),
});

export async function renameMethodRoutes(app: FastifyInstance, options: AccountPagesOptions) {
  const { db } = options;
  const pagePath = (id: string) => `/account/methods/${id}/rename`;

  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    method: Authenticator,
    csrf: string,
    typed?: string,
  ) {
    const { t } = request.page;
    const factor = factorOfKind(method.kind);
    const page = (
      <RenameMethodPage
        {...pageBase(request)}
        action={pagePath(method.id)}
        csrf={csrf}
        kind={factor === undefined ? method.kind : t(factor.title)}
        current={describeAuthenticator(t, method)}
        typed={typed}
        failed={typed !== undefined}
      />
    );
    return sendPage(reply, page, typed === undefined ? 200 : 400);
  }

  app.get<{ Params: Static<typeof MethodParams> }>(
    '/account/methods/:id/rename',
    { schema: { params: MethodParams } },
    async (request, reply) => {
      const login = await sessionLogin(options.provider, request.raw, reply.raw);
      if (login === undefined) return reply.redirect('/account', 303);
      const method = await findAuthenticator(db, login.accountId, request.params.id);
      if (method === undefined || method.status !== 'active')
        return reply.redirect('/account', 303);
      return render(request, reply, method, accountCsrf(options, login));
    },
  );

  app.post<{ Params: Static<typeof MethodParams>; Body: Static<typeof RenameBody> }>(
    '/account/methods/:id/rename',
    { schema: { params: MethodParams, body: RenameBody } },
    async (request, reply) => {
      const login = await accountPost(options, request, reply);
      if (login === undefined) return reply.redirect('/account', 303);
      const { accountId } = login;
      const method = await findAuthenticator(db, accountId, request.params.id);
      if (method === undefined || method.status !== 'active')
        return reply.redirect('/account', 303);
      const name = parseMethodName(request.body.label);
      if (name === undefined)
        return render(request, reply, method, accountCsrf(options, login), request.body.label);
      await renameAuthenticator(
        options,
        { kind: 'user', accountId },
        {
          accountId,
          authenticatorId: method.id,
          label: name,
          reason: method.kind,
          origin: requestOrigin(request),
        },
      );
      return reply.redirect('/account?renamed=1', 303);
    },
  );
}
