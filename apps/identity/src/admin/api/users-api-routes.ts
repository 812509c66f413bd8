/**
 * The admin API's users (issue 9 §2): the console's operations over REST, each route with its
 * request and response schemas (the OpenAPI document is made from them) and the scope it needs.
 * Every change is the account operation, with the token as its actor (`api:<token id>`).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../../account/account-session.ts';
import { generateAcceptablePassword } from '../../accounts/generate-password.ts';
import type { Actor } from '../../accounts/operations/actor.ts';
import { deleteAccount } from '../../accounts/operations/delete-account.ts';
import { lockAccount } from '../../accounts/operations/lock-account.ts';
import { registerAccount } from '../../accounts/operations/register-account.ts';
import { resetMfa } from '../../accounts/operations/reset-mfa.ts';
import { setMfaRequired } from '../../accounts/operations/set-mfa-required.ts';
import { signOutEverywhere } from '../../accounts/operations/sign-out-everywhere.ts';
import { unlockAccount } from '../../accounts/operations/unlock-account.ts';
import { editProfile } from '../../lifecycle/edit-profile.ts';
import { type AccountRow, findAccountRow, searchAccounts } from '../console-queries.ts';
import type { ConsoleOptions } from '../console-routes.tsx';
import { inviteAndMail } from '../invitation-routes.tsx';

export const User = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    name: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    locked: Type.Boolean(),
    mfaRequired: Type.Boolean({ description: 'required by this account’s own setting' }),
    role: Type.Union([Type.Literal('admin'), Type.Literal('helpdesk'), Type.Null()]),
    methods: Type.Integer({ description: 'active verification methods' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User' },
);
export const ApiError = Type.Object({ error: Type.String(), message: Type.String() });
const UserId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const UserList = Type.Object({ users: Type.Array(User) });
const UsersQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});
const NewUser = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 254 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
    invite: Type.Optional(
      Type.Boolean({
        description: 'no password: the email address is sent a link (7 days) to choose one',
      }),
    ),
  },
  { additionalProperties: false },
);
const Created = Type.Object({
  user: User,
  password: Type.Optional(Type.String({ description: 'the generated password, shown once' })),
});
const UserChange = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(
      Type.Union([Type.String({ maxLength: 254 }), Type.Null()], {
        description: 'null removes the address',
      }),
    ),
  },
  { additionalProperties: false },
);
const MfaRequirement = Type.Object({ required: Type.Boolean() }, { additionalProperties: false });

export function toUser(row: AccountRow): Static<typeof User> {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    email: row.email,
    locked: row.locked === 1,
    mfaRequired: row.mfa_required === 1,
    role: row.role,
    methods: row.methods,
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}

const notFound = (reply: FastifyReply) =>
  reply.status(404).send({ error: 'request.not_found', message: 'No such user.' });

/** The operations a route runs on one account, by its last path segment. */
const actions = {
  lock: (deps: ConsoleOptions, actor: Actor, accountId: string, origin: object) =>
    lockAccount(deps, actor, { accountId, origin }),
  unlock: (deps: ConsoleOptions, actor: Actor, accountId: string, origin: object) =>
    unlockAccount(deps, actor, { accountId, origin }),
  'reset-mfa': (deps: ConsoleOptions, actor: Actor, accountId: string, origin: object) =>
    resetMfa(deps, actor, { accountId, origin }),
  'sign-out': (deps: ConsoleOptions, actor: Actor, accountId: string, origin: object) =>
    signOutEverywhere(deps, actor, { accountId, origin }),
} as const;

