import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AccountIdentifierTable, AccountTable, Database } from '../db/database.ts';
import { isPostgres } from '../db/dialect.ts';

export type Account = Selectable<AccountTable>;

export async function findAccountByIdentifier(
  db: Kysely<Database>,
  canonical: string,
): Promise<Account | undefined> {
  return db
    .selectFrom('account_identifiers')
    .innerJoin('accounts', 'accounts.id', 'account_identifiers.account_id')
    .selectAll('accounts')
    .where('account_identifiers.identifier', '=', canonical)
    .executeTakeFirst();
}

/**
 * Inside a transaction that writes what names an account: take its row (PostgreSQL's row lock;
 * SQLite runs one write transaction at a time) and say whether it still exists — an account
 * deleted meanwhile (operations/delete-account.ts) gets nothing written in its name.
 */
export async function holdAccountRow(trx: Kysely<Database>, accountId: string): Promise<boolean> {
  let query = trx.selectFrom('accounts').select('id').where('id', '=', accountId);
  if (isPostgres(trx)) query = query.forUpdate();
  return (await query.executeTakeFirst()) !== undefined;
}

export async function findAccountById(
  db: Kysely<Database>,
  id: string,
): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewAccount {
  id: string;
  username: string;
  canonicalUsername: string;
  email: string | null;
  canonicalEmail: string | null;
  name: string;
  passwordHash: string;
  nowMs: number;
}

/** One transaction: the account and its identifiers, or nothing (the identifiers are unique). */
export async function insertAccount(db: Kysely<Database>, account: NewAccount): Promise<void> {
  // Inside a caller's transaction (an account operation), in it; else in one of its own.
  const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>) =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  await inTransaction(async (trx) => {
    await trx
      .insertInto('accounts')
      .values({
        id: account.id,
        username: account.username,
        email: account.email,
        name: account.name,
        password_hash: account.passwordHash,
        locked: 0,
        created_at: account.nowMs,
        updated_at: account.nowMs,
      })
      .execute();
    const identifiers: Insertable<AccountIdentifierTable>[] = [
      { identifier: account.canonicalUsername, account_id: account.id, kind: 'username' },
    ];
    if (account.canonicalEmail !== null && account.canonicalEmail !== account.canonicalUsername) {
      identifiers.push({
        identifier: account.canonicalEmail,
        account_id: account.id,
        kind: 'email',
      });
    }
    await trx.insertInto('account_identifiers').values(identifiers).execute();
  });
}

export async function isIdentifierTaken(
  db: Kysely<Database>,
  canonicals: string[],
): Promise<boolean> {
  const row = await db
    .selectFrom('account_identifiers')
    .select('identifier')
    .where('identifier', 'in', canonicals)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Replace a hash by a stronger one of the same password (new parameters), only if it is still
 * the one just verified: a new password set meanwhile is never overwritten by the old one.
 */
export async function rehashPassword(
  db: Kysely<Database>,
  id: string,
  hashes: { verified: string; replacement: string },
  nowMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ password_hash: hashes.replacement, updated_at: nowMs })
    .where('id', '=', id)
    .where('password_hash', '=', hashes.verified)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updatePasswordHash(
  db: Kysely<Database>,
  id: string,
  hash: string,
  nowMs: number,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ password_hash: hash, updated_at: nowMs })
    .where('id', '=', id)
    .execute();
}

export async function setAccountLocked(
  db: Kysely<Database>,
  id: string,
  locked: boolean,
  nowMs: number,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ locked: locked ? 1 : 0, updated_at: nowMs })
    .where('id', '=', id)
    .execute();
}

export async function listAccounts(db: Kysely<Database>): Promise<Account[]> {
  return db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('username').execute();
}

export async function countAccounts(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Usernames of the given account ids (ids of deleted accounts are simply absent). */
export async function findUsernamesByIds(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'username'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.username]));
}
