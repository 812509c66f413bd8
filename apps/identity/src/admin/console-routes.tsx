/**
 * The administration console (issue 9 §1), under `/admin`: its sign-in (an OIDC client of Sesame,
 * console-sign-in-routes.ts), then every page behind one gate (console-guard.ts). The help desk
 * finds accounts and acts on them through the account operations, with the administrator as the
 * actor of each audit record.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import type { Actor } from '../accounts/operations/actor.ts';
import { lockAccount } from '../accounts/operations/lock-account.ts';
import { resetMfa } from '../accounts/operations/reset-mfa.ts';
import { setMfaRequired } from '../accounts/operations/set-mfa-required.ts';
import { signOutEverywhere } from '../accounts/operations/sign-out-everywhere.ts';
import { unlockAccount } from '../accounts/operations/unlock-account.ts';
import type { PasswordHasher } from '../accounts/password-hasher.ts';
import { listAuditEvents } from '../audit/record-audit-event.ts';
import type { ConfiguredApplication } from '../clients/client-queries.ts';
import { AppError } from '../errors.ts';
import { listActiveAuthenticators } from '../factors/authenticator-queries.ts';
import { describeAuthenticator } from '../factors/describe-authenticator.ts';
import { isInvitationPending } from '../lifecycle/invitation.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { KeyRotationDeps } from '../oidc/rotate-signing-key.ts';
import { readMfaStanding } from '../policy/mfa-policy.ts';
import { readMfaPolicy } from '../policy/mfa-policy-settings.ts';
import type { SecretBox } from '../security/secret-box.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { Layout } from '../ui/layout.tsx';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { adminApiRoutes } from './api/admin-api-routes.ts';
import { apiTokensRoutes } from './api-tokens-routes.tsx';
import { applicationsRoutes } from './applications-routes.tsx';
import { auditLogRoutes } from './audit-log-routes.tsx';
import { consoleClientId, consolePaths } from './console-client.ts';
import { type ConsoleGuardOptions, consoleGuard } from './console-guard.ts';
import { actorUsernames, findAccountRow, searchAccounts } from './console-queries.ts';
import { type ConsoleSignInOptions, consoleSignInRoutes } from './console-sign-in-routes.ts';
import { deleteUserRoutes } from './delete-user-routes.tsx';
import { editUserRoutes } from './edit-user-routes.tsx';
import { groupsRoutes } from './groups-routes.tsx';
import { invitationConsoleRoutes } from './invitation-routes.tsx';
import { methodRemovalRoutes } from './method-removal-routes.ts';
import { newUserRoutes } from './new-user-routes.tsx';
import { organizationRoutes } from './organization-routes.tsx';
import { policyRoutes } from './policy-routes.tsx';
import { scimRoutes } from './scim/scim-routes.ts';
import { signingKeysRoutes } from './signing-keys-routes.tsx';
import { temporaryAccessRoutes } from './temporary-access-routes.tsx';
import { type UserAction, UserPage } from './user-page.tsx';
import { UsersPage } from './users-page.tsx';

export interface ConsoleOptions extends ConsoleSignInOptions, ConsoleGuardOptions {
  now: () => number;
  /** A new account's password hash. */
  hasher: PasswordHasher;
  /** A new account's verification link. */
  mailer: Mailer;
  /**
   * The keyed hash of a temporary access code; the sealed secrets of client applications; the
   * sealing of a new signing key.
   */
  box: SecretBox;
  /** The applications of the configuration, shown read only beside those of the database. */
  configuredClients: readonly ConfiguredApplication[];
  /** « Renouveler la clé » (ADR 0014): how long ahead a key is published, who is told. */
  keyRotation: Pick<KeyRotationDeps, 'publishAheadMs' | 'announce'>;
}

const UsersQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) });
const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const UserQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 32 })) });
const ActionBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  required: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
});
type ActionRequest = FastifyRequest<{
  Params: Static<typeof UserParams>;
  Body: Static<typeof ActionBody>;
}>;

/** What each action does, and what the page says once it is done. */
const actions: Record<
  UserAction,
  (deps: ConsoleOptions, actor: Actor, request: ActionRequest) => Promise<MessageKey>
> = {
  lock: async (deps, actor, request) => {
    await lockAccount(deps, actor, target(request));
    return 'admin.done.locked';
  },
  unlock: async (deps, actor, request) => {
    await unlockAccount(deps, actor, target(request));
    return 'admin.done.unlocked';
  },
  'require-mfa': async (deps, actor, request) => {
    const required = request.body.required !== 'off';
    await setMfaRequired(deps, actor, { ...target(request), required });
    return required ? 'admin.done.mfaRequired' : 'admin.done.mfaNotRequired';
  },
  'reset-mfa': async (deps, actor, request) => {
    await resetMfa(deps, actor, target(request));
    return 'admin.done.mfaReset';
  },
  'sign-out': async (deps, actor, request) => {
    await signOutEverywhere(deps, actor, target(request));
    return 'admin.done.signedOut';
  },
};

const target = (request: ActionRequest) => ({
  accountId: request.params.id,
  origin: requestOrigin(request),
});

