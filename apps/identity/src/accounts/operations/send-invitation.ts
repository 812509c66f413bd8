/**
 * Invite an account that has no password yet (lifecycle/invitation.ts): a new single-use link,
 * valid 7 days, that ends the earlier one, in one transaction with `account.invited` naming the
 * actor (reason `sent`, or `resent` when it replaces a link). The caller mails it after the commit
 * (`mailInvitation`). Refused for an account that chose its password, or has no address.
 */

import { type InvitationMail, invitationTtlDays } from '../../lifecycle/invitation.ts';
import { issueEmailToken } from '../../mail/email-token-queries.ts';
import { noPasswordHash } from '../create-account.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export type SendInvitationResult =
  | { ok: true; invitation: InvitationMail }
  | { ok: false; reason: 'not_found' | 'already_accepted' | 'no_email' };

type NotSentReason = Extract<SendInvitationResult, { ok: false }>['reason'];

class NotSent extends Error {
  readonly reason: NotSentReason;
  constructor(reason: NotSentReason) {
    super(reason);
    this.reason = reason;
  }
}

export async function sendInvitation(
  deps: OperationDeps,
  actor: Actor,
  args: { accountId: string; origin?: OperationOrigin },
): Promise<SendInvitationResult> {
  let reason = 'sent';
  try {
    const invitation = await runOperation(
      deps,
      actor,
      () => ({ ...args.origin, type: 'account.invited', accountId: args.accountId, reason }),
      async (trx) => {
        const account = await trx
          .selectFrom('accounts')
          .select(['username', 'email', 'name', 'locale', 'password_hash'])
          .where('id', '=', args.accountId)
          .executeTakeFirst();
        if (account === undefined) throw new NotSent('not_found');
        if (account.password_hash !== noPasswordHash) throw new NotSent('already_accepted');
        if (account.email === null) throw new NotSent('no_email');
        const earlier = await trx
          .selectFrom('email_tokens')
          .select('id')
          .where('account_id', '=', args.accountId)
          .where('purpose', '=', 'invitation')
          .executeTakeFirst();
        if (earlier !== undefined) reason = 'resent';
        const token = await issueEmailToken(
          trx,
          {
            accountId: args.accountId,
            purpose: 'invitation',
            email: account.email,
            ttlMs: invitationTtlDays * 86_400_000,
          },
          deps.now(),
        );
        return {
          to: { email: account.email, name: account.name, locale: account.locale },
          username: account.username,
          token,
        };
      },
    );
    return { ok: true, invitation };
  } catch (error) {
    if (error instanceof NotSent) return { ok: false, reason: error.reason };
    throw error;
  }
}
