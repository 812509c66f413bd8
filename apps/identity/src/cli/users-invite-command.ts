/**
 * `sesame users invite <username> --email E [--name N]`: create the account without a password
 * and mail its address a link (7 days) to choose one; `users invite <username> --resend` sends an
 * invited account a new link, which ends the earlier one.
 */
import { cliActor } from '../accounts/operations/actor.ts';
import { registerAccount } from '../accounts/operations/register-account.ts';
import { sendInvitation } from '../accounts/operations/send-invitation.ts';
import { mailInvitation } from '../lifecycle/invitation.ts';
import { type CliIo, CommandError, type ParsedCommand, report, UsageError } from './cli-io.ts';
import { describeCreateFailure } from './describe-account-error.ts';
import { HELP_OPTION, onePositional, parseCommandArgs } from './parse-command-args.ts';
import { requireAccount } from './require-account.ts';
import { USERS_USAGE } from './usage.ts';

export function parseInvite(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    email: { type: 'string' },
    name: { type: 'string' },
    resend: { type: 'boolean' },
    ...HELP_OPTION,
  });
  if (values.help) return { kind: 'help', text: USERS_USAGE };
  const username = onePositional(positionals, '<username>');
  if (values.resend === true) {
    if (values.email !== undefined || values.name !== undefined)
      throw new UsageError('--resend takes no --email nor --name');
    return { kind: 'run', run: (io) => resend(io, username) };
  }
  const email = values.email;
  if (email === undefined) throw new UsageError('--email is required (the invitation goes there)');
  return {
    kind: 'run',
    run: async (io) => {
      const created = await registerAccount(deps(io), cliActor, {
        username,
        email,
        name: values.name,
        password: null,
      });
      if (!created.ok) throw new CommandError(describeCreateFailure(created), created.code);
      const text = `Created account ${username.trim()} (id ${created.accountId}), without a password.\n`;
      await invite(io, created.accountId, username.trim(), text);
    },
  };
}

async function resend(io: CliIo, identifier: string): Promise<void> {
  const account = await requireAccount(io.db, identifier);
  await invite(io, account.id, account.username);
}

/** A new invitation, mailed after its commit; says where it went. */
export async function invite(
  io: CliIo,
  accountId: string,
  username: string,
  before = '',
): Promise<void> {
  const sent = await sendInvitation(deps(io), cliActor, { accountId });
  if (!sent.ok) {
    if (sent.reason === 'already_accepted')
      throw new CommandError(`${username} has already chosen a password`, 'invitation.accepted');
    throw new CommandError(`${username} has no email address`, 'account.no_email');
  }
  await mailInvitation({ mailer: io.mail.mailer, publicUrl: io.mail.publicUrl }, sent.invitation);
  const where = io.mail.outbox ? ' (no SMTP configured: see npx sesame outbox)' : '';
  report(io, `${before}Invitation sent to ${sent.invitation.to.email}, valid 7 days${where}.\n`, {
    accountId,
    username,
    invitedEmail: sent.invitation.to.email,
  });
}

const deps = (io: CliIo) => ({ db: io.db, now: io.now, hasher: io.hasher });
