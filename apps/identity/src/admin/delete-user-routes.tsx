/**
 * « Supprimer le compte » from the console (administrators only, not the help desk): a page that
 * says what goes and asks to confirm, then `deleteAccount` with the administrator as the actor.
 * An administrator does not delete their own account here (the CLI can).
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import { deleteAccount } from '../accounts/operations/delete-account.ts';
import { AppError } from '../errors.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { ConsoleLayout } from './console-layout.tsx';
import { findAccountRow } from './console-queries.ts';
import type { ConsoleOptions } from './console-routes.tsx';

const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const CsrfBody = Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 128 })) });

export async function deleteUserRoutes(app: FastifyInstance, options: ConsoleOptions) {
  app.get<{ Params: Static<typeof UserParams> }>(
    '/admin/users/:id/delete',
    { schema: { params: UserParams } },
    async (request, reply) => {
      const { t } = request.page;
      const account = await findAccountRow(options.db, request.params.id);
      if (account === undefined) throw new AppError('request.not_found');
      const self = account.id === request.admin.accountId;
      return sendPage(
        reply,
        <ConsoleLayout {...pageBase(request)} admin={request.admin} title={t('admin.delete.title')}>
          <p>
            <a href={`/admin/users/${account.id}`}>← {t('admin.tac.back')}</a>
          </p>
          <h1>{t('admin.delete.title')}</h1>
          {self ? (
            <p class="alert error" role="alert">
              {t('admin.delete.notSelf')}
            </p>
          ) : (
            <>
              <p>{t('admin.delete.intro', { username: account.username })}</p>
              <p class="alert warning">{t('admin.delete.irreversible')}</p>
              <form method="post" action={`/admin/users/${account.id}/delete`}>
                <input type="hidden" name="csrf" value={request.admin.csrf} />
                <button type="submit" class="button danger">
                  {t('admin.delete.confirm', { username: account.username })}
                </button>
              </form>
            </>
          )}
        </ConsoleLayout>,
      );
    },
  );

  app.post<{ Params: Static<typeof UserParams>; Body: Static<typeof CsrfBody> }>(
    '/admin/users/:id/delete',
    { schema: { params: UserParams, body: CsrfBody } },
    async (request, reply) => {
      const { t } = request.page;
      if (request.params.id === request.admin.accountId) throw new AppError('admin.forbidden');
      const deleted = await deleteAccount(
        options,
        { kind: 'admin', accountId: request.admin.accountId },
        { accountId: request.params.id, origin: requestOrigin(request) },
      );
      if (deleted === undefined) throw new AppError('request.not_found');
      return sendPage(
        reply,
        <ConsoleLayout {...pageBase(request)} admin={request.admin} title={t('admin.delete.done')}>
          <h1>{t('admin.delete.done')}</h1>
          <p role="status">{t('admin.delete.doneIntro', { username: deleted.username })}</p>
          <p>
            <a class="button secondary" href="/admin/users">
              {t('admin.user.back')}
            </a>
          </p>
        </ConsoleLayout>,
      );
    },
  );
}
