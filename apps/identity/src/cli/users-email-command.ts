/** `sesame users verify-email`: mail the account's address its verification link. */
import { sendVerificationLink } from '../mail/email-verification.ts';
import { type CliIo, CommandError, type ParsedCommand } from './cli-io.ts';
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
      await mailVerificationLink(io, account.id, account.username);
    },
  };
}

/** Send the link, and say where it went (and where to read it without SMTP). */
export async function mailVerificationLink(
  io: CliIo,
  accountId: string,
  username: string,
): Promise<void> {
  const deps = { db: io.db, mailer: io.mail.mailer, now: io.now, publicUrl: io.mail.publicUrl };
  const result = await sendVerificationLink(deps, accountId);
  if (result === 'no_email') throw new CommandError(`${username} has no email address`);
  if (result === 'already_verified') {
    io.stdout(`The email address of ${username} is already verified.\n`);
    return;
  }
  const where = io.mail.outbox ? ' (no SMTP configured: see npx sesame outbox)' : '';
  io.stdout(`Verification link sent to the email address of ${username}${where}.\n`);
}
