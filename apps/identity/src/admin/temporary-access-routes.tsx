/**
 * « Émettre un code d'accès temporaire »: the help desk gives a client who lost their phone a code
 * to sign in once and enroll again (issue 9 §1). Shown once, on a page no cache keeps.
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import { formatWhen } from '../account/format-when.ts';
import { issueTemporaryAccessCode } from '../accounts/operations/issue-temporary-access-code.ts';
import { AppError } from '../errors.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { ConsoleLayout } from './console-layout.tsx';
import { findAccountRow } from './console-queries.ts';
import type { ConsoleOptions } from './console-routes.tsx';

const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const CsrfBody = Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 128 })) });

export async function temporaryAccessRoutes(app: FastifyInstance, options: ConsoleOptions) {
  app.post<{ Params: Static<typeof UserParams>; Body: Static<typeof CsrfBody> }>(
    '/admin/users/:id/access-code',
    { config: { adminRole: 'helpdesk' }, schema: { params: UserParams, body: CsrfBody } },
    async (request, reply) => {
      const { t, locale } = request.page;
      const account = await findAccountRow(options.db, request.params.id);
      if (account === undefined) throw new AppError('request.not_found');
      const { code, expiresAt } = await issueTemporaryAccessCode(
        options,
        { kind: 'admin', accountId: request.admin.accountId },
        { accountId: account.id, origin: requestOrigin(request) },
      );
      const page = (
        <ConsoleLayout {...pageBase(request)} admin={request.admin} title={t('admin.tac.title')}>
          <h1>{t('admin.tac.title')}</h1>
          <p role="status">
            {t('admin.tac.intro', {
              username: account.username,
              until: formatWhen(locale, expiresAt),
            })}
          </p>
          <p class="secret">
            <code data-testid="access-code">{code}</code>
          </p>
          <p class="alert warning">{t('admin.tac.shownOnce')}</p>
          <p>
            <a class="button secondary" href={`/admin/users/${account.id}`}>
              {t('admin.tac.back')}
            </a>
          </p>
        </ConsoleLayout>
      );
      return sendPage(reply, page);
    },
  );
}
