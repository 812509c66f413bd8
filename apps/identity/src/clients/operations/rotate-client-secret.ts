/**
 * « Renouveler le secret »: a new secret, handed back once; the old one stops working at the
 * token endpoint at once, on every node (ADR 0012). undefined: no such application.
 */
import type { Actor } from '../../accounts/operations/actor.ts';
import { type OperationOrigin, runOperation } from '../../accounts/operations/operation-deps.ts';
import { makeClientSecret, replaceClientSecret } from '../client-queries.ts';
import type { ClientOperationDeps } from './client-operation-deps.ts';
import { unlessMissing } from './unless-missing.ts';

export async function rotateClientSecret(
  deps: ClientOperationDeps,
  actor: Actor,
  args: { clientId: string; origin?: OperationOrigin },
): Promise<string | undefined> {
  const secret = makeClientSecret();
  const audit = { ...args.origin, type: 'client.secret_rotated' as const, clientId: args.clientId };
  const done = await unlessMissing(() =>
    runOperation(deps, actor, audit, async (trx) => {
      const replaced = await replaceClientSecret(trx, deps.box, {
        clientId: args.clientId,
        secret,
        nowMs: deps.now(),
      });
      if (!replaced) throw unlessMissing.missing;
    }),
  );
  return done ? secret : undefined;
}