export async function usersApiRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;
  const actorOf = (request: { apiToken: { id: string } }): Actor => ({
    kind: 'api',
    tokenId: request.apiToken.id,
  });
  const security = [{ bearer: [] }];

  app.get<{ Querystring: Static<typeof UsersQuery> }>(
    '/admin/api/users',
    {
      config: { apiScope: 'users:read' },
      schema: {
        summary: 'Search users by username, email or name',
        security,
        querystring: UsersQuery,
        response: { 200: UserList },
      },
    },
    async (request) => ({
      users: (
        await searchAccounts(db, request.query.q?.trim() ?? '', request.query.limit ?? 50)
      ).map(toUser),
    }),
  );

  app.get<{ Params: Static<typeof UserId> }>(
    '/admin/api/users/:id',
    {
      config: { apiScope: 'users:read' },
      schema: {
        summary: 'One user',
        security,
        params: UserId,
        response: { 200: User, 404: ApiError },
      },
    },
    async (request, reply) => {
      const row = await findAccountRow(db, request.params.id);
      return row === undefined ? notFound(reply) : toUser(row);
    },
  );

  app.patch<{ Params: Static<typeof UserId>; Body: Static<typeof UserChange> }>(
    '/admin/api/users/:id',
    {
      config: { apiScope: 'users:manage' },
      schema: {
        summary: 'Change the name or the email address (a new address is sent its link)',
        security,
        params: UserId,
        body: UserChange,
        response: { 200: User, 400: ApiError, 404: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      const row = await findAccountRow(db, request.params.id);
      if (row === undefined) return notFound(reply);
      const { name, email } = request.body;
      const origin = requestOrigin(request);
      if (name !== undefined && name.trim() === '')
        return reply.status(400).send({ error: 'accounts.invalid_name', message: 'Empty name.' });
      const edited = await editProfile(options, actorOf(request), {
        accountId: row.id,
        currentName: row.name,
        name: name?.trim(),
        email,
        origin,
      });
      if (!edited.ok)
        return reply
          .status(edited.code === 'accounts.identifier_taken' ? 409 : 400)
          .send({ error: edited.code, message: edited.reason });
      return toUser((await findAccountRow(db, row.id)) as AccountRow);
    },
  );

  app.post<{ Body: Static<typeof NewUser> }>(
    '/admin/api/users',
    {
      config: { apiScope: 'users:manage' },
      schema: {
        summary: 'Create a user (a password is generated unless one is given)',
        security,
        body: NewUser,
        response: { 201: Created, 400: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      const input = {
        username: request.body.username,
        name: request.body.name,
        email: request.body.email,
      };
      const invite = request.body.invite === true;
      if (invite && (input.email === undefined || request.body.password !== undefined))
        return reply.status(400).send({
          error: 'request.invalid',
          message: 'An invitation needs an email address and no password.',
        });
      const password = invite ? null : (request.body.password ?? generateAcceptablePassword(input));
      const created = await registerAccount(options, actorOf(request), {
        ...input,
        password,
        origin: requestOrigin(request),
      });
      if (!created.ok)
        return reply
          .status(created.code === 'accounts.identifier_taken' ? 409 : 400)
          .send({ error: created.code, message: created.reason });
      if (password === null)
        await inviteAndMail(options, actorOf(request), {
          accountId: created.accountId,
          origin: requestOrigin(request),
        });
      const row = (await findAccountRow(db, created.accountId)) as AccountRow;
      return reply.status(201).send({
        user: toUser(row),
        ...(request.body.password === undefined && password !== null ? { password } : {}),
      });
    },
  );

  app.post<{ Params: Static<typeof UserId> }>(
    '/admin/api/users/:id/invitation',
    {
      config: { apiScope: 'users:manage' },
      schema: {
        summary: 'Send an invited user a new link (the earlier one stops working)',
        security,
        params: UserId,
        response: { 200: User, 404: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      const sent = await inviteAndMail(options, actorOf(request), {
        accountId: request.params.id,
        origin: requestOrigin(request),
      });
      if (!sent.ok && sent.reason === 'not_found') return notFound(reply);
      if (!sent.ok)
        return reply.status(409).send({
          error: `invitation.${sent.reason}`,
          message: 'This user is not waiting for an invitation.',
        });
      return toUser((await findAccountRow(db, request.params.id)) as AccountRow);
    },
  );

  app.delete<{ Params: Static<typeof UserId> }>(
    '/admin/api/users/:id',
    {
      config: { apiScope: 'users:manage' },
      schema: {
        summary:
          'Delete a user: its methods, devices, sessions and tokens go; its audit trail is anonymized',
        security,
        params: UserId,
        response: { 204: Type.Null(), 404: ApiError },
      },
    },
    async (request, reply) => {
      const deleted = await deleteAccount(options, actorOf(request), {
        accountId: request.params.id,
        origin: requestOrigin(request),
      });
      return deleted === undefined ? notFound(reply) : reply.status(204).send();
    },
  );

  for (const [name, run] of Object.entries(actions)) {
    app.post<{ Params: Static<typeof UserId> }>(
      `/admin/api/users/:id/${name}`,
      {
        config: { apiScope: 'users:manage' },
        schema: {
          summary: `${name} (an account operation)`,
          security,
          params: UserId,
          response: { 200: User, 404: ApiError },
        },
      },
      async (request, reply) => {
        if ((await findAccountRow(db, request.params.id)) === undefined) return notFound(reply);
        await run(options, actorOf(request), request.params.id, requestOrigin(request));
        return toUser((await findAccountRow(db, request.params.id)) as AccountRow);
      },
    );
  }

  app.put<{ Params: Static<typeof UserId>; Body: Static<typeof MfaRequirement> }>(
    '/admin/api/users/:id/mfa-requirement',
    {
      config: { apiScope: 'users:manage' },
      schema: {
        summary: 'Require MFA for this user, or stop requiring it by its own setting',
        security,
        params: UserId,
        body: MfaRequirement,
        response: { 200: User, 404: ApiError },
      },
    },
    async (request, reply) => {
      if ((await findAccountRow(db, request.params.id)) === undefined) return notFound(reply);
      await setMfaRequired(options, actorOf(request), {
        accountId: request.params.id,
        required: request.body.required,
        origin: requestOrigin(request),
      });
      return toUser((await findAccountRow(db, request.params.id)) as AccountRow);
    },
  );
}
