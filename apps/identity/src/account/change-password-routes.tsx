/**
 * « Changer le mot de passe » from the security page: the current password (checked like a
 * sign-in's, under the same limits: G-07, G-09), then the new one under the password policy, set
 * by the account operation with the user as actor. It ends every other session, grant, token,
 * sign-in in progress and remembered browser (G-28); this browser's provider session — the one
 * record `keepSessionId` names, with the grants it signed in to its applications with — stays, so
 * its user is not signed out by their own change (docs/security.md).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { setPassword } from '../accounts/operations/set-password.ts';
import {
  checkPasswordPolicy,
  PASSWORD_MIN_LENGTH,
  PASSWORD_ONLY_MIN_LENGTH,
} from '../accounts/password-policy.ts';
import { type Account, findAccountById } from '../accounts/queries.ts';
import { sessionLogin } from '../oidc/session-account.ts';
import { readMfaStanding } from '../policy/mfa-policy.ts';
import { checkPassword } from '../sign-in/check-password.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { accountCsrf, accountPost, requestOrigin } from './account-session.ts';
import { ChangePasswordPage, type PasswordProblem } from './change-password-page.tsx';
import type { AccountPagesOptions } from './remove-method-routes.tsx';

const PasswordBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  current: Type.String({ maxLength: 1024 }),
  password: Type.String({ maxLength: 1024 }),
});

export async function changePasswordRoutes(app: FastifyInstance, options: AccountPagesOptions) {
  const { db } = options;

  /** Whether the account signs in with its password alone (the longer minimum then applies). */
  const passwordOnly = async (account: Account) =>
    !(await readMfaStanding(db, account.id)).required;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    account: Account,
    csrf: string,
    problem?: PasswordProblem,
  ) {
    const only = await passwordOnly(account);
    const page = (
      <ChangePasswordPage
        {...pageBase(request)}
        csrf={csrf}
        minLength={only ? PASSWORD_ONLY_MIN_LENGTH : PASSWORD_MIN_LENGTH}
        problem={problem}
      />
    );
    return sendPage(reply, page, problem === undefined ? 200 : 400);
  }

  app.get('/account/password', async (request, reply) => {
    const login = await sessionLogin(options.provider, request.raw, reply.raw);
    const account = login === undefined ? undefined : await findAccountById(db, login.accountId);
    if (login === undefined || account === undefined) return reply.redirect('/account', 303);
    return render(request, reply, account, accountCsrf(options, login));
  });

  app.post<{ Body: Static<typeof PasswordBody> }>(
    '/account/password',
    { schema: { body: PasswordBody } },
    async (request, reply) => {
      const login = await accountPost(options, request, reply);
      const account = login === undefined ? undefined : await findAccountById(db, login.accountId);
      if (login === undefined || account === undefined) return reply.redirect('/account', 303);
      const csrf = accountCsrf(options, login);
      // The current password, as a sign-in checks it: same limits, same cost whatever the outcome.
      const checked = await checkPassword(options, {
        identifier: account.username,
        password: request.body.current,
        ip: request.ip,
      });
      if (!checked.ok || checked.account.id !== account.id)
        return render(request, reply, account, csrf, 'current');
      const policy = checkPasswordPolicy(request.body.password, {
        username: account.username,
        email: account.email ?? undefined,
        name: account.name,
        passwordOnly: await passwordOnly(account),
      });
      if (!policy.ok) return render(request, reply, account, csrf, policy.reason);
      await setPassword(
        options,
        { kind: 'user', accountId: account.id },
        {
          accountId: account.id,
          passwordHash: await options.hasher.hash(request.body.password),
          origin: requestOrigin(request),
          keepSessionId: login.sessionId,
        },
      );
      return reply.redirect('/account?password=1', 303);
    },
  );
}
