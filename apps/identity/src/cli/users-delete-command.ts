/**
 * `sesame users delete <username>`: delete the account (accounts/operations/delete-account.ts),
 * its methods, devices, sessions and tokens; its audit trail stays, under a pseudonym.
 */
import { cliActor } from '../accounts/operations/actor.ts';
import { deleteAccount } from '../accounts/operations/delete-account.ts';
import { CommandError, type ParsedCommand, report } from './cli-io.ts';
import { HELP_OPTION, onePositional, parseCommandArgs } from './parse-command-args.ts';
import { requireAccount } from './require-account.ts';
import { USERS_USAGE } from './usage.ts';

export function parseDeleteUser(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return { kind: 'help', text: USERS_USAGE };
  const identifier = onePositional(positionals, '<username>');
  return {
    kind: 'run',
    run: async (io) => {
      const account = await requireAccount(io.db, identifier);
      const deleted = await deleteAccount({ db: io.db, now: io.now }, cliActor, {
        accountId: account.id,
      });
      if (deleted === undefined)
        throw new CommandError(`no account '${identifier}'`, 'account.not_found');
      report(
        io,
        `Deleted account ${deleted.username}; its audit trail now names it ${deleted.pseudonym}.\n`,
        { accountId: account.id, username: deleted.username, pseudonym: deleted.pseudonym },
      );
    },
  };
}
