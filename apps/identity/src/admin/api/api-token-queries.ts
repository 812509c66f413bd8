/** Admin API tokens: made (only their hash kept), found by the token presented, listed, revoked. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenTable, Database } from '../../db/database.ts';
import type { ApiScope } from './api-scopes.ts';

export type ApiTokenRow = Selectable<ApiTokenTable>;

/** `sesame_` and 256 random bits: recognisable in a secret scanner's rules, unguessable. */
export function makeApiToken(): string {
  return `sesame_${randomBytes(32).toString('base64url')}`;
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function insertApiToken(
  db: Kysely<Database>,
  token: {
    name: string;
    value: string;
    scopes: readonly ApiScope[];
    createdBy: string;
    nowMs: number;
    expiresAt: number;
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('api_tokens')
    .values({
      id,
      name: token.name,
      token_hash: hashApiToken(token.value),
      scopes: token.scopes.join(' '),
      created_by: token.createdBy,
      created_at: token.nowMs,
      expires_at: token.expiresAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return id;
}

/** The token presented, if it is one, not revoked nor expired; its use is noted. */
export async function useApiToken(
  db: Kysely<Database>,
  value: string,
  nowMs: number,
): Promise<ApiTokenRow | undefined> {
  return db
    .updateTable('api_tokens')
    .set({ last_used_at: nowMs })
    .where('token_hash', '=', hashApiToken(value))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowMs)
    .returningAll()
    .executeTakeFirst();
}

export async function listApiTokens(db: Kysely<Database>): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
}

export async function revokeApiToken(
  db: Kysely<Database>,
  id: string,
  nowMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: nowMs })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
