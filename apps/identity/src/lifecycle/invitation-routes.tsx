/**
 * GET/POST /invitation: the invitation link's page (lifecycle/invitation.ts). The form sets the
 * password by `acceptInvitation` and signs no one in; « Me connecter » leads to the
 * organization's application, whose first sign-in enrolls a method where MFA is required.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import { acceptInvitation, findInvitedAccount } from '../accounts/operations/accept-invitation.ts';
import type { PasswordHasher } from '../accounts/password-hasher.ts';
import type { PasswordPolicyViolation } from '../accounts/password-policy.ts';
import type { ClientConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { TokenField } from '../mail/email-verification-routes.tsx';
import { checkFormToken, type FormBindingOptions, formToken } from '../security/form-binding.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { invitationPath, invitationState } from './invitation.ts';
import { AcceptInvitationPage, InvitationOutcomePage } from './invitation-pages.tsx';

const InvitationQuery = Type.Object({ token: Type.Optional(TokenField) });
const InvitationBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  token: TokenField,
  username: Type.Optional(Type.String({ maxLength: 254 })),
  password: Type.String({ maxLength: 1024 }),
});

export interface InvitationRoutesOptions extends FormBindingOptions {
  db: Kysely<Database>;
  now: () => number;
  hasher: PasswordHasher;
  clients: readonly Pick<ClientConfig, 'clientId' | 'initiateLoginUri'>[];
}

export async function invitationRoutes(app: FastifyInstance, options: InvitationRoutesOptions) {
  // The organization's own application (the Espace client): where « Me connecter » leads.
  const signInHref = options.clients.find(
    (c) => c.initiateLoginUri !== undefined,
  )?.initiateLoginUri;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    problem?: PasswordPolicyViolation,
  ) => {
    const found = await findInvitedAccount(options, token);
    if (found === undefined) {
      const state = await invitationState(options.db, token, options.now());
      return sendPage(
        reply,
        <InvitationOutcomePage {...pageBase(request)} state={state} signInHref={signInHref} />,
        state === 'expired' || state === 'accepted' || state === 'replaced' ? 410 : 400,
      );
    }
    return sendPage(
      reply,
      <AcceptInvitationPage
        {...pageBase(request)}
        action={invitationPath}
        csrf={formToken(options, request, reply)}
        token={token}
        username={found.account.username}
        minLength={found.minLength}
        {...(problem === undefined ? {} : { problem })}
      />,
      problem === undefined ? 200 : 400,
    );
  };

  app.get<{ Querystring: Static<typeof InvitationQuery> }>(
    invitationPath,
    { schema: { querystring: InvitationQuery } },
    async (request, reply) => page(request, reply, request.query.token ?? ''),
  );

  app.post<{ Body: Static<typeof InvitationBody> }>(
    invitationPath,
    { schema: { body: InvitationBody } },
    async (request, reply) => {
      checkFormToken(options, request, request.body.csrf);
      const { token, password } = request.body;
      const result = await acceptInvitation(options, {
        token,
        password,
        origin: requestOrigin(request),
        locale: request.page.locale,
      });
      if (result.ok)
        return sendPage(
          reply,
          <InvitationOutcomePage {...pageBase(request)} state="done" signInHref={signInHref} />,
        );
      return page(request, reply, token, result.reason === 'policy' ? result.problem : undefined);
    },
  );
}
