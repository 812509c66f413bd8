/**
 * `sesame users grant-admin <username> [--helpdesk]` and `users revoke-admin <username>`: who may
 * use the administration console (`/admin`). An administrator always signs in there with MFA.
 */
import { cliActor } from '../accounts/operations/actor.ts';
import { setRole } from '../accounts/operations/set-role.ts';
import { type CliIo, type ParsedCommand, report } from './cli-io.ts';
import { HELP_OPTION, onePositional, parseCommandArgs } from './parse-command-args.ts';
import { requireAccount } from './require-account.ts';
import { USERS_USAGE } from './usage.ts';

const HELP: ParsedCommand = { kind: 'help', text: USERS_USAGE };

export function parseGrantAdmin(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    helpdesk: { type: 'boolean' },
    ...HELP_OPTION,
  });
  if (values.help) return HELP;
  const identifier = onePositional(positionals, '<username>');
  const role = values.helpdesk === true ? 'helpdesk' : 'admin';
  return {
    kind: 'run',
    run: async (io) => {
      const account = await requireAccount(io.db, identifier);
      await setRole(deps(io), cliActor, { accountId: account.id, role });
      report(
        io,
        role === 'admin'
          ? `${account.username} is an administrator: ${consoleUrl(io)} (always with MFA).\n`
          : `${account.username} is on the help desk (users only): ${consoleUrl(io)} (always with MFA).\n`,
        { accountId: account.id, username: account.username, role, consoleUrl: consoleUrl(io) },
      );
    },
  };
}

export function parseRevokeAdmin(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  const identifier = onePositional(positionals, '<username>');
  return {
    kind: 'run',
    run: async (io) => {
      const account = await requireAccount(io.db, identifier);
      await setRole(deps(io), cliActor, { accountId: account.id, role: null });
      report(io, `${account.username} no longer has access to the administration console.\n`, {
        accountId: account.id,
        username: account.username,
        role: null,
      });
    },
  };
}

const deps = (io: CliIo) => ({ db: io.db, now: io.now });
const consoleUrl = (io: CliIo) => `${io.mail.publicUrl}/admin`;
