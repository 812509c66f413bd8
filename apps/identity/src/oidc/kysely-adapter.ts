/**
 * oidc-provider's storage seam (Adapter: upsert, find, findByUid, findByUserCode, consume,
 * destroy, revokeByGrantId) on Kysely, so codes, grants and sessions survive a restart and are
 * shared by every identity instance. One table, keyed by (model, id).
 */

import type { CompiledQuery, Kysely } from 'kysely';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { Database } from '../db/database.ts';
import { isPostgres } from '../db/dialect.ts';
import { preparedQuery, slot } from '../db/prepared-query.ts';
import { currentWriteBatch, type QueuedSave } from './write-batch.ts';

const grantable = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/**
 * The account a record belongs to, for revocation (G-28, G-41): sessions, grants and tokens name
 * it; an interaction names it in its result once the sign-in's steps are done — a finished
 * sign-in not yet resumed is the account's too, and must end with a lock or a new password.
 */
function accountOf(payload: AdapterPayload): string | null {
  const result = payload.result as { login?: { accountId?: unknown } } | undefined;
  const fromResult = result?.login?.accountId;
  return payload.accountId ?? (typeof fromResult === 'string' ? fromResult : null);
}

export function createKyselyAdapterFactory(db: Kysely<Database>, now: () => number) {
  return (model: string): Adapter => createKyselyAdapter(db, model, now);
}

interface ModelRow {
  id: string;
  payload: string;
  expires_at: number | null;
  consumed_at: number | null;
}

/** The model's statements, compiled once (db/prepared-query.ts): ≈ 15 of an MFA sign-in's. */
function modelQueries(db: Kysely<Database>, model: string) {
  const findBy = (column: 'id' | 'uid' | 'user_code') =>
    preparedQuery(
      db
        .selectFrom('oidc_models')
        .select(['id', 'payload', 'expires_at', 'consumed_at'])
        .where('model', '=', model)
        .where(column, '=', slot<string>('value')),
      ['value'],
    );
  // The columns a save writes, and their parameters in that order.
  const saved = {
    payload: slot<string>('payload'),
    grant_id: slot<string | null>('grant_id'),
    user_code: slot<string | null>('user_code'),
    uid: slot<string | null>('uid'),
    account_id: slot<string | null>('account_id'),
    expires_at: slot<number | null>('expires_at'),
  };
  const columns = Object.keys(saved) as Array<keyof typeof saved>;
  return {
    find: { id: findBy('id'), uid: findBy('uid'), user_code: findBy('user_code') },
    upsert: preparedQuery(
      db
        .insertInto('oidc_models')
        .values({ model, id: slot('id'), ...saved, consumed_at: null })
        .onConflict((oc) =>
          oc.columns(['model', 'id']).doUpdateSet((eb) => ({
            payload: eb.ref('excluded.payload'),
            grant_id: eb.ref('excluded.grant_id'),
            user_code: eb.ref('excluded.user_code'),
            uid: eb.ref('excluded.uid'),
            account_id: eb.ref('excluded.account_id'),
            expires_at: eb.ref('excluded.expires_at'),
          })),
        ),
      ['id', ...columns],
    ),
    /** The save of a record read in this request: an update, which finds it or nothing. */
    update: preparedQuery(
      db
        .updateTable('oidc_models')
        .set(saved)
        .where('model', '=', model)
        .where('id', '=', slot<string>('id')),
      [...columns, 'id'],
    ),
    consume: preparedQuery(
      db
        .updateTable('oidc_models')
        .set({ consumed_at: slot('now') })
        .where('model', '=', model)
        .where('id', '=', slot<string>('id'))
        .where('consumed_at', 'is', null)
        .returning('grant_id'),
      ['now', 'id'],
    ),
    destroy: preparedQuery(
      db.deleteFrom('oidc_models').where('model', '=', model).where('id', '=', slot<string>('id')),
      ['id'],
    ),
  };
}

