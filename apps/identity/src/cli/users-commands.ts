/**
 * `sesame users …`: create, list, show, lock, unlock, set-password, sign-out, access-code, and the
 * account's MFA: require-mfa, reset-mfa.
 */

import { generateAcceptablePassword } from '../accounts/generate-password.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { lockAccount } from '../accounts/operations/lock-account.ts';
import { registerAccount } from '../accounts/operations/register-account.ts';
import { setPassword } from '../accounts/operations/set-password.ts';
import { unlockAccount } from '../accounts/operations/unlock-account.ts';
import { checkPasswordPolicy } from '../accounts/password-policy.ts';
import { type Account, listAccounts } from '../accounts/queries.ts';
import { listAccountsInMfaGroups } from '../policy/groups-queries.ts';
import { readMfaStanding } from '../policy/mfa-policy.ts';
import { readMfaPolicy } from '../policy/mfa-policy-settings.ts';
import {
  type CliIo,
  CommandError,
  type ParsedCommand,
  report,
  stripTrailingNewline,
  UsageError,
} from './cli-io.ts';
import { describeCreateFailure, describePasswordProblem } from './describe-account-error.ts';
import { formatTable, formatUtc } from './format-output.ts';
import {
  HELP_OPTION,
  noPositionals,
  onePositional,
  parseCommandArgs,
  parseSubcommand,
} from './parse-command-args.ts';
import { countActiveAuthenticatorsByAccount } from './queries.ts';
import { requireAccount } from './require-account.ts';
import { USERS_USAGE } from './usage.ts';
import {
  issueAccessCode,
  parseOnAccount,
  showUser,
  signOutUser,
} from './users-account-commands.ts';
import { parseDeleteUser } from './users-delete-command.ts';
import { mailVerificationLink, parseVerifyEmail } from './users-email-command.ts';
import { parseImport } from './users-import-command.ts';
import { parseInvite } from './users-invite-command.ts';
import { parseRequireMfa, parseResetMfa } from './users-mfa-commands.ts';
import { parseSetPhone } from './users-phone-command.ts';
import { parseEditUser, parseRemoveMethod } from './users-profile-commands.ts';
import { parseGrantAdmin, parseRevokeAdmin } from './users-role-commands.ts';

const HELP: ParsedCommand = { kind: 'help', text: USERS_USAGE };

type SubcommandParser = (args: string[]) => ParsedCommand;

const SUBCOMMANDS: Record<string, SubcommandParser> = {
  create: parseCreate,
  list: parseList,
  lock: (args) => parseSetLocked(args, true),
  unlock: (args) => parseSetLocked(args, false),
  'set-password': parseSetPassword,
  'require-mfa': parseRequireMfa,
  'reset-mfa': parseResetMfa,
  'set-phone': parseSetPhone,
  'verify-email': parseVerifyEmail,
  'grant-admin': parseGrantAdmin,
  'revoke-admin': parseRevokeAdmin,
  show: (args) => parseOnAccount(args, showUser),
  'access-code': (args) => parseOnAccount(args, issueAccessCode),
  'sign-out': (args) => parseOnAccount(args, signOutUser),
  edit: parseEditUser,
  'remove-method': parseRemoveMethod,
  delete: parseDeleteUser,
  invite: parseInvite,
  import: parseImport,
};

/** The subcommands' names, for the CLI's walk (run-cli.ts GROUPS). */
export const USERS_SUBCOMMANDS = Object.keys(SUBCOMMANDS);

export function parseUsersCommand(args: string[]): ParsedCommand {
  return parseSubcommand('users', SUBCOMMANDS, HELP, args);
}

function parseCreate(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    email: { type: 'string' },
    name: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    ...HELP_OPTION,
  });
  if (values.help) return HELP;
  const username = onePositional(positionals, '<username>');
  const input = { username, email: values.email, name: values.name };
  const passwordFromStdin = values['password-stdin'] === true;
  return { kind: 'run', run: (io) => createUser(io, input, passwordFromStdin) };
}

async function createUser(
  io: CliIo,
  input: { username: string; email: string | undefined; name: string | undefined },
  passwordFromStdin: boolean,
): Promise<void> {
  const password = passwordFromStdin
    ? stripTrailingNewline(await io.readStdin())
    : generateAcceptablePassword(input);
  // The console's « Nouvel utilisateur »: the same operation, with `cli` as the actor.
  const result = await registerAccount(io, cliActor, { ...input, password });
  if (!result.ok) throw new CommandError(describeCreateFailure(result), result.code);
  const username = input.username.trim();
  // Mail goes only to a verified address: the new one is sent its link at once.
  const mailed =
    input.email === undefined
      ? undefined
      : await mailVerificationLink(io, result.accountId, input.username);
  const text = [
    `Created account ${username} (id ${result.accountId}).\n`,
    passwordFromStdin ? '' : `Password (shown once): ${password}\n`,
    mailed?.text ?? '',
  ].join('');
  report(io, text, {
    accountId: result.accountId,
    username,
    // Generated: shown once, here; read from stdin: never written back.
    password: passwordFromStdin ? null : password,
    verificationLink: mailed?.json.verificationLink ?? null,
  });
}

