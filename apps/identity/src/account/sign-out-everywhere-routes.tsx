/**
 * « Se déconnecter partout » from the security page: the account operation ends every session
 * of the account — this browser's too —, its grants and tokens, its sign-ins and step-ups in
 * progress and its remembered browsers (G-28), audited with the user as actor; then the page says
 * so. « Oublier cet appareil »: one remembered browser revoked, audited.
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { signOutEverywhere } from '../accounts/operations/sign-out-everywhere.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { revokeRememberedBrowser } from '../remember-browser/queries.ts';
import { opaqueIdPattern } from '../sign-in/interaction-params.ts';
import { Layout } from '../ui/layout.tsx';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { accountPost, requestOrigin } from './account-session.ts';
import type { AccountPagesOptions } from './remove-method-routes.tsx';

const CsrfBody = Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 128 })) });
const BrowserParams = Type.Object({ id: Type.String({ pattern: opaqueIdPattern }) });

export async function signOutEverywhereRoutes(app: FastifyInstance, options: AccountPagesOptions) {
  const { db, now } = options;

  app.post<{ Body: Static<typeof CsrfBody> }>(
    '/account/sign-out-everywhere',
    { schema: { body: CsrfBody } },
    async (request, reply) => {
      const login = await accountPost(options, request, reply);
      if (login === undefined) return reply.redirect('/account', 303);
      const { accountId } = login;
      await signOutEverywhere(
        options,
        { kind: 'user', accountId },
        { accountId, origin: requestOrigin(request) },
      );
      const { t } = request.page;
      const page = (
        <Layout {...pageBase(request)} path="/account" title={t('account.signedOut.title')}>
          <h1>{t('account.signedOut.title')}</h1>
          <p role="status">{t('account.signedOut.body')}</p>
          <p>
            <a class="button" href="/account">
              {t('account.signedOut.back')}
            </a>
          </p>
        </Layout>
      );
      return sendPage(reply, page);
    },
  );

  app.post<{ Params: Static<typeof BrowserParams>; Body: Static<typeof CsrfBody> }>(
    '/account/browsers/:id/forget',
    { schema: { params: BrowserParams, body: CsrfBody } },
    async (request, reply) => {
      const login = await accountPost(options, request, reply);
      if (login === undefined) return reply.redirect('/account', 303);
      const { accountId } = login;
      const { id } = request.params;
      await db.transaction().execute(async (trx) => {
        // Another account's, or revoked already: nothing to record.
        if (!(await revokeRememberedBrowser(trx, { accountId, id, nowMs: now() }))) return;
        const event = { type: 'remembered_browser.revoked' as const, accountId, reason: id };
        const actor = `user:${accountId}`;
        await recordAuditEvent(trx, { ...event, ...requestOrigin(request), actor }, now());
      });
      return reply.redirect('/account?forgotten=1', 303);
    },
  );
}
