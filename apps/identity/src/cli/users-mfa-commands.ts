/** `sesame users require-mfa` and `users reset-mfa`: the account's side of the MFA policy. */

import { cliActor } from '../accounts/operations/actor.ts';
import { resetMfa as resetAccountMfa } from '../accounts/operations/reset-mfa.ts';
import { setMfaRequired } from '../accounts/operations/set-mfa-required.ts';
import { readMfaStanding } from '../policy/mfa-policy.ts';
import { type CliIo, type ParsedCommand, report } from './cli-io.ts';
import { HELP_OPTION, onePositional, parseCommandArgs } from './parse-command-args.ts';
import { requireAccount } from './require-account.ts';
import { USERS_USAGE } from './usage.ts';

const HELP: ParsedCommand = { kind: 'help', text: USERS_USAGE };

export function parseRequireMfa(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    off: { type: 'boolean' },
    ...HELP_OPTION,
  });
  if (values.help) return HELP;
  const identifier = onePositional(positionals, '<username>');
  const required = values.off !== true;
  return { kind: 'run', run: (io) => requireMfa(io, identifier, required) };
}

async function requireMfa(io: CliIo, identifier: string, required: boolean): Promise<void> {
  const account = await requireAccount(io.db, identifier);
  await setMfaRequired({ db: io.db, now: io.now }, cliActor, { accountId: account.id, required });
  const standing = await readMfaStanding(io.db, account.id);
  const text = required
    ? standing.hasActiveAuthenticator
      ? `MFA required for ${account.username}.\n`
      : `MFA required for ${account.username}, who has no active authenticator yet and enrolls at the next sign-in.\n`
    : standing.required
      ? `MFA no longer required for ${account.username} by the account; still required by the organization (see 'sesame org show').\n`
      : `MFA no longer required for ${account.username}.\n`;
  report(io, text, {
    accountId: account.id,
    username: account.username,
    mfaRequiredForAccount: required,
    mfaRequired: standing.required,
    hasActiveAuthenticator: standing.hasActiveAuthenticator,
  });
}

export function parseResetMfa(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  const identifier = onePositional(positionals, '<username>');
  return { kind: 'run', run: (io) => resetMfa(io, identifier) };
}

async function resetMfa(io: CliIo, identifier: string): Promise<void> {
  const account = await requireAccount(io.db, identifier);
  const removed = await resetAccountMfa({ db: io.db, now: io.now }, cliActor, {
    accountId: account.id,
  });
  const standing = await readMfaStanding(io.db, account.id);
  const text =
    `Removed ${plural(removed.authenticators, 'authenticator')} and ${plural(removed.devices, 'device')} of ${account.username}.\n` +
    (standing.required
      ? `MFA is required: ${account.username} will enroll again at the next sign-in.\n`
      : `MFA is not required for ${account.username} now; if it becomes required, ${account.username} will enroll again at the next sign-in.\n`);
  report(io, text, {
    accountId: account.id,
    username: account.username,
    authenticatorsRemoved: removed.authenticators,
    devicesRemoved: removed.devices,
    mfaRequired: standing.required,
  });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
