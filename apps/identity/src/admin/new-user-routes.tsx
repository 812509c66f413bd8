/**
 * Creating a client's account from the console: `registerAccount` with the administrator as the
 * actor, a generated password shown once (never stored but as its hash), and the verification
 * link mailed to the address given, if any — or, « Inviter par courriel », no password and a link
 * mailed to choose one (lifecycle/invitation.ts).
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import { generateAcceptablePassword } from '../accounts/generate-password.ts';
import { registerAccount } from '../accounts/operations/register-account.ts';
import { sendVerificationLink } from '../mail/email-verification.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import type { ConsoleOptions } from './console-routes.tsx';
import { inviteAndMail } from './invitation-routes.tsx';
import { NewUserPage, UserCreatedPage, UserInvitedPage } from './new-user-page.tsx';

const NewUserBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  username: Type.String({ maxLength: 254 }),
  name: Type.Optional(Type.String({ maxLength: 200 })),
  email: Type.Optional(Type.String({ maxLength: 254 })),
  /** `invite`: no password; the address is mailed a link to choose one (lifecycle/). */
  mode: Type.Optional(Type.Union([Type.Literal('password'), Type.Literal('invite')])),
});

const problems: Record<string, MessageKey> = {
  'accounts.invalid_username': 'admin.newUser.invalidUsername',
  'accounts.invalid_email': 'admin.newUser.invalidEmail',
  'accounts.identifier_taken': 'admin.newUser.taken',
  'accounts.email_required': 'admin.invite.emailRequired',
};

export async function newUserRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const helpdesk = { adminRole: 'helpdesk' as const };
  const empty = { username: '', name: '', email: '', mode: 'password' as const };

  app.get('/admin/users/new', { config: helpdesk }, async (request, reply) =>
    sendPage(
      reply,
      <NewUserPage {...pageBase(request)} admin={request.admin} form={empty} problem={undefined} />,
    ),
  );

  app.post<{ Body: Static<typeof NewUserBody> }>(
    '/admin/users/new',
    { config: helpdesk, schema: { body: NewUserBody } },
    async (request, reply) => {
      const form = {
        username: request.body.username.trim(),
        name: request.body.name?.trim() ?? '',
        email: request.body.email?.trim() ?? '',
        mode: request.body.mode ?? 'password',
      };
      const input = {
        username: form.username,
        name: form.name || undefined,
        email: form.email || undefined,
      };
      const actor = { kind: 'admin' as const, accountId: request.admin.accountId };
      const invite = form.mode === 'invite';
      const password = invite ? null : generateAcceptablePassword(input);
      const created =
        invite && input.email === undefined
          ? ({ ok: false, code: 'accounts.email_required' } as const)
          : await registerAccount(options, actor, {
              ...input,
              password,
              origin: requestOrigin(request),
            });
      if (!created.ok) {
        const page = (
          <NewUserPage
            {...pageBase(request)}
            admin={request.admin}
            form={form}
            problem={problems[created.code] ?? 'errors.invalidRequest'}
          />
        );
        return sendPage(reply, page, 400);
      }
      if (password === null) {
        const origin = requestOrigin(request);
        await inviteAndMail(options, actor, { accountId: created.accountId, origin });
        const page = (
          <UserInvitedPage
            {...pageBase(request)}
            admin={request.admin}
            accountId={created.accountId}
            username={form.username}
            email={form.email}
          />
        );
        return sendPage(reply, page);
      }
      // Mail goes only to a verified address: the new one is sent its link at once.
      const sent =
        input.email === undefined
          ? 'no_email'
          : await sendVerificationLink(options, created.accountId);
      return sendPage(
        reply,
        <UserCreatedPage
          {...pageBase(request)}
          admin={request.admin}
          accountId={created.accountId}
          username={form.username}
          password={password}
          verificationSent={sent === 'sent'}
        />,
      );
    },
  );
}
