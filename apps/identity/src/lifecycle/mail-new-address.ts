/**
 * After an account's address changed (console, admin API, SCIM, CLI): the new address is sent its
 * link — the invitation again for an account whose client has not chosen a password yet (the
 * change ended the one mailed to the old address), else the verification link. True if sent.
 */
import type { Actor } from '../accounts/operations/actor.ts';
import type { OperationDeps, OperationOrigin } from '../accounts/operations/operation-deps.ts';
import { sendInvitation } from '../accounts/operations/send-invitation.ts';
import { type EmailMailDeps, sendVerificationLink } from '../mail/email-verification.ts';
import { isInvitationPending, mailInvitation } from './invitation.ts';

export async function mailNewAddress(
  deps: OperationDeps & EmailMailDeps,
  actor: Actor,
  args: { accountId: string; origin?: OperationOrigin },
): Promise<boolean> {
  if (await isInvitationPending(deps.db, args.accountId)) {
    const sent = await sendInvitation(deps, actor, args);
    if (sent.ok) await mailInvitation(deps, sent.invitation);
    return sent.ok;
  }
  return (await sendVerificationLink(deps, args.accountId)) === 'sent';
}
