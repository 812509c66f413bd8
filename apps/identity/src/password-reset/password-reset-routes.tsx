/**
 * « Mot de passe oublié ? » (issue 8 §6, G-19): GET/POST /password/forgot asks for a link — the
 * answer is the same page at once whatever the identifier names (the work, and any mail, happen
 * after it: G-11); GET/POST /password/reset is the link's page, which sets a new password and
 * signs no one in (« Me connecter » leads to the application's own sign-in).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import type { ClientConfig } from '../config.ts';
import { TokenField } from '../mail/email-verification-routes.tsx';
import type { BackgroundTasks } from '../ops/background-tasks.ts';
import { checkFormToken, type FormBindingOptions, formToken } from '../security/form-binding.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import {
  ForgotPasswordPage,
  ResetOutcomePage,
  ResetPasswordPage,
} from './password-reset-pages.tsx';
import { type ResetDeps, requestPasswordReset, resetPath } from './request-password-reset.ts';
import { findResetAccount, type ResetWithTokenDeps, resetWithToken } from './reset-with-token.ts';

export const forgotPath = '/password/forgot';

const ClientField = Type.Optional(Type.String({ maxLength: 128, pattern: '^[A-Za-z0-9._-]*$' }));
const Csrf = Type.Optional(Type.String({ maxLength: 128 }));
const ForgotQuery = Type.Object({ client: ClientField });
const ForgotBody = Type.Object({
  csrf: Csrf,
  identifier: Type.String({ maxLength: 254 }),
  client: ClientField,
});
const ResetQuery = Type.Object({ token: Type.Optional(TokenField), client: ClientField });
const ResetBody = Type.Object({
  csrf: Csrf,
  token: TokenField,
  client: ClientField,
  username: Type.Optional(Type.String({ maxLength: 254 })),
  password: Type.String({ maxLength: 1024 }),
});

export interface PasswordResetRoutesOptions
  extends FormBindingOptions,
    ResetDeps,
    ResetWithTokenDeps {
  clients: readonly Pick<ClientConfig, 'clientId' | 'initiateLoginUri'>[];
  tasks: BackgroundTasks;
}

export async function passwordResetRoutes(
  app: FastifyInstance,
  options: PasswordResetRoutesOptions,
) {
  /** A client we know: its id (kept through the pages) and where its sign-in starts. */
  const clientOf = (clientId: string | undefined) =>
    options.clients.find((client) => client.clientId === clientId);
  const forgotHref = (clientId: string | undefined) =>
    clientId === undefined ? forgotPath : `${forgotPath}?client=${encodeURIComponent(clientId)}`;

  const forgotPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    clientId: string | undefined,
    sent: boolean,
  ) => {
    const client = clientOf(clientId);
    const page = (
      <ForgotPasswordPage
        {...pageBase(request)}
        action={forgotHref(client?.clientId)}
        csrf={formToken(options, request, reply)}
        client={client?.clientId}
        sent={sent}
        signInHref={client?.initiateLoginUri}
      />
    );
    return sendPage(reply, page);
  };

  const outcome = (
    request: FastifyRequest,
    reply: FastifyReply,
    done: boolean,
    clientId: string | undefined,
  ) => {
    const client = clientOf(clientId);
    const page = (
      <ResetOutcomePage
        {...pageBase(request)}
        done={done}
        signInHref={client?.initiateLoginUri}
        againHref={forgotHref(client?.clientId)}
      />
    );
    return sendPage(reply, page, done ? 200 : 400);
  };

  app.get<{ Querystring: Static<typeof ForgotQuery> }>(
    forgotPath,
    { schema: { querystring: ForgotQuery } },
    async (request, reply) => forgotPage(request, reply, request.query.client, false),
  );

  app.post<{ Body: Static<typeof ForgotBody> }>(
    forgotPath,
    { schema: { body: ForgotBody } },
    async (request, reply) => {
      checkFormToken(options, request, request.body.csrf);
      const { identifier } = request.body;
      const clientId = clientOf(request.body.client)?.clientId;
      const audit = requestOrigin(request);
      // After the response: its timing and its answer are the same for any identifier (G-11).
      options.tasks.run(() =>
        requestPasswordReset(options, { identifier, ip: request.ip, clientId, audit }),
      );
      return forgotPage(request, reply, clientId, true);
    },
  );

  const resetPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    input: { token: string; client: string | undefined },
    problem?: Parameters<typeof ResetPasswordPage>[0]['problem'],
  ) => {
    const found = await findResetAccount(options, input.token);
    if (found === undefined) return outcome(request, reply, false, input.client);
    const page = (
      <ResetPasswordPage
        {...pageBase(request)}
        action={resetPath}
        csrf={formToken(options, request, reply)}
        token={input.token}
        client={clientOf(input.client)?.clientId}
        username={found.account.username}
        minLength={found.minLength}
        {...(problem === undefined ? {} : { problem })}
      />
    );
    return sendPage(reply, page, problem === undefined ? 200 : 400);
  };

  app.get<{ Querystring: Static<typeof ResetQuery> }>(
    resetPath,
    { schema: { querystring: ResetQuery } },
    async (request, reply) =>
      resetPage(request, reply, { token: request.query.token ?? '', client: request.query.client }),
  );

  app.post<{ Body: Static<typeof ResetBody> }>(
    resetPath,
    { schema: { body: ResetBody } },
    async (request, reply) => {
      checkFormToken(options, request, request.body.csrf);
      const { token, client, password } = request.body;
      const origin = requestOrigin(request);
      const locale = request.page.locale;
      const result = await resetWithToken(options, { token, password, origin, locale });
      if (result.ok) return outcome(request, reply, true, client);
      if (result.reason === 'invalid') return outcome(request, reply, false, client);
      return resetPage(request, reply, { token, client }, result.problem);
    },
  );
}
