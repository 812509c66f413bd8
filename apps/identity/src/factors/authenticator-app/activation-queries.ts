/**
 * Activations of Sesame Verify: what the QR code (a link carrying a token) and the manual path
 * (an activation code, typed with the username) redeem, once, within 10 minutes (G-16).
 * Only hashes are stored: SHA-256 of the 128-bit token, and of the 40-bit code an HMAC keyed by
 * the server key, since an unkeyed hash of 40 bits is found offline from a copy of the database
 * (G-44).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ActivationTable, Database } from '../../db/database.ts';
import type { SecretBox } from '../../security/secret-box.ts';

export const activationTtlSeconds = 600;

/** 128-bit token in the QR code's link (≥ 112 bits alone, NIST 800-63B-4 §3.1.3.4 / G-16). */
const tokenBytes = 16;
/** 40-bit code typed by hand, always together with the username (G-16: ≥ 40 bits + identifier). */
const codeBytes = 5;
/** Crockford's Base32 alphabet: no I, L, O, U to misread. */
const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type Activation = Selectable<ActivationTable>;

/** The token of the link: 128 random bits, so a plain SHA-256 cannot be searched. */
export function hashActivationToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The typed code, bound to its account, under a key derived from the server key. */
export function hashActivationCode(
  box: Pick<SecretBox, 'mac'>,
  accountId: string,
  typedCode: string,
): string {
  return box.mac(`${accountId}:${normalizeActivationCode(typedCode)}`, 'activation-code');
}

/** Normalize a typed activation code: case, spaces, dashes, and the look-alikes O→0, I/L→1. */
export function normalizeActivationCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function formatActivationCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function makeActivationCode(random: (size: number) => Buffer): string {
  const bytes = random(codeBytes);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 8; i += 1) {
    code = codeAlphabet[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code;
}

export async function createActivation(
  { db, box }: { db: Kysely<Database>; box: Pick<SecretBox, 'mac'> },
  input: { accountId: string; flowId: string; platform: 'ios' | 'android'; nowMs: number },
  random: (size: number) => Buffer = randomBytes,
): Promise<{ id: string; token: string; code: string; expiresAt: number }> {
  const token = random(tokenBytes).toString('base64url');
  const code = makeActivationCode(random);
  const id = randomUUID();
  const expiresAt = input.nowMs + activationTtlSeconds * 1000;
  await db.transaction().execute(async (trx) => {
    // A new QR code replaces the flow's earlier ones ("Actualiser le code"): those stop working.
    await trx
      .deleteFrom('activations')
      .where('flow_id', '=', input.flowId)
      .where('redeemed_at', 'is', null)
      .execute();
    await trx
      .insertInto('activations')
      .values({
        id,
        account_id: input.accountId,
        flow_id: input.flowId,
        platform: input.platform,
        token_hash: hashActivationToken(token),
        code_hash: hashActivationCode(box, input.accountId, code),
        created_at: input.nowMs,
        expires_at: expiresAt,
        redeemed_at: null,
        authenticator_id: null,
      })
      .execute();
  });
  return { id, token, code, expiresAt };
}

/**
 * Redeem an activation: one atomic statement, so that of two parallel redemptions exactly one
 * wins, and an expired or used activation never does — nor one whose sign-in flow has ended
 * (G-44): the flow must still exist for this account, unexpired, and still be at enrollment (no
 * enrollment or verification passed, no active method of the account but its own). The
 * flow's end deletes its unredeemed activations (`deleteFlow`); the check here, in the same
 * statement, closes what a read-then-write would leave open.
 */
export async function redeemActivation(
  db: Kysely<Database>,
  where: { tokenHash: string } | { codeHash: string },
  nowMs: number,
): Promise<Activation | undefined> {
  let query = db
    .updateTable('activations')
    .set({ redeemed_at: nowMs })
    .where('redeemed_at', 'is', null)
    .where('expires_at', '>', nowMs)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('sign_in_flows')
          .select('sign_in_flows.id')
          .whereRef('sign_in_flows.id', '=', 'activations.flow_id')
          .whereRef('sign_in_flows.account_id', '=', 'activations.account_id')
          .where('sign_in_flows.expires_at', '>', nowMs)
          // `steps_done` is the JSON list of passed steps (sign-in/queries.ts): the password is
          // passed, and neither enrollment nor a verification, which end the flow.
          .where('sign_in_flows.steps_done', 'like', '%"step":"password"%')
          .where('sign_in_flows.steps_done', 'not like', '%"step":"enroll"%')
          .where('sign_in_flows.steps_done', 'not like', '%"step":"mfa"%')
          // G-40: once the account has an active method that this flow did not enroll (the real
          // user enrolled in another browser), the flow must pass it: it is no longer enrolling.
          .where(({ not, exists: existsActive, selectFrom: selectActive }) =>
            not(
              existsActive(
                selectActive('authenticators')
                  .select('authenticators.id')
                  .whereRef('authenticators.account_id', '=', 'sign_in_flows.account_id')
                  .where('authenticators.status', '=', 'active')
                  .where((eb) =>
                    eb.or([
                      eb('authenticators.flow_id', 'is', null),
                      eb('authenticators.flow_id', '!=', eb.ref('sign_in_flows.id')),
                    ]),
                  ),
              ),
            ),
          ),
      ),
    );
  query =
    'tokenHash' in where
      ? query.where('token_hash', '=', where.tokenHash)
      : query.where('code_hash', '=', where.codeHash);
  return query.returningAll().executeTakeFirst();
}

/** The newest activation of a flow: the enrollment page asks whether its device has arrived. */
export async function findFlowActivation(
  db: Kysely<Database>,
  flowId: string,
): Promise<Activation | undefined> {
  return db
    .selectFrom('activations')
    .selectAll()
    .where('flow_id', '=', flowId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function attachAuthenticator(
  db: Kysely<Database>,
  activationId: string,
  authenticatorId: string,
): Promise<void> {
  await db
    .updateTable('activations')
    .set({ authenticator_id: authenticatorId })
    .where('id', '=', activationId)
    .execute();
}
