/**
 * Delete an account (issue 9, lifecycle): its methods and their secrets, devices and push
 * subscriptions, remembered browsers, sessions, grants, tokens, flows in progress, mail tokens,
 * notices and counters go, then the account itself — in one transaction with its
 * `account.deleted` record naming the actor. The audit trail stays, anonymized: the account's id
 * becomes a pseudonym of its own (`deleted:<random>`, the same in every past event and in the
 * final one), and the IP and user agent of the events that named it are removed
 * (docs/security.md, « Account deletion »). Two deletions racing: the first write takes the row,
 * the second finds no account and deletes nothing.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import { canonicalizeIdentifier } from '../canonical-identifier.ts';
import type { Actor } from './actor.ts';
import {
  endAccountState,
  type OperationDeps,
  type OperationOrigin,
  runOperation,
} from './operation-deps.ts';

export interface DeletedAccount {
  username: string;
  /** What the account is named by in the audit trail from now on. */
  pseudonym: string;
}

/** Rolls the transaction back: the account was already gone (nothing written, nothing audited). */
class NoSuchAccount extends Error {}

export async function deleteAccount(
  deps: OperationDeps,
  actor: Actor,
  args: { accountId: string; origin?: OperationOrigin },
): Promise<DeletedAccount | undefined> {
  const pseudonym = `deleted:${randomBytes(12).toString('base64url')}`;
  try {
    return await runOperation(
      deps,
      actor,
      // The final record keeps the actor's origin: it is the actor's, not the account's.
      { ...args.origin, type: 'account.deleted', accountId: pseudonym },
      async (trx) => {
        const account = await claimAccount(trx, args.accountId);
        if (account === undefined) throw new NoSuchAccount();
        await eraseAccount(trx, account, pseudonym, deps.now());
        return { username: account.username, pseudonym };
      },
    );
  } catch (error) {
    if (error instanceof NoSuchAccount) return undefined;
    throw error;
  }
}

/**
 * The transaction's first statement takes the account's row: PostgreSQL's `FOR UPDATE`, which
 * also holds back any insert that references the account (a mail token, a flow) until the commit,
 * when it fails; SQLite runs one write transaction at a time. A second deletion waits, then finds
 * nothing.
 */
async function claimAccount(trx: Kysely<Database>, accountId: string) {
  let query = trx
    .selectFrom('accounts')
    .select(['id', 'username', 'email'])
    .where('id', '=', accountId);
  if (isPostgres(trx)) query = query.forUpdate();
  return query.executeTakeFirst();
}

async function eraseAccount(
  trx: Kysely<Database>,
  account: { id: string; username: string; email: string | null },
  pseudonym: string,
  nowMs: number,
): Promise<void> {
  const { id } = account;
  const devices = (
    await trx.selectFrom('devices').select('id').where('account_id', '=', id).execute()
  ).map((d) => d.id);
  const identifiers = (
    await trx
      .selectFrom('account_identifiers')
      .select('identifier')
      .where('account_id', '=', id)
      .execute()
  ).map((i) => i.identifier);
  // A passwordless sign-in's challenges hang on its flow, not on the account.
  await trx
    .deleteFrom('passkey_sign_in_challenges')
    .where(
      'flow_id',
      'in',
      trx.selectFrom('sign_in_flows').select('id').where('account_id', '=', id),
    )
    .execute();
  await endAccountState(trx, id, { nowMs });
  // What an interaction or a session of the provider holds naming the account, account_id or not.
  await trx.deleteFrom('oidc_models').where('payload', 'like', `%"${id}"%`).execute();
  if (devices.length > 0) {
    await trx.deleteFrom('device_request_ids').where('device_id', 'in', devices).execute();
  }
  // The methods' own tables, devices and push subscriptions go with their authenticators.
  for (const table of [
    'push_answers',
    'challenges',
    'activations',
    'devices',
    'authenticators',
    'notices',
    'email_tokens',
    'remembered_browsers',
    'account_identifiers',
  ] as const) {
    await trx.deleteFrom(table).where('account_id', '=', id).execute();
  }
  await trx
    .deleteFrom('attempt_counters')
    .where((eb) =>
      eb.or([
        eb('key', 'like', `%:${id}`),
        eb('key', 'like', `%:${id}:%`),
        ...identifiers.flatMap((i) => [
          eb('key', '=', `identifier:${i}`),
          eb('key', '=', `register:${i}`),
        ]),
      ]),
    )
    .execute();
  // The development outbox keeps mail sent to the account's address.
  const addresses = [account.email, ...identifiers].filter((a): a is string => a !== null);
  await trx
    .deleteFrom('outbox_messages')
    .where((eb) =>
      eb.or(
        addresses.map((a) => eb(eb.fn('lower', ['to_address']), '=', canonicalizeIdentifier(a))),
      ),
    )
    .execute();
  await anonymizeAuditTrail(trx, id, devices, pseudonym);
  await trx.deleteFrom('accounts').where('id', '=', id).execute();
}

/** Past events keep their type, time, client, reason and request id; the rest named the person. */
async function anonymizeAuditTrail(
  trx: Kysely<Database>,
  accountId: string,
  devices: string[],
  pseudonym: string,
): Promise<void> {
  const actors = new Map<string, string>([
    [`admin:${accountId}`, `admin:${pseudonym}`],
    [`user:${accountId}`, `user:${pseudonym}`],
    ...devices.map((d): [string, string] => [`device:${d}`, `device:${pseudonym}`]),
  ]);
  await trx
    .updateTable('audit_events')
    .set({ account_id: pseudonym, ip: null, user_agent: null })
    .where('account_id', '=', accountId)
    .execute();
  for (const [actor, replacement] of actors) {
    await trx
      .updateTable('audit_events')
      .set({ actor: replacement, ip: null, user_agent: null })
      .where('actor', '=', actor)
      .execute();
    // What an administrator made keeps its maker, under the pseudonym.
    await trx
      .updateTable('api_tokens')
      .set({ created_by: replacement })
      .where('created_by', '=', actor)
      .execute();
    await trx
      .updateTable('temporary_access_codes')
      .set({ issued_by: replacement })
      .where('issued_by', '=', actor)
      .execute();
  }
}