function parseList(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    search: { type: 'string' },
    ...HELP_OPTION,
  });
  if (values.help) return HELP;
  noPositionals(positionals);
  const search = values.search?.trim().toLowerCase() ?? '';
  return { kind: 'run', run: (io) => listUsers(io, search) };
}

/** `search`: as the console's users page, in the username, email or name, in any case. */
async function listUsers(io: CliIo, search: string): Promise<void> {
  const [all, policy, inMfaGroups, authenticators] = await Promise.all([
    listAccounts(io.db),
    readMfaPolicy(io.db),
    listAccountsInMfaGroups(io.db),
    countActiveAuthenticatorsByAccount(io.db),
  ]);
  // Required by the organization's policy: of everyone, or of the chosen groups' members.
  const byOrg = (id: string) =>
    policy.appliesTo === 'everyone' || (policy.appliesTo === 'groups' && inMfaGroups.has(id));
  const accounts = all.filter((account) =>
    [account.username, account.email ?? '', account.name].some((field) =>
      field.toLowerCase().includes(search),
    ),
  );
  const rows = accounts.map((account) => ({
    id: account.id,
    username: account.username,
    email: account.email,
    name: account.name,
    locked: account.locked === 1,
    mfaRequired: byOrg(account.id) || account.mfa_required === 1,
    mfaRequiredForAccount: account.mfa_required === 1,
    authenticators: authenticators.get(account.id) ?? 0,
    createdAt: formatUtc(account.created_at),
  }));
  report(
    io,
    () => (accounts.length === 0 ? 'No accounts.\n' : usersTable(accounts, byOrg, authenticators)),
    rows,
  );
}

function usersTable(
  accounts: Account[],
  byOrg: (accountId: string) => boolean,
  authenticators: Map<string, number>,
): string {
  const rows = accounts.map((account) => [
    account.username,
    account.email ?? '-',
    account.name,
    account.locked === 1 ? 'locked' : 'active',
    mfaRequiredBy(account.mfa_required === 1, byOrg(account.id)),
    String(authenticators.get(account.id) ?? 0),
    formatUtc(account.created_at),
  ]);
  const headers = ['USERNAME', 'EMAIL', 'NAME', 'STATUS', 'MFA', 'AUTHENTICATORS', 'CREATED (UTC)'];
  return formatTable(headers, rows);
}

/** Who requires MFA of the account: its own flag first (it outlives the org's setting). */
function mfaRequiredBy(forAccount: boolean, byOrg: boolean): 'account' | 'org' | 'no' {
  if (forAccount) return 'account';
  return byOrg ? 'org' : 'no';
}

function parseSetLocked(args: string[], locked: boolean): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  const identifier = onePositional(positionals, '<username>');
  return { kind: 'run', run: (io) => setLocked(io, identifier, locked) };
}

async function setLocked(io: CliIo, identifier: string, locked: boolean): Promise<void> {
  const account = await requireAccount(io.db, identifier);
  const deps = { db: io.db, now: io.now };
  if (locked) {
    // A locked account keeps nothing: its sessions, grants, tokens and sign-ins in progress go.
    const ended = await lockAccount(deps, cliActor, { accountId: account.id });
    report(
      io,
      `Locked ${account.username}; ${ended.oidcRecords} session and token records revoked, ${ended.flows} sign-ins in progress ended.\n`,
      {
        accountId: account.id,
        username: account.username,
        locked: true,
        recordsRevoked: ended.oidcRecords,
        flowsEnded: ended.flows,
      },
    );
    return;
  }
  // An administrator's unlock also lifts the lockouts left by failed attempts (hard limit included).
  await unlockAccount(deps, cliActor, { accountId: account.id });
  report(io, `Unlocked ${account.username}; failed sign-in counters reset.\n`, {
    accountId: account.id,
    username: account.username,
    locked: false,
  });
}

function parseSetPassword(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    'password-stdin': { type: 'boolean' },
    ...HELP_OPTION,
  });
  if (values.help) return HELP;
  const identifier = onePositional(positionals, '<username>');
  // A password never goes on the command line, where `ps` and the shell history would keep it.
  if (values['password-stdin'] !== true) throw new UsageError('--password-stdin is required');
  return { kind: 'run', run: (io) => changePassword(io, identifier) };
}

async function changePassword(io: CliIo, identifier: string): Promise<void> {
  const account = await requireAccount(io.db, identifier);
  const password = stripTrailingNewline(await io.readStdin());
  const policy = checkPasswordPolicy(password, {
    username: account.username,
    email: account.email ?? undefined,
    name: account.name,
    passwordOnly: !(await readMfaStanding(io.db, account.id)).required,
  });
  if (!policy.ok)
    throw new CommandError(describePasswordProblem(policy.reason), 'accounts.weak_password');
  // A new password signs every device out: sessions, tokens and sign-ins in progress end (G-28).
  await setPassword({ db: io.db, now: io.now }, cliActor, {
    accountId: account.id,
    passwordHash: await io.hasher.hash(password),
  });
  report(io, `Password of ${account.username} changed.\n`, {
    accountId: account.id,
    username: account.username,
    passwordChanged: true,
  });
}