function createKyselyAdapter(db: Kysely<Database>, model: string, now: () => number): Adapter {
  const queries = modelQueries(db, model);
  const findWhere = async (column: 'id' | 'uid' | 'user_code', value: string) => {
    const batch = currentWriteBatch();
    if (batch !== undefined) {
      if (column === 'id') {
        // Saved or deleted earlier in this request, not committed yet (write-batch.ts).
        const queued = batch.read(model, value);
        if (queued === null) return undefined;
        if (queued !== undefined) return alive(queued.expiresAt, queued.payload, null);
      } else await batch.commit();
    }
    const { rows } = await db.executeQuery(queries.find[column]({ value }));
    const row = rows[0] as ModelRow | undefined;
    if (row === undefined) return undefined;
    batch?.noteRead(model, row.id);
    return alive(row.expires_at, row.payload, row.consumed_at);
  };
  const alive = (expiresAt: number | null, stored: string, consumedAt: number | null) => {
    if (expiresAt !== null && expiresAt <= now()) return undefined;
    const payload = JSON.parse(stored) as AdapterPayload;
    return consumedAt === null ? payload : { ...payload, consumed: Math.floor(consumedAt / 1000) };
  };
  /**
   * Run now, or with the request's other writes (write-batch.ts). A replay record (the id of a
   * client assertion seen) is written at once: a parallel request with the same assertion must
   * find it, not miss it until this request ends.
   */
  const write = async (
    id: string,
    query: CompiledQuery,
    saved?: { saved: QueuedSave; accountId: string | null },
    mustExist = false,
  ) => {
    const batch = model === 'ReplayDetection' ? undefined : currentWriteBatch();
    if (batch === undefined) await db.executeQuery(query);
    else batch.queue(model, id, { query, mustExist, ...saved });
  };

  return {
    async upsert(id, payload, expiresIn) {
      const stored = JSON.stringify(payload);
      const expiresAt = expiresIn ? now() + expiresIn * 1000 : null;
      const values = {
        id,
        payload: stored,
        grant_id: grantable.has(model) || model === 'Grant' ? (payload.grantId ?? null) : null,
        user_code: payload.userCode ?? null,
        uid: payload.uid ?? null,
        account_id: accountOf(payload),
        expires_at: expiresAt,
      };
      // A session or grant this request read, revoked since (G-28), is not saved back to life.
      const readHere = currentWriteBatch()?.wasRead(model, id) === true;
      const query = readHere ? queries.update(values) : queries.upsert(values);
      const saved = { saved: { payload: stored, expiresAt }, accountId: values.account_id };
      await write(id, query, saved, readHere);
    },
    find: (id) => findWhere('id', id),
    findByUid: (uid) => findWhere('uid', uid),
    findByUserCode: (userCode) => findWhere('user_code', userCode),
    async consume(id) {
      // Decided by the database, with what this request wrote before it.
      await currentWriteBatch()?.commit();
      // One atomic statement: of two parallel redemptions of one code, exactly one wins (G-31).
      const { rows } = await db.executeQuery(queries.consume({ now: now(), id }));
      if (rows[0] === undefined) {
        const row = await db
          .selectFrom('oidc_models')
          .select('grant_id')
          .where('model', '=', model)
          .where('id', '=', id)
          .executeTakeFirst();
        // RFC 6749 §4.1.2: a code used twice revokes the tokens issued from it.
        if (row?.grant_id) await revokeGrant(db, row.grant_id);
        throw new errors.InvalidGrant(`${model} already consumed`);
      }
    },
    async destroy(id) {
      // The interaction a request resumes and the session whose id it renews must still be
      // there to delete: revoked meanwhile, the request saves nothing (G-28). (A code or token
      // may be gone by the request's own doing: a reused code revokes its grant.)
      const mustExist =
        (model === 'Interaction' || model === 'Session') &&
        currentWriteBatch()?.wasRead(model, id) === true;
      await write(id, queries.destroy({ id }), undefined, mustExist);
    },
    async revokeByGrantId(grantId) {
      await currentWriteBatch()?.commit();
      await revokeGrant(db, grantId);
    },
  };
}

/**
 * Every token of a grant, and the grant itself: a token saved after this (a parallel redemption
 * that won the race) then refers to no grant, and oidc-provider refuses it (G-31).
 */
async function revokeGrant(db: Kysely<Database>, grantId: string): Promise<void> {
  await db
    .deleteFrom('oidc_models')
    .where((eb) =>
      eb.or([
        eb('grant_id', '=', grantId),
        eb.and([eb('model', '=', 'Grant'), eb('id', '=', grantId)]),
      ]),
    )
    .execute();
}

/**
 * Everything an account holds at the provider — sessions, grants, codes, tokens — goes: after a
 * lock or a password change, no old session signs it in again and no old token works (G-28).
 * `keepSessionId`: one session of the account that stays, with the grants it signed in to its
 * applications with (and their tokens) — the browser that changed its own password.
 */
export async function revokeAccountOidcState(
  db: Kysely<Database>,
  accountId: string,
  keepSessionId?: string,
): Promise<number> {
  if (!db.isTransaction)
    return db.transaction().execute((trx) => revokeAccountOidcState(trx, accountId, keepSessionId));
  // PostgreSQL: the account's row first, as a provider request's saves take it (write-batch.ts).
  if (isPostgres(db))
    await db
      .selectFrom('accounts')
      .select('id')
      .where('id', '=', accountId)
      .forNoKeyUpdate()
      .execute();
  const grants = db
    .selectFrom('oidc_models')
    .select('id')
    .where('model', '=', 'Grant')
    .where('account_id', '=', accountId);
  let query = db
    .deleteFrom('oidc_models')
    .where((eb) => eb.or([eb('account_id', '=', accountId), eb('grant_id', 'in', grants)]));
  if (keepSessionId !== undefined) {
    const kept = await sessionGrantIds(db, accountId, keepSessionId);
    query = query.where((eb) =>
      eb.not(eb.and([eb('model', '=', 'Session'), eb('id', '=', keepSessionId)])),
    );
    if (kept.length > 0)
      query = query.where((eb) =>
        eb.and([
          eb.or([eb('grant_id', 'is', null), eb('grant_id', 'not in', kept)]),
          eb.not(eb.and([eb('model', '=', 'Grant'), eb('id', 'in', kept)])),
        ]),
      );
  }
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The grants a session of the account signed in to its applications with (its authorizations). */
async function sessionGrantIds(
  db: Kysely<Database>,
  accountId: string,
  sessionId: string,
): Promise<string[]> {
  const row = await db
    .selectFrom('oidc_models')
    .select('payload')
    .where('model', '=', 'Session')
    .where('id', '=', sessionId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (row === undefined) return [];
  const payload = JSON.parse(row.payload) as {
    authorizations?: Record<string, { grantId?: unknown }>;
  };
  return Object.values(payload.authorizations ?? {}).flatMap((authorization) =>
    typeof authorization.grantId === 'string' ? [authorization.grantId] : [],
  );
}

/** Housekeeping: forget what has expired. */
export async function deleteExpiredOidcModels(
  db: Kysely<Database>,
  nowMs: number,
): Promise<number> {
  const result = await db
    .deleteFrom('oidc_models')
    .where('expires_at', '<=', nowMs)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