const doneKeys = new Set<string>(
  [
    'locked',
    'unlocked',
    'mfaRequired',
    'mfaNotRequired',
    'mfaReset',
    'signedOut',
    'methodRemoved',
    'profileSaved',
    'emailChanged',
    'invitationSent',
  ].map((key) => `admin.done.${key}`),
);

export async function consoleRoutes(app: FastifyInstance, options: ConsoleOptions) {
  await app.register(consoleSignInRoutes, options);
  app.get(consolePaths.signedOut, async (request, reply) => {
    const { t } = request.page;
    return sendPage(
      reply,
      <Layout {...pageBase(request)} title={t('admin.title')}>
        <h1>{t('admin.title')}</h1>
        <p role="status">{t('admin.signedOut')}</p>
        <p>
          <a class="button" href={consolePaths.signIn}>
            {t('admin.signInAgain')}
          </a>
        </p>
      </Layout>,
    );
  });
  // The admin API: a gate of its own (bearer tokens, scopes), not the console's.
  await app.register(adminApiRoutes, options);
  await app.register(scimRoutes, options);
  await app.register(guardedRoutes, options);
}

async function guardedRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;
  app.addHook('preValidation', consoleGuard(options));
  const helpdesk = { adminRole: 'helpdesk' as const };
  // Administrators only unless a route opens itself to the help desk (`config.adminRole`).
  await app.register(auditLogRoutes, options);
  await app.register(apiTokensRoutes, options);
  await app.register(applicationsRoutes, options);
  await app.register(newUserRoutes, options);
  await app.register(temporaryAccessRoutes, options);
  await app.register(methodRemovalRoutes, options);
  await app.register(editUserRoutes, options);
  await app.register(signingKeysRoutes, options);
  await app.register(organizationRoutes, options);
  await app.register(deleteUserRoutes, options);
  await app.register(invitationConsoleRoutes, options);
  await app.register(groupsRoutes, options);
  await app.register(policyRoutes, options);

  app.get(consolePaths.home, { config: helpdesk }, async (_request, reply) =>
    reply.redirect(`${consolePaths.home}/users`, 303),
  );

  app.get<{ Querystring: Static<typeof UsersQuery> }>(
    '/admin/users',
    { config: helpdesk, schema: { querystring: UsersQuery } },
    async (request, reply) => {
      const query = (request.query.q ?? '').trim();
      const accounts = await searchAccounts(db, query, 50);
      return sendPage(
        reply,
        <UsersPage
          {...pageBase(request)}
          admin={request.admin}
          query={query}
          accounts={accounts}
        />,
      );
    },
  );

  app.get<{ Params: Static<typeof UserParams>; Querystring: Static<typeof UserQuery> }>(
    '/admin/users/:id',
    { config: helpdesk, schema: { params: UserParams, querystring: UserQuery } },
    async (request, reply) => {
      const { t } = request.page;
      const account = await findAccountRow(db, request.params.id);
      if (account === undefined) throw new AppError('request.not_found');
      const [methods, events, orgMfaRequired, invitationPending, policy] = await Promise.all([
        listActiveAuthenticators(db, account.id),
        listAuditEvents(db, { accountId: account.id, limit: 50 }),
        // Required by the organization's policy (everyone, or a group of the account's).
        readMfaStanding(db, account.id).then((standing) => standing.required),
        isInvitationPending(db, account.id),
        readMfaPolicy(db),
      ]);
      const done = request.query.done ? `admin.done.${request.query.done}` : undefined;
      return sendPage(
        reply,
        <UserPage
          {...pageBase(request)}
          admin={request.admin}
          account={account}
          orgMfaRequired={orgMfaRequired}
          mfaByGroup={policy.appliesTo === 'groups'}
          invitationPending={invitationPending}
          methods={methods.map((m) => ({
            id: m.id,
            description: describeAuthenticator(t, m),
            addedAt: m.activated_at ?? m.created_at,
            lastUsedAt: m.last_used_at,
          }))}
          events={events}
          actors={await actorUsernames(db, events)}
          done={done !== undefined && doneKeys.has(done) ? (done as MessageKey) : undefined}
        />,
      );
    },
  );

  for (const [name, run] of Object.entries(actions)) {
    app.post<{ Params: Static<typeof UserParams>; Body: Static<typeof ActionBody> }>(
      `/admin/users/:id/${name}`,
      { config: helpdesk, schema: { params: UserParams, body: ActionBody } },
      async (request, reply) => {
        const account = await findAccountRow(db, request.params.id);
        if (account === undefined) throw new AppError('request.not_found');
        const actor: Actor = { kind: 'admin', accountId: request.admin.accountId };
        const done = await run(options, actor, request);
        const notice = done.slice('admin.done.'.length);
        return reply.redirect(`/admin/users/${account.id}?done=${notice}`, 303);
      },
    );
  }

  // Signing out of the console ends the provider session (RP-initiated logout).
  app.post('/admin/sign-out', { config: helpdesk }, async (_request, reply) => {
    const end = new URLSearchParams({
      client_id: consoleClientId,
      post_logout_redirect_uri: `${options.publicUrl}${consolePaths.signedOut}`,
    });
    return reply.redirect(`${new URL(options.issuer).pathname}/session/end?${end}`, 303);
  });
}
