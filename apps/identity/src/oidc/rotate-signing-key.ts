/**
 * « Renouveler la clé » (ADR 0014): a new signing key, published at once and signing after
 * `publishAheadMs` (applications caching the JWKS see it before any token it signs); the key
 * signing now stops then, and stays published until the longest-lived token it signed has
 * expired (on an empty table, the first key signs at once). One rotation at a time: while a key
 * is `next`, another is refused. Audited with the actor; the other nodes are told through the
 * event bus (and re-read the table anyway).
 */
import type { Actor } from '../accounts/operations/actor.ts';
import {
  type OperationDeps,
  type OperationOrigin,
  runOperation,
} from '../accounts/operations/operation-deps.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { ttlSeconds } from './create-provider.ts';
import { sessionLimitSeconds } from './session-ttl.ts';
import {
  listSigningKeys,
  lockSigningKeys,
  newSealedSigningKey,
  type SigningKeyInfo,
  signingAlg,
} from './signing-keys.ts';

/** Nodes' clocks may differ by this much: a retired key stays published that much longer. */
const clockLeewayMs = 5 * 60_000;

/**
 * How long a key stays published after it stopped signing: its tokens' longest lifetime — and
 * the single sign-on session's, since an application may end one with the ID token it got at
 * sign-in (`id_token_hint`), which oidc-provider verifies, expired or not.
 */
export const retiredKeyPublishedMs =
  Math.max(ttlSeconds.IdToken, ttlSeconds.AccessToken, sessionLimitSeconds.absolute) * 1000 +
  clockLeewayMs;

/** The event bus channel that tells every node to read the keys again. */
export const signingKeysChannel = 'signing-keys';

export interface KeyRotationDeps extends OperationDeps {
  box: SecretBox;
  publishAheadMs: number;
  /** Tell the other nodes (the event bus); a lost message costs at most one re-read period. */
  announce: (kid: string) => Promise<void>;
}

export type RotationResult =
  | { ok: true; key: SigningKeyInfo }
  | { ok: false; code: 'signing_key.rotation_pending'; pending: SigningKeyInfo };

export async function rotateSigningKey(
  deps: KeyRotationDeps,
  actor: Actor,
  args: { origin?: OperationOrigin } = {},
): Promise<RotationResult> {
  const made = await newSealedSigningKey(deps.box);
  const result = await deps.db.transaction().execute(async (trx) => {
    await lockSigningKeys(trx);
    const nowMs = deps.now();
    const keys = await listSigningKeys(trx, nowMs);
    const pending = keys.find((key) => key.state === 'next');
    if (pending !== undefined)
      return { ok: false, code: 'signing_key.rotation_pending', pending } as const;
    // No key yet (no node has started): nothing was published to wait for, it signs at once.
    const signsFrom = keys.length === 0 ? nowMs : nowMs + deps.publishAheadMs;
    return runOperation(
      { ...deps, db: trx },
      actor,
      { ...args.origin, type: 'signing_key.rotated', reason: made.kid },
      async (db) => {
        await db
          .updateTable('signing_keys')
          .set({ signs_until: signsFrom, published_until: signsFrom + retiredKeyPublishedMs })
          .where('signs_until', 'is', null)
          .execute();
        await db.deleteFrom('signing_keys').where('published_until', '<=', nowMs).execute();
        await db
          .insertInto('signing_keys')
          .values({
            kid: made.kid,
            sealed_jwk: made.sealed,
            alg: signingAlg,
            created_at: nowMs,
            signs_from: signsFrom,
          })
          .execute();
        const keys = await listSigningKeys(db, nowMs);
        const key = keys.find((listed) => listed.kid === made.kid);
        if (key === undefined) throw new Error('the new signing key was not stored');
        return { ok: true, key } as const;
      },
    );
  });
  if (result.ok) await deps.announce(made.kid).catch(() => undefined);
  return result;
}
