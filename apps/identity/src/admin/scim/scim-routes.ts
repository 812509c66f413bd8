/**
 * SCIM 2.0 for an HR system (issue 9 §2; RFC 7643, RFC 7644): `/scim/v2/Users` — list with the
 * filters provisioning clients send (scim-filter.ts) and paging, read (ETag, If-None-Match),
 * create, replace and patch (`active`, the name; If-Match), with SCIM's error format — and the
 * discovery endpoints. Behind the admin API's gate: a console-made token, `users:read` to read,
 * `users:manage` to change; every change is an account operation with the token as its actor.
 * Deactivating (`active: false`) locks the account and ends its sessions; DELETE deletes it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canonicalizeIdentifier } from '../../accounts/canonical-identifier.ts';
import { generateAcceptablePassword } from '../../accounts/generate-password.ts';
import type { Actor } from '../../accounts/operations/actor.ts';
import { deleteAccount } from '../../accounts/operations/delete-account.ts';
import { lockAccount } from '../../accounts/operations/lock-account.ts';
import { registerAccount } from '../../accounts/operations/register-account.ts';
import { unlockAccount } from '../../accounts/operations/unlock-account.ts';
import { editProfile } from '../../lifecycle/edit-profile.ts';
import { apiGuard } from '../api/api-guard.ts';
import {
  type AccountRow,
  countAccounts,
  findAccountIdByIdentifier,
  findAccountRow,
  searchAccounts,
} from '../console-queries.ts';
import type { ConsoleOptions } from '../console-routes.tsx';
import { scimError, scimType } from './scim-error.ts';
import { parseScimFilter } from './scim-filter.ts';
import { groupResourceType, scimGroupsRoutes } from './scim-groups-routes.ts';
import { scimPaging } from './scim-paging.ts';
import { etagOf, listSchema, patchSchema, toScimUser, userSchema } from './scim-user.ts';

export const scimBase = '/scim/v2';

interface ScimUserInput {
  userName?: unknown;
  name?: { formatted?: unknown; givenName?: unknown; familyName?: unknown };
  displayName?: unknown;
  emails?: Array<{ value?: unknown; primary?: unknown }>;
  active?: unknown;
  password?: unknown;
}

/** The name SCIM sends: `name.formatted`, else given and family names, else `displayName`. */
function nameOf(input: ScimUserInput): string | undefined {
  const { name } = input;
  const joined = [name?.givenName, name?.familyName].filter((p) => typeof p === 'string').join(' ');
  const value = [name?.formatted, joined, input.displayName].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  return value?.trim().slice(0, 200);
}

/** SCIM booleans, as clients send them: true, false, or their strings in any case. */
function booleanOf(value: unknown): unknown {
  if (typeof value === 'string' && /^(true|false)$/i.test(value))
    return value.toLowerCase() === 'true';
  return value;
}

/** What a replace or a patch changes: `email` null removes the address. */
interface ScimChange {
  active?: unknown;
  name?: string;
  email?: string | null;
}

function emailOf(input: ScimUserInput): string | undefined {
  const emails = Array.isArray(input.emails) ? input.emails : [];
  const chosen = emails.find((e) => e?.primary === true) ?? emails[0];
  return typeof chosen?.value === 'string' ? chosen.value : undefined;
}

