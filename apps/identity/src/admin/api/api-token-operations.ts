/**
 * Admin API tokens made and revoked as an actor — the console's « Jetons d'API » and
 * `sesame api-tokens` — each in one transaction with its audit record (the token's name, or id,
 * as the reason). The token itself is returned once and only its hash is kept.
 */
import type { Actor } from '../../accounts/operations/actor.ts';
import { describeActor } from '../../accounts/operations/actor.ts';
import {
  type OperationDeps,
  type OperationOrigin,
  runOperation,
} from '../../accounts/operations/operation-deps.ts';
import type { ApiScope } from './api-scopes.ts';
import { insertApiToken, makeApiToken, revokeApiToken } from './api-token-queries.ts';

export async function createApiToken(
  deps: OperationDeps,
  actor: Actor,
  args: { name: string; scopes: readonly ApiScope[]; days: number; origin?: OperationOrigin },
): Promise<{ id: string; value: string; expiresAt: number }> {
  const value = makeApiToken();
  const nowMs = deps.now();
  const expiresAt = nowMs + args.days * 24 * 3600_000;
  const id = await runOperation(
    deps,
    actor,
    { ...args.origin, type: 'api_token.created', reason: args.name },
    (trx) =>
      insertApiToken(trx, {
        name: args.name,
        value,
        scopes: args.scopes,
        createdBy: describeActor(actor),
        nowMs,
        expiresAt,
      }),
  );
  return { id, value, expiresAt };
}

/** False when no token of that id is still in force (nothing is written then but the audit). */
export async function revokeApiTokenAs(
  deps: OperationDeps,
  actor: Actor,
  args: { id: string; origin?: OperationOrigin },
): Promise<boolean> {
  return runOperation(
    deps,
    actor,
    { ...args.origin, type: 'api_token.revoked', reason: args.id },
    (trx) => revokeApiToken(trx, args.id, deps.now()),
  );
}
