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
  // The record names the application (its name, as the console's log shows it).
  const audit = (name: string) => ({
    ...args.origin,
    type: 'client.secret_rotated' as const,
    clientId: args.clientId,
    reason: name,
  });
  const done = await unlessMissing(() =>
    runOperation(deps, actor, audit, async (trx) => {
      const name = await replaceClientSecret(trx, deps.box, {
        clientId: args.clientId,
        secret,
        nowMs: deps.now(),
      });
      if (name === undefined) throw unlessMissing.missing;
      return name;
    }),
  );
  return done ? secret : undefined;
}