export async function scimRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;
  const baseUrl = `${options.publicUrl}${scimBase}`;
  const read = { apiScope: 'users:read' as const };
  const manage = { apiScope: 'users:manage' as const };
  const actorOf = (request: FastifyRequest): Actor => ({
    kind: 'api',
    tokenId: request.apiToken.id,
  });
  const origin = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: request.id,
  });
  const send = (reply: FastifyReply, row: AccountRow, status = 200) =>
    reply.status(status).type(scimType).header('etag', etagOf(row)).send(toScimUser(row, baseUrl));

  // SCIM clients send application/scim+json (RFC 7644 §3.1).
  app.addContentTypeParser(
    scimType,
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'ignore'),
  );
  app.addHook('preValidation', apiGuard(options));

  app.get<{ Querystring: { filter?: string; startIndex?: string; count?: string } }>(
    `${scimBase}/Users`,
    { config: read },
    async (request, reply) => {
      const { startIndex, count } = scimPaging(request.query);
      // One page of the accounts, read as such (a filter finds one account at most).
      let page: AccountRow[];
      let total: number;
      if (request.query.filter !== undefined) {
        const filter = parseScimFilter(request.query.filter);
        if (filter === undefined)
          return scimError(
            reply,
            400,
            'Only userName eq and emails.value eq are supported.',
            'invalidFilter',
          );
        const id = await findAccountIdByIdentifier(
          db,
          canonicalizeIdentifier(filter.value),
          filter.attribute === 'userName' ? 'username' : 'email',
        );
        const row = id === undefined ? undefined : await findAccountRow(db, id);
        const rows = row === undefined ? [] : [row];
        total = rows.length;
        page = rows.slice(startIndex - 1, startIndex - 1 + count);
      } else {
        total = await countAccounts(db);
        page = await searchAccounts(db, '', count, startIndex - 1);
      }
      return reply.type(scimType).send({
        schemas: [listSchema],
        totalResults: total,
        startIndex,
        itemsPerPage: page.length,
        Resources: page.map((row) => toScimUser(row, baseUrl)),
      });
    },
  );

  app.get<{ Params: { id: string } }>(
    `${scimBase}/Users/:id`,
    { config: read },
    async (request, reply) => {
      const row = await findAccountRow(db, request.params.id);
      if (row === undefined) return scimError(reply, 404, 'No such user.');
      // RFC 7644 §3.14: the client's copy is current.
      if (request.headers['if-none-match'] === etagOf(row)) return reply.status(304).send();
      return send(reply, row);
    },
  );

  app.post<{ Body: ScimUserInput }>(
    `${scimBase}/Users`,
    { config: manage },
    async (request, reply) => {
      const body = request.body ?? {};
      if (typeof body.userName !== 'string')
        return scimError(reply, 400, 'userName is required.', 'invalidValue');
      const input = { username: body.userName, name: nameOf(body), email: emailOf(body) };
      const password =
        typeof body.password === 'string' ? body.password : generateAcceptablePassword(input);
      const created = await registerAccount(options, actorOf(request), {
        ...input,
        password,
        origin: origin(request),
      });
      if (!created.ok)
        return created.code === 'accounts.identifier_taken'
          ? scimError(reply, 409, 'userName or email already used.', 'uniqueness')
          : scimError(reply, 400, created.reason, 'invalidValue');
      if (body.active === false)
        await lockAccount(options, actorOf(request), {
          accountId: created.accountId,
          origin: origin(request),
        });
      const row = (await findAccountRow(db, created.accountId)) as AccountRow;
      return send(reply.header('location', `${baseUrl}/Users/${row.id}`), row, 201);
    },
  );

  /**
   * Apply the address, `active` and the name to an account, each by its operation, only if they
   * change; the address first, so that one refused leaves everything as it was.
   */
  async function apply(
    request: FastifyRequest,
    reply: FastifyReply,
    row: AccountRow,
    change: ScimChange,
  ) {
    const deps = options;
    const edited = await editProfile(deps, actorOf(request), {
      accountId: row.id,
      currentName: row.name,
      name: change.name,
      email: change.email,
      origin: origin(request),
    });
    if (!edited.ok)
      return edited.code === 'accounts.identifier_taken'
        ? scimError(reply, 409, 'email already used by another user.', 'uniqueness')
        : scimError(reply, 400, edited.reason, 'invalidValue');
    if (change.active === false && row.locked !== 1)
      await lockAccount(deps, actorOf(request), { accountId: row.id, origin: origin(request) });
    if (change.active === true && row.locked === 1)
      await unlockAccount(deps, actorOf(request), { accountId: row.id, origin: origin(request) });
    return send(reply, (await findAccountRow(db, row.id)) as AccountRow);
  }

  /** The account named, if its version is the one the client holds (If-Match, RFC 7644 §3.14). */
  async function current(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
    const row = await findAccountRow(db, request.params.id);
    if (row === undefined) {
      await scimError(reply, 404, 'No such user.');
      return undefined;
    }
    const ifMatch = request.headers['if-match'];
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etagOf(row)) {
      await scimError(reply, 412, 'The user changed since this version.');
      return undefined;
    }
    return row;
  }

  app.put<{ Params: { id: string }; Body: ScimUserInput }>(
    `${scimBase}/Users/:id`,
    { config: manage },
    async (request, reply) => {
      const row = await current(request, reply);
      if (row === undefined) return reply;
      const body = request.body ?? {};
      // userName is the account's sign-in name: not changed by a replace.
      if (
        typeof body.userName === 'string' &&
        canonicalizeIdentifier(body.userName) !== canonicalizeIdentifier(row.username)
      )
        return scimError(reply, 400, 'userName cannot be changed.', 'mutability');
      // Emails left out of a replace are left as they are (HR systems often send none).
      const email = Array.isArray(body.emails) ? (emailOf(body) ?? null) : undefined;
      return apply(request, reply, row, { active: body.active ?? true, name: nameOf(body), email });
    },
  );

  app.patch<{ Params: { id: string }; Body: { schemas?: unknown; Operations?: unknown } }>(
    `${scimBase}/Users/:id`,
    { config: manage },
    async (request, reply) => {
      const row = await current(request, reply);
      if (row === undefined) return reply;
      const { schemas, Operations } = request.body ?? {};
      if (!Array.isArray(schemas) || !schemas.includes(patchSchema) || !Array.isArray(Operations))
        return scimError(reply, 400, 'A PatchOp message is expected.', 'invalidSyntax');
      const change: ScimChange = {};
      for (const operation of Operations as Array<{
        op?: string;
        path?: string;
        value?: unknown;
      }>) {
        const op = String(operation.op ?? '').toLowerCase();
        if (op !== 'replace' && op !== 'add')
          return scimError(reply, 400, `Operation ${op} is not supported.`, 'invalidSyntax');
        // Either a path and its value, or an object of attributes (RFC 7644 §3.5.2.3).
        const values: Record<string, unknown> =
          operation.path === undefined
            ? ((operation.value as Record<string, unknown>) ?? {})
            : { [operation.path]: operation.value };
        for (const [path, value] of Object.entries(values)) {
          const key = path.toLowerCase();
          if (key === 'active') change.active = booleanOf(value);
          else if (key === 'displayname' || key === 'name.formatted')
            change.name = String(value).trim().slice(0, 200);
          else if (key === 'name' && typeof value === 'object')
            change.name = nameOf({ name: value as ScimUserInput['name'] });
          else if (key === 'emails')
            change.email = emailOf({ emails: value as ScimUserInput['emails'] }) ?? null;
          // The primary or work address's value (Entra ID and Okta write it so).
          else if (/^emails\[[^\]]*\]\.value$/.test(key))
            change.email = typeof value === 'string' ? value : null;
          else return scimError(reply, 400, `${path} cannot be changed here.`, 'mutability');
        }
        if (change.active !== undefined && typeof change.active !== 'boolean')
          return scimError(reply, 400, 'active must be true or false.', 'invalidValue');
      }
      return apply(request, reply, row, change);
    },
  );

  // RFC 7644 §3.6: the account is deleted (deleteAccount), 204; a second DELETE finds nothing.
  app.delete<{ Params: { id: string } }>(
    `${scimBase}/Users/:id`,
    { config: manage },
    async (request, reply) => {
      if ((await current(request, reply)) === undefined) return reply;
      const deleted = await deleteAccount(options, actorOf(request), {
        accountId: request.params.id,
        origin: origin(request),
      });
      return deleted === undefined
        ? scimError(reply, 404, 'No such user.')
        : reply.status(204).send();
    },
  );

  // Groups (scim-groups-routes.ts), in this context: its parser and its gate.
  await app.register(scimGroupsRoutes, options);

  // Discovery (RFC 7644 §4): what this service provider does.
  app.get(`${scimBase}/ServiceProviderConfig`, { config: read }, async (_request, reply) =>
    reply.type(scimType).send({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: true },
      authenticationSchemes: [
        {
          type: 'oauthbearertoken',
          name: 'Bearer token',
          description: 'A token made in the administration console.',
        },
      ],
    }),
  );
  app.get(`${scimBase}/ResourceTypes`, { config: read }, async (_request, reply) =>
    reply.type(scimType).send({
      schemas: [listSchema],
      totalResults: 2,
      Resources: [
        {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
          id: 'User',
          name: 'User',
          endpoint: '/Users',
          schema: userSchema,
        },
        groupResourceType,
      ],
    }),
  );
}
