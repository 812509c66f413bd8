/**
 * The target of the Espace client's « Sécurité » link: the signed-in account's verification
 * methods (each removable, after a fresh second factor) and recent sign-ins. Without a session,
 * it says how to get one.
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { findAccountById } from '../accounts/queries.ts';
import { listAuditEvents } from '../audit/record-audit-event.ts';
import { listActiveAuthenticators } from '../factors/authenticator-queries.ts';
import { describeAuthenticator } from '../factors/describe-authenticator.ts';
import { sessionAccountId } from '../oidc/session-account.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { Layout } from '../ui/layout.tsx';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { AccountPage } from './account-page.tsx';
import { type AccountPagesOptions, removeMethodRoutes } from './remove-method-routes.tsx';

const AccountQuery = Type.Object({ removed: Type.Optional(Type.String({ maxLength: 8 })) });

const eventNames: Record<string, MessageKey> = {
  'sign_in.succeeded': 'account.event.password',
  'sign_in.failed': 'account.event.failed',
  'sign_in.second_factor_succeeded': 'account.event.code',
  'sign_in.second_factor_failed': 'account.event.codeFailed',
  'authenticator.added': 'account.event.added',
  'authenticator.removed': 'account.event.removed',
};

export async function accountRoutes(app: FastifyInstance, options: AccountPagesOptions) {
  const { db } = options;
  await app.register(removeMethodRoutes, options);
  app.get<{ Querystring: Static<typeof AccountQuery> }>(
    '/account',
    { schema: { querystring: AccountQuery } },
    async (request, reply) => {
      const { t } = request.page;
      const accountId = await sessionAccountId(options.provider, request.raw, reply.raw);
      const account = accountId === undefined ? undefined : await findAccountById(db, accountId);
      if (account === undefined) {
        const page = (
          <Layout {...pageBase(request)} title={t('account.title')}>
            <h1>{t('account.title')}</h1>
            <p>{t('account.notSignedIn')}</p>
          </Layout>
        );
        return sendPage(reply, page);
      }
      const [methods, events] = await Promise.all([
        listActiveAuthenticators(db, account.id),
        listAuditEvents(db, { accountId: account.id, limit: 50 }),
      ]);
      const recent = events
        .filter((event) => eventNames[event.type] !== undefined)
        .slice(0, 10)
        .map((event) => ({
          id: event.id,
          at: event.occurred_at,
          ip: event.ip,
          what: t(eventNames[event.type] as MessageKey),
        }));
      const page = (
        <AccountPage
          {...pageBase(request)}
          name={account.name}
          username={account.username}
          methods={methods.map((m) => ({
            id: m.id,
            description: describeAuthenticator(t, m),
            addedAt: m.activated_at ?? m.created_at,
            lastUsedAt: m.last_used_at,
          }))}
          recent={recent}
          removed={request.query.removed === '1'}
        />
      );
      return sendPage(reply, page);
    },
  );
}
