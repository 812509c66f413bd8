/**
 * `sesame users …`: create, list, lock, unlock, set-password, and the account's MFA: require-mfa,
 * reset-mfa.
 */

import { type CreateAccountResult, createAccount } from '../accounts/create-account.ts';
import { generateAcceptablePassword } from '../accounts/generate-password.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { lockAccount } from '../accounts/operations/lock-account.ts';
import { setPassword } from '../accounts/operations/set-password.ts';
import { unlockAccount } from '../accounts/operations/unlock-account.ts';
import { checkPasswordPolicy } from '../accounts/password-policy.ts';
import { listAccounts } from '../accounts/queries.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { listAccountsInMfaGroups } from '../policy/groups-queries.ts';
import { readMfaStanding } from '../policy/mfa-policy.ts';
import { readMfaPolicy } from '../policy/mfa-policy-settings.ts';
import {
  AUDIT_REASON,
  type CliIo,
  CommandError,
  type ParsedCommand,
  stripTrailingNewline,
  UsageError,
} from './cli-io.ts';
import {
  describeEmailProblem,
  describePasswordProblem,
  describeUsernameProblem,
} from './describe-account-error.ts';
import { formatJson, formatTable, formatUtc } from './format-output.ts';
import {
  HELP_OPTION,
  noPositionals,
  onePositional,
  parseCommandArgs,
} from './parse-command-args.ts';
import { countActiveAuthenticatorsByAccount } from './queries.ts';
import { requireAccount } from './require-account.ts';
import { USERS_USAGE } from './usage.ts';
import { mailVerificationLink, parseVerifyEmail } from './users-email-command.ts';
import { parseRequireMfa, parseResetMfa } from './users-mfa-commands.ts';
import { parseSetPhone } from './users-phone-command.ts';
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
};

export function parseUsersCommand(args: string[]): ParsedCommand {
  const [name, ...rest] = args;
  if (name === undefined) {
    throw new UsageError(`missing command after 'users'`, 'sesame users --help');
  }
  if (name === '--help' || name === '-h' || name === 'help') return HELP;
  const parse = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (parse === undefined)
    throw new UsageError(`unknown command 'users ${name}'`, 'sesame users --help');
  try {
    return parse(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`users ${name}: ${error.message}`, 'sesame users --help');
  }
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
  const result = await createAccount(io, { ...input, password });
  if (!result.ok) throw new CommandError(describeCreateFailure(result));
  await recordAuditEvent(
    io.db,
    { type: 'account.created', accountId: result.accountId, reason: AUDIT_REASON },
    io.now(),
  );
  io.stdout(`Created account ${input.username.trim()} (id ${result.accountId}).\n`);
  if (!passwordFromStdin) io.stdout(`Password (shown once): ${password}\n`);
  // Mail goes only to a verified address: the new one is sent its link at once.
  if (input.email !== undefined) await mailVerificationLink(io, result.accountId, input.username);
}

function describeCreateFailure(result: Extract<CreateAccountResult, { ok: false }>): string {
  switch (result.code) {
    case 'accounts.invalid_username':
      return describeUsernameProblem(result.reason);
    case 'accounts.invalid_email':
      return describeEmailProblem(result.reason);
    case 'accounts.weak_password':
      return describePasswordProblem(result.reason);
    case 'accounts.identifier_taken':
      return 'username or email already used by another account';
  }
}

function parseList(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    ...HELP_OPTION,
  });
  if (values.help) return HELP;
  noPositionals(positionals);
  return { kind: 'run', run: (io) => listUsers(io, values.json === true) };
}

async function listUsers(io: CliIo, json: boolean): Promise<void> {
  const [accounts, policy, inMfaGroups, authenticators] = await Promise.all([
    listAccounts(io.db),
    readMfaPolicy(io.db),
    listAccountsInMfaGroups(io.db),
    countActiveAuthenticatorsByAccount(io.db),
  ]);
  // Required by the organization's policy: of everyone, or of the chosen groups' members.
  const byOrg = (id: string) =>
    policy.appliesTo === 'everyone' || (policy.appliesTo === 'groups' && inMfaGroups.has(id));
  if (json) {
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
    io.stdout(formatJson(rows));
    return;
  }
  if (accounts.length === 0) {
    io.stdout('No accounts.\n');
    return;
  }
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
  io.stdout(formatTable(headers, rows));
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
    io.stdout(
      `Locked ${account.username}; ${ended.oidcRecords} session and token records revoked, ${ended.flows} sign-ins in progress ended.\n`,
    );
    return;
  }
  // An administrator's unlock also lifts the lockouts left by failed attempts (hard limit included).
  await unlockAccount(deps, cliActor, { accountId: account.id });
  io.stdout(`Unlocked ${account.username}; failed sign-in counters reset.\n`);
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
  if (!policy.ok) throw new CommandError(describePasswordProblem(policy.reason));
  // A new password signs every device out: sessions, tokens and sign-ins in progress end (G-28).
  await setPassword({ db: io.db, now: io.now }, cliActor, {
    accountId: account.id,
    passwordHash: await io.hasher.hash(password),
  });
  io.stdout(`Password of ${account.username} changed.\n`);
}
