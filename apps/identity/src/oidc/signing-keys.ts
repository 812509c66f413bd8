/**
 * ID token signing keys (ADR 0014), kept sealed (AES-256-GCM) in the database so that every
 * instance and every restart signs with the same keys. The first is made on first start; a
 * rotation (rotate-signing-key.ts) adds the next. A key's state follows from its times and the
 * clock: `next` (published, not signing yet), `current` (signing), `retired` (published still,
 * for the tokens it signed), then gone.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database, SigningKeyTable } from '../db/database.ts';
import { isPostgres } from '../db/dialect.ts';
import type { SecretBox } from '../security/secret-box.ts';

const purpose = 'oidc-signing-key';
export const signingAlg = 'RS256';

export type SigningKeyState = 'next' | 'current' | 'retired';

/** A key as the console and the CLI list it: never its private part. */
export interface SigningKeyInfo {
  kid: string;
  alg: string;
  state: SigningKeyState;
  createdAt: number;
  signsFrom: number;
  signsUntil: number | null;
  publishedUntil: number | null;
}

/** What the provider is given: the published keys, the signing one first, and when that changes. */
export interface PublishedKeys {
  keys: JWK[];
  /** The next time a key starts or stops signing or leaves the JWKS; none: no change planned. */
  changesAt: number | undefined;
}

type KeyRow = Omit<Selectable<SigningKeyTable>, 'sealed_jwk'>;

/** The state of a key at `nowMs`; undefined once it has left the JWKS. */
export function signingKeyState(row: KeyRow, nowMs: number): SigningKeyState | undefined {
  if (Number(row.signs_from) > nowMs) return 'next';
  if (row.signs_until === null || Number(row.signs_until) > nowMs) return 'current';
  if (row.published_until === null || Number(row.published_until) > nowMs) return 'retired';
  return undefined;
}

/** The published keys, made first if there is none (first start). */
export async function loadSigningKeys(
  db: Kysely<Database>,
  box: SecretBox,
  nowMs: number,
): Promise<PublishedKeys> {
  const stored = await readPublishedKeys(db, box, nowMs);
  if (stored.keys.length > 0) return stored;
  const jwk = await newSigningKey();
  const sealed = box.seal(JSON.stringify(jwk), purpose);
  // Nodes starting together on an empty table: one key wins, every node reads back that one.
  await db.transaction().execute(async (trx) => {
    await lockSigningKeys(trx);
    await insertIfNone(trx, { kid: jwk.kid, sealed_jwk: sealed, created_at: nowMs });
  });
  return readPublishedKeys(db, box, nowMs);
}

/** Every key still published, with its state, the newest first. */
export async function listSigningKeys(
  db: Kysely<Database>,
  nowMs: number,
): Promise<SigningKeyInfo[]> {
  const rows = await db
    .selectFrom('signing_keys')
    .select(['kid', 'alg', 'created_at', 'signs_from', 'signs_until', 'published_until'])
    .orderBy('signs_from', 'desc')
    .orderBy('kid')
    .execute();
  return rows.flatMap((row) => {
    const state = signingKeyState(row, nowMs);
    return state === undefined ? [] : [describeKey(row, state)];
  });
}

function describeKey(row: KeyRow, state: SigningKeyState): SigningKeyInfo {
  const orNull = (value: number | null) => (value === null ? null : Number(value));
  return {
    kid: row.kid,
    alg: row.alg,
    state,
    createdAt: Number(row.created_at),
    signsFrom: Number(row.signs_from),
    signsUntil: orNull(row.signs_until),
    publishedUntil: orNull(row.published_until),
  };
}

/**
 * The keys for the provider: oidc-provider signs with the first key of the algorithm it is given
 * and publishes them all (its docs, `jwks`: "move your new key to the very front").
 */
export async function readPublishedKeys(
  db: Kysely<Database>,
  box: SecretBox,
  nowMs: number,
): Promise<PublishedKeys> {
  const rows = await db.selectFrom('signing_keys').selectAll().execute();
  const rank: Record<SigningKeyState, number> = { current: 0, next: 1, retired: 2 };
  const published = rows
    .map((row) => ({ row, state: signingKeyState(row, nowMs) }))
    .filter((entry): entry is { row: (typeof rows)[number]; state: SigningKeyState } =>
      Boolean(entry.state),
    )
    .sort(
      (a, b) =>
        rank[a.state] - rank[b.state] ||
        Number(b.row.signs_from) - Number(a.row.signs_from) ||
        a.row.kid.localeCompare(b.row.kid),
    );
  const times = rows
    .flatMap((row) => [row.signs_from, row.signs_until, row.published_until])
    .filter((time): time is number => time !== null && Number(time) > nowMs)
    .map(Number);
  return {
    keys: published.map(({ row }) => JSON.parse(box.open(row.sealed_jwk, purpose)) as JWK),
    changesAt: times.length === 0 ? undefined : Math.min(...times),
  };
}

/** A new key pair, sealed for the table. */
export async function newSealedSigningKey(
  box: SecretBox,
): Promise<{ kid: string; sealed: string }> {
  const jwk = await newSigningKey();
  return { kid: jwk.kid, sealed: box.seal(JSON.stringify(jwk), purpose) };
}

async function newSigningKey(): Promise<JWK & { kid: string }> {
  const { privateKey } = await generateKeyPair(signingAlg, {
    extractable: true,
    modulusLength: 2048,
  });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: signingAlg, use: 'sig' };
}

/**
 * PostgreSQL: a statement's snapshot would not see another node's uncommitted key, so writers of
 * the table take turns; the lock ends with the transaction. (SQLite writes one at a time.)
 */
export async function lockSigningKeys(trx: Kysely<Database>): Promise<void> {
  if (isPostgres(trx))
    await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.signing_keys'))`.execute(
      trx,
    );
}

/**
 * One statement that reads and writes (SQLite takes its write lock before reading): the key goes
 * in only if the table is still empty. Casts: PostgreSQL types a bare parameter as text.
 */
async function insertIfNone(
  trx: Transaction<Database>,
  row: { kid: string; sealed_jwk: string; created_at: number },
): Promise<void> {
  await trx
    .insertInto('signing_keys')
    .columns(['kid', 'sealed_jwk', 'created_at', 'signs_from'])
    .expression(
      trx
        .selectNoFrom([
          sql<string>`cast(${row.kid} as text)`.as('kid'),
          sql<string>`cast(${row.sealed_jwk} as text)`.as('sealed_jwk'),
          sql<number>`cast(${row.created_at} as bigint)`.as('created_at'),
          sql<number>`cast(${row.created_at} as bigint)`.as('signs_from'),
        ])
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('signing_keys').select('kid'))),
        ),
    )
    .execute();
}
