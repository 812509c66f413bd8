/** What the console reads: accounts found by a search, one account with its methods. */
import { type Kysely, sql } from 'kysely';
import { findUsernamesByIds } from '../accounts/queries.ts';
import type { Database } from '../db/database.ts';

export interface AccountRow {
  id: string;
  username: string;
  name: string;
  email: string | null;
  locked: number;
  role: 'admin' | 'helpdesk' | null;
  mfa_required: number;
  created_at: number;
  updated_at: number;
  methods: number;
}

/** `LIKE` with the user's text taken literally (its `%`, `_` and `\` escaped). */
function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Every account with its count of active methods (the console's lists and pages). */
function accountRows(db: Kysely<Database>) {
  return db
    .selectFrom('accounts')
    .select([
      'accounts.id',
      'accounts.username',
      'accounts.name',
      'accounts.email',
      'accounts.locked',
      'accounts.role',
      'accounts.mfa_required',
      'accounts.created_at',
      'accounts.updated_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('authenticators')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('authenticators.account_id', '=', 'accounts.id')
        .where('authenticators.status', '=', 'active')
        .as('methods'),
    );
}

const counted = <T extends { methods: unknown }>(row: T) =>
  ({ ...row, methods: Number(row.methods ?? 0) }) as unknown as AccountRow;

/** Accounts whose username, email or name contain `text` (all of them, newest first, if empty). */
export async function searchAccounts(
  db: Kysely<Database>,
  text: string,
  limit: number,
  offset = 0,
): Promise<AccountRow[]> {
  let query = accountRows(db)
    .orderBy('accounts.created_at', 'desc')
    .orderBy('accounts.username')
    .limit(limit)
    .offset(offset);
  if (text !== '') {
    const pattern = containing(text);
    query = query.where((eb) =>
      eb.or(
        ['accounts.username', 'accounts.email', 'accounts.name'].map(
          (column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  return (await query.execute()).map(counted);
}

export async function countAccounts(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findAccountRow(
  db: Kysely<Database>,
  id: string,
): Promise<AccountRow | undefined> {
  const row = await accountRows(db).where('accounts.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : counted(row);
}

/** The usernames of the accounts named as actors (`admin:<id>`, `user:<id>`) of these events. */
export function actorUsernames(
  db: Kysely<Database>,
  events: ReadonlyArray<{ actor: string | null }>,
): Promise<Map<string, string>> {
  const ids = events.flatMap((event) => event.actor?.match(/^(?:admin|user):(.+)$/)?.[1] ?? []);
  return findUsernamesByIds(db, [...new Set(ids)]);
}

/** The account holding this identifier (username or email, canonical), as one of a `kind`. */
export async function findAccountIdByIdentifier(
  db: Kysely<Database>,
  canonical: string,
  kind: 'username' | 'email',
): Promise<string | undefined> {
  const row = await db
    .selectFrom('account_identifiers')
    .select('account_id')
    .where('identifier', '=', canonical)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row?.account_id;
}
