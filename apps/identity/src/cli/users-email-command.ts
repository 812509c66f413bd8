/** `sesame users verify-email`: mail the account's address its verification link. */
import { sendVerificationLink } from '../mail/email-verification.ts';
import { type CliIo, CommandError, type ParsedCommand, report } from './cli-io.ts';
import { HELP_OPTION, onePositional, parseCommandArgs } from './parse-command-args.ts';
import { requireAccount } from './require-account.ts';
import { USERS_USAGE } from './usage.ts';

export function parseVerifyEmail(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, HELP_OPTION);
  if (values.help) return { kind: 'help', text: USERS_USAGE };
  const identifier = onePositional(positionals, '<username>');
  return {
    kind: 'run',
    run: async (io) => {
      const account = await requireAccount(io.db, identifier);
      const sent = await mailVerificationLink(io, account.id, account.username);
      report(io, sent.text, { accountId: account.id, username: account.username, ...sent.json });
    },
  };
}

/** Send the link; what to say of where it went (and where to read it without SMTP). */
export async function mailVerificationLink(
  io: CliIo,
  accountId: string,
  username: string,
): Promise<{ text: string; json: { verificationLink: 'sent' | 'already_verified' } }> {
  const deps = { db: io.db, mailer: io.mail.mailer, now: io.now, publicUrl: io.mail.publicUrl };
  const result = await sendVerificationLink(deps, accountId);
  if (result === 'no_email')
    throw new CommandError(`${username} has no email address`, 'account.no_email');
  if (result === 'already_verified')
    return {
      text: `The email address of ${username} is already verified.\n`,
      json: { verificationLink: result },
    };
  const where = io.mail.outbox ? ' (no SMTP configured: see npx sesame outbox)' : '';
  return {
    text: `Verification link sent to the email address of ${username}${where}.\n`,
    json: { verificationLink: result },
  };
}
