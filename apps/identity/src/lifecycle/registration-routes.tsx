/**
 * GET/POST /register (« Créer un compte »), only while `org self-registration` is on — otherwise
 * 404. The form's own mistakes (a username or email that is not one, a password the policy
 * refuses) are shown; past them the answer is the same page at once for everyone, and the work
 * (lifecycle/complete-registration.ts) happens after it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import { problemMessages } from '../account/change-password-page.tsx';
import { validateEmail, validateUsername } from '../accounts/canonical-identifier.ts';
import {
  checkPasswordPolicy,
  PASSWORD_MIN_LENGTH,
  PASSWORD_ONLY_MIN_LENGTH,
} from '../accounts/password-policy.ts';
import type { ClientConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import type { BackgroundTasks } from '../ops/background-tasks.ts';
import { readOrgMfaRequired } from '../policy/mfa-policy.ts';
import { checkFormToken, type FormBindingOptions, formToken } from '../security/form-binding.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { completeRegistration, type RegistrationDeps } from './complete-registration.ts';
import { RegisteredPage, RegisterPage, type RegistrationForm } from './registration-pages.tsx';
import { readSelfRegistration } from './self-registration-setting.ts';

export const registerPath = '/register';

const ClientField = Type.Optional(Type.String({ maxLength: 128, pattern: '^[A-Za-z0-9._-]*$' }));
const RegisterQuery = Type.Object({ client: ClientField });
const RegisterBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  client: ClientField,
  username: Type.String({ maxLength: 254 }),
  email: Type.String({ maxLength: 254 }),
  name: Type.Optional(Type.String({ maxLength: 200 })),
  password: Type.String({ maxLength: 1024 }),
});

export interface RegistrationRoutesOptions extends FormBindingOptions, RegistrationDeps {
  clients: readonly Pick<ClientConfig, 'clientId' | 'initiateLoginUri'>[];
  tasks: BackgroundTasks;
}

export async function registrationRoutes(app: FastifyInstance, options: RegistrationRoutesOptions) {
  const clientOf = (clientId: string | undefined) =>
    options.clients.find((client) => client.clientId === clientId);
  const open = async () => {
    if (!(await readSelfRegistration(options.db))) throw new AppError('request.not_found');
  };
  const minLength = async () =>
    (await readOrgMfaRequired(options.db)) ? PASSWORD_MIN_LENGTH : PASSWORD_ONLY_MIN_LENGTH;

  const form = async (
    request: FastifyRequest,
    reply: FastifyReply,
    input: { client: string | undefined; form: RegistrationForm; problem?: MessageKey },
  ) => {
    const client = clientOf(input.client);
    const page = (
      <RegisterPage
        {...pageBase(request)}
        action={
          client === undefined
            ? registerPath
            : `${registerPath}?client=${encodeURIComponent(client.clientId)}`
        }
        csrf={formToken(options, request, reply)}
        client={client?.clientId}
        form={input.form}
        minLength={await minLength()}
        problem={input.problem}
        signInHref={client?.initiateLoginUri}
      />
    );
    return sendPage(reply, page, input.problem === undefined ? 200 : 400);
  };

  app.get<{ Querystring: Static<typeof RegisterQuery> }>(
    registerPath,
    { schema: { querystring: RegisterQuery } },
    async (request, reply) => {
      await open();
      return form(request, reply, {
        client: request.query.client,
        form: { username: '', email: '', name: '' },
      });
    },
  );

  app.post<{ Body: Static<typeof RegisterBody> }>(
    registerPath,
    { schema: { body: RegisterBody } },
    async (request, reply) => {
      await open();
      checkFormToken(options, request, request.body.csrf);
      const entered = {
        username: request.body.username.trim(),
        email: request.body.email.trim(),
        name: request.body.name?.trim() ?? '',
      };
      const problem = await formProblem(entered, request.body.password, options);
      if (problem !== undefined)
        return form(request, reply, { client: request.body.client, form: entered, problem });
      const registration = {
        ...entered,
        name: entered.name || undefined,
        password: request.body.password,
        locale: request.page.locale,
        ip: request.ip,
        origin: requestOrigin(request),
      };
      // After the response: its timing and its answer are the same whoever the names are.
      options.tasks.run(() => completeRegistration(options, registration));
      const signInHref = clientOf(request.body.client)?.initiateLoginUri;
      return sendPage(reply, <RegisteredPage {...pageBase(request)} signInHref={signInHref} />);
    },
  );
}

/** What is wrong with the form on its own (never whether a name is taken). */
async function formProblem(
  entered: RegistrationForm,
  password: string,
  options: RegistrationRoutesOptions,
): Promise<MessageKey | undefined> {
  if (!validateUsername(entered.username).ok) return 'admin.newUser.invalidUsername';
  if (!validateEmail(entered.email).ok) return 'admin.newUser.invalidEmail';
  const policy = checkPasswordPolicy(password, {
    username: entered.username,
    email: entered.email,
    name: entered.name || undefined,
    passwordOnly: !(await readOrgMfaRequired(options.db)),
  });
  return policy.ok ? undefined : problemMessages[policy.reason];
}
