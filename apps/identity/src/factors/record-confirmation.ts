/**
 * The audit record of a new method's confirmation (its first code typed at enrollment): added, or
 * a failed confirmation — by its owner, from the request's address.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/database.ts';

export async function recordConfirmation(
  db: Kysely<Database>,
  request: FastifyRequest,
  input: { accountId: string; kind: string; ok: boolean; nowMs: number },
): Promise<void> {
  await recordAuditEvent(
    db,
    {
      type: input.ok ? 'authenticator.added' : 'authenticator.confirm_failed',
      accountId: input.accountId,
      reason: input.kind,
      ip: request.ip,
      requestId: request.id,
      actor: `user:${input.accountId}`,
    },
    input.nowMs,
  );
}
