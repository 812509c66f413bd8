/**
 * Register an application (console, API, CLI): a new client id and secret, the secret handed
 * back once and kept only sealed; audited with its actor, in the same transaction.
 */
import { type Actor, describeActor } from '../../accounts/operations/actor.ts';
import { type OperationOrigin, runOperation } from '../../accounts/operations/operation-deps.ts';
import {
  type ClientApplicationInput,
  insertClientApplication,
  makeClientId,
  makeClientSecret,
} from '../client-queries.ts';
import type { ClientOperationDeps } from './client-operation-deps.ts';

export async function registerClientApplication(
  deps: ClientOperationDeps,
  actor: Actor,
  args: ClientApplicationInput & { origin?: OperationOrigin },
): Promise<{ clientId: string; clientSecret: string }> {
  const clientId = makeClientId();
  const clientSecret = makeClientSecret();
  const { origin, ...input } = args;
  await runOperation(
    deps,
    actor,
    { ...origin, type: 'client.registered', clientId, reason: input.name },
    (trx) =>
      insertClientApplication(trx, deps.box, {
        ...input,
        clientId,
        secret: clientSecret,
        createdBy: describeActor(actor),
        nowMs: deps.now(),
      }),
  );
  return { clientId, clientSecret };
}
