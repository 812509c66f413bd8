/**
 * GET /email/verify?token=…: the link mailed to an address shows a button (opening a link must
 * not verify by itself: mail scanners open links); POST /email/verify takes the token once.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import type { Database } from '../db/database.ts';
import { checkFormToken, type FormBindingOptions, formToken } from '../security/form-binding.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { findUsableEmailToken } from './email-token-queries.ts';
import { verifyEmailPath, verifyEmailWithToken } from './email-verification.ts';
import { EmailVerificationPage } from './email-verification-page.tsx';

export const TokenField = Type.String({ maxLength: 128, pattern: '^[A-Za-z0-9_-]*$' });
const VerifyQuery = Type.Object({ token: Type.Optional(TokenField) });
const VerifyBody = Type.Object({
  token: TokenField,
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
});

export interface EmailLinkRoutesOptions extends FormBindingOptions {
  db: Kysely<Database>;
  now: () => number;
}

export async function emailVerificationRoutes(
  app: FastifyInstance,
  options: EmailLinkRoutesOptions,
) {
  const render = (
    request: FastifyRequest,
    reply: FastifyReply,
    state: 'confirm' | 'done' | 'invalid',
    token = '',
    email?: string,
  ) => {
    const page = (
      <EmailVerificationPage
        {...pageBase(request)}
        state={state}
        action={verifyEmailPath}
        token={token}
        csrf={formToken(options, request, reply)}
        {...(email === undefined ? {} : { email })}
      />
    );
    return sendPage(reply, page, state === 'invalid' ? 400 : 200);
  };

  app.get<{ Querystring: Static<typeof VerifyQuery> }>(
    verifyEmailPath,
    { schema: { querystring: VerifyQuery } },
    async (request, reply) => {
      const token = request.query.token ?? '';
      const usable = await findUsableEmailToken(options.db, token, 'verify_email', options.now());
      if (usable === undefined) return render(request, reply, 'invalid');
      return render(request, reply, 'confirm', token, usable.email);
    },
  );

  app.post<{ Body: Static<typeof VerifyBody> }>(
    verifyEmailPath,
    { schema: { body: VerifyBody } },
    async (request, reply) => {
      checkFormToken(options, request, request.body.csrf);
      const origin = requestOrigin(request);
      const accountId = await verifyEmailWithToken(options, request.body.token, {
        locale: request.page.locale,
        audit: origin,
      });
      return render(request, reply, accountId === undefined ? 'invalid' : 'done');
    },
  );
}
