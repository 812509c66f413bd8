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
import type { AccountPageDeps, Authenticator } from '../factors/factor.ts';
import { factorOfKind, factors } from '../factors/index.ts';
import { sessionAccountId, sessionLogin } from '../oidc/session-account.ts';
import { methodAllowed, readMfaPolicy } from '../policy/mfa-policy-settings.ts';
import { listRememberedBrowsers } from '../remember-browser/queries.ts';
import { csrfToken, isCsrfSafe } from '../security/csrf.ts';
import type { MessageKey, Translate } from '../ui/i18n/messages.ts';
import { Layout } from '../ui/layout.tsx';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { AccountPage } from './account-page.tsx';
import { accountCsrf } from './account-session.ts';
import { changePasswordRoutes } from './change-password-routes.tsx';
import { recentActivity } from './recent-activity.ts';
import { type AccountPagesOptions, removeMethodRoutes } from './remove-method-routes.tsx';
import { renameMethodRoutes } from './rename-method-routes.tsx';
import type { DoneNotice } from './security-sections.tsx';
import { signOutEverywhereRoutes } from './sign-out-everywhere-routes.tsx';
import { addMethodReturn } from './step-up-host.ts';
import { freshStepUp } from './step-up-proof.ts';

const Flag = Type.Optional(Type.String({ maxLength: 8 }));
const AccountQuery = Type.Object({
  removed: Flag,
  added: Flag,
  renamed: Flag,
  password: Flag,
  forgotten: Flag,
});

/** The one thing the page was sent back to say (security-sections.tsx). */
function doneOf(query: Static<typeof AccountQuery>): DoneNotice | undefined {
  const done = (['added', 'renamed', 'password', 'forgotten'] as const).find(
    (k) => query[k] === '1',
  );
  return done;
}

const eventNames: Record<string, MessageKey> = {
  'sign_in.succeeded': 'account.event.password',
  'sign_in.failed': 'account.event.failed',
  'sign_in.second_factor_succeeded': 'account.event.code',
  'sign_in.second_factor_failed': 'account.event.codeFailed',
  'authenticator.added': 'account.event.added',
  'authenticator.removed': 'account.event.removed',
  // The security page's own (issue 8 §4, §5).
  'sign_in.remembered_browser': 'account.event.rememberedBrowser',
  'authenticator.renamed': 'account.event.renamed',
  'account.password_changed': 'account.event.passwordChanged',
  'remembered_browser.added': 'account.event.browserRemembered',
  'remembered_browser.revoked': 'account.event.browserForgotten',
  'recovery_code.used': 'account.event.recoveryCodeUsed',
  'recovery_codes.generated': 'account.event.recoveryCodesGenerated',
};

/** What the methods' own pages on the security page are lent (factors/factor.ts). */
function accountPageDeps(options: AccountPagesOptions): AccountPageDeps {
  const { db, now, cookies, csrfKey, publicOrigin } = options;
  return {
    db,
    now,
    argon2: options.argon2,
    signedIn: (request, reply) => sessionAccountId(options.provider, request.raw, reply.raw),
    freshProof: (request, accountId, purpose) =>
      freshStepUp(db, request, cookies, accountId, now(), purpose),
    csrf: (binding) => csrfToken(csrfKey, binding),
    csrfSafe: (request, binding, token) =>
      isCsrfSafe(request, { key: csrfKey, binding, publicOrigin, token }),
  };
}

/** What a method its owner renamed is (its registry title), said under the name they gave it. */
function kindOfRenamed(method: Authenticator, t: Translate): string | undefined {
  const factor = factorOfKind(method.kind);
  return method.renamed_at == null || factor === undefined ? undefined : t(factor.title);
}

/** Each method's lines beyond its name, and the methods to add from here (their own pages). */
async function methodLines(options: AccountPagesOptions, methods: Authenticator[], t: Translate) {
  const lines = await Promise.all(
    methods.map(async (m) => ({
      id: m.id,
      description: describeAuthenticator(t, m),
      kind: kindOfRenamed(m, t),
      addedAt: m.activated_at ?? m.created_at,
      lastUsedAt: m.last_used_at,
      summary: await factorOfKind(m.kind)?.account?.summary(options, m, t),
    })),
  );
  const kinds = new Set(methods.map((m) => m.kind));
  // Not a method the MFA policy does not allow (ADR 0013).
  const { methods: rules } = await readMfaPolicy(options.db);
  const offers = factors.flatMap((factor) =>
    factor.account?.offer !== undefined &&
    !kinds.has(factor.kind) &&
    methods.length > 0 &&
    methodAllowed(rules, factor.kind)
      ? [{ href: factor.account.offer.href, label: t(factor.account.offer.label) }]
      : [],
  );
  return { lines, offers };
}

export async function accountRoutes(app: FastifyInstance, options: AccountPagesOptions) {
  const { db } = options;
  await app.register(removeMethodRoutes, options);
  await app.register(renameMethodRoutes, options);
  await app.register(changePasswordRoutes, options);
  await app.register(signOutEverywhereRoutes, options);
  const lent = accountPageDeps(options);
  for (const factor of factors) if (factor.account) await app.register(factor.account.routes, lent);
  app.get<{ Querystring: Static<typeof AccountQuery> }>(
    '/account',
    { schema: { querystring: AccountQuery } },
    async (request, reply) => {
      const { t } = request.page;
      const login = await sessionLogin(options.provider, request.raw, reply.raw);
      const account = login === undefined ? undefined : await findAccountById(db, login.accountId);
      if (login === undefined || account === undefined) {
        const page = (
          <Layout {...pageBase(request)} title={t('account.title')}>
            <h1>{t('account.title')}</h1>
            <p>{t('account.notSignedIn')}</p>
          </Layout>
        );
        return sendPage(reply, page);
      }
      const [methods, events, browsers] = await Promise.all([
        listActiveAuthenticators(db, account.id),
        listAuditEvents(db, { accountId: account.id, limit: 50 }),
        listRememberedBrowsers(db, account.id, options.now()),
      ]);
      const lines = await methodLines(options, methods, t);
      const recent = await recentActivity(events, eventNames, t, async (clientId) => {
        const client = await options.provider.Client.find(clientId);
        return client?.clientName ?? clientId;
      });
      const page = (
        <AccountPage
          {...pageBase(request)}
          name={account.name}
          username={account.username}
          methods={lines.lines}
          offers={lines.offers}
          recent={recent}
          removed={request.query.removed === '1'}
          done={doneOf(request.query)}
          csrf={accountCsrf(options, login)}
          addMethodHref={`/account/step-up?return=${encodeURIComponent(addMethodReturn)}`}
          browsers={browsers.map((b) => ({
            id: b.id,
            browser: b.browser,
            system: b.system,
            createdAt: b.created_at,
            lastUsedAt: b.last_used_at,
            expiresAt: b.expires_at,
          }))}
        />
      );
      return sendPage(reply, page);
    },
  );
}
