/** `sesame users set-phone <username> <+E164>|--remove`: the number SMS codes go to. */
import { cliActor } from '../accounts/operations/actor.ts';
import { setPhoneNumber } from '../accounts/operations/set-phone-number.ts';
import { parsePhoneNumber } from '../factors/sms-code/phone-number.ts';
import { type CliIo, type ParsedCommand, report, UsageError } from './cli-io.ts';
import { HELP_OPTION, parseCommandArgs } from './parse-command-args.ts';
import { requireAccount } from './require-account.ts';
import { USERS_USAGE } from './usage.ts';

export function parseSetPhone(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    remove: { type: 'boolean' },
    ...HELP_OPTION,
  });
  if (values.help) return { kind: 'help', text: USERS_USAGE };
  const [identifier, typed, extra] = positionals;
  if (identifier === undefined) throw new UsageError('missing <username>');
  if (extra !== undefined || (values.remove === true && typed !== undefined))
    throw new UsageError(`unexpected argument '${extra ?? typed}'`);
  if (values.remove === true) return { kind: 'run', run: (io) => setPhone(io, identifier, null) };
  if (typed === undefined) throw new UsageError('missing <+E164 number> (or --remove)');
  const number = parsePhoneNumber(typed);
  if (number === undefined)
    throw new UsageError(
      `'${typed}' is not an E.164 number (+ country code and number, like +15145550100)`,
    );
  return { kind: 'run', run: (io) => setPhone(io, identifier, number) };
}

async function setPhone(io: CliIo, identifier: string, number: string | null): Promise<void> {
  const account = await requireAccount(io.db, identifier);
  await setPhoneNumber({ db: io.db, now: io.now }, cliActor, {
    accountId: account.id,
    phoneNumber: number,
  });
  report(
    io,
    number === null
      ? `Phone number of ${account.username} removed; SMS codes no longer reach the account.\n`
      : `Phone number of ${account.username}: ${number}. SMS codes go there once ${account.username} confirms it with a code (enrolling « Code par SMS »).\n`,
    { accountId: account.id, username: account.username, phoneNumber: number },
  );
}
