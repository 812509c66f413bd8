/**
 * `sesame users show`, `users access-code` and `users sign-out`: the console's account page, its
 * « Émettre un code d'accès temporaire » and « Déconnecter partout », through the same account
 * operations with `cli` as the actor.
 */
import { issueTemporaryAccessCode } from '../accounts/operations/issue-temporary-access-code.ts';
import { signOutEverywhere } from '../accounts/operations/sign-out-everywhere.ts';
import { searchAuditEvents } from '../audit/search-audit-events.ts';
import { listActiveAuthenticators } from '../factors/authenticator-queries.ts';
import { describeAuthenticator } from '../factors/describe-authenticator.ts';
import { readMfaStanding } from '../policy/mfa-policy.ts';
import { translatorFor } from '../ui/i18n/messages.ts';
import { type CliIo, type ParsedCommand, report } from './cli-io.ts';
import { formatTable, formatUtc } from './format-output.ts';
import { HELP_OPTION, onePositional, parseCommandArgs } from './parse-command-args.ts';
import { requireAccount } from './require-account.ts';
import { USERS_USAGE } from './usage.ts';

const HELP: ParsedCommand = { kind: 'help', text: USERS_USAGE };
/** How many of the account's latest sign-ins `users show` lists. */
const RECENT_SIGN_INS = 10;

/** `users <name> <username>`: the one account a command acts on. */
export function parseOnAccount(
  args: string[],
  run: (io: CliIo, identifier: string) => Promise<void>,
): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  const identifier = onePositional(positionals, '<username>');
  return { kind: 'run', run: (io) => run(io, identifier) };
}

export async function showUser(io: CliIo, identifier: string): Promise<void> {
  const account = await requireAccount(io.db, identifier);
  const [methods, signIns, standing] = await Promise.all([
    listActiveAuthenticators(io.db, account.id),
    searchAuditEvents(io.db, { accountId: account.id, type: 'sign_in.', limit: RECENT_SIGN_INS }),
    readMfaStanding(io.db, account.id),
  ]);
  const t = translatorFor('en');
  const value = {
    id: account.id,
    username: account.username,
    email: account.email,
    emailVerified: account.email_verified_at !== null,
    name: account.name,
    locked: account.locked === 1,
    role: account.role,
    phoneNumber: account.phone_number,
    mfaRequired: standing.required,
    mfaRequiredForAccount: account.mfa_required === 1,
    createdAt: formatUtc(account.created_at),
    methods: methods.map((method) => ({
      id: method.id,
      description: describeAuthenticator(t, method),
      addedAt: formatUtc(method.activated_at ?? method.created_at),
      lastUsedAt: method.last_used_at === null ? null : formatUtc(method.last_used_at),
    })),
    recentSignIns: signIns.map((event) => ({
      time: formatUtc(event.occurred_at),
      type: event.type,
      reason: event.reason,
      ip: event.ip,
      clientId: event.client_id,
    })),
  };
  const text = () =>
    [
      `${value.username} (id ${value.id})\n`,
      `Email: ${value.email ?? '-'}${value.email && !value.emailVerified ? ' (not verified)' : ''}\n`,
      `Name: ${value.name}\n`,
      `Status: ${value.locked ? 'locked' : 'active'}\n`,
      `Console role: ${value.role ?? '-'}\n`,
      `Phone: ${value.phoneNumber ?? '-'}\n`,
      `MFA required: ${value.mfaRequired ? 'yes' : 'no'}\n`,
      `Created: ${value.createdAt}\n`,
      '\nMethods:\n',
      value.methods.length === 0
        ? '  none\n'
        : formatTable(
            ['ID', 'DESCRIPTION', 'ADDED (UTC)', 'LAST USED (UTC)'],
            value.methods.map((m) => [m.id, m.description, m.addedAt, m.lastUsedAt ?? '-']),
          ),
      '\nRecent sign-ins:\n',
      value.recentSignIns.length === 0
        ? '  none\n'
        : formatTable(
            ['TIME (UTC)', 'EVENT', 'REASON', 'IP', 'CLIENT'],
            value.recentSignIns.map((e) => [
              e.time,
              e.type,
              e.reason ?? '-',
              e.ip ?? '-',
              e.clientId ?? '-',
            ]),
          ),
    ].join('');
  report(io, text, value);
}

export async function issueAccessCode(io: CliIo, identifier: string): Promise<void> {
  const account = await requireAccount(io.db, identifier);
  const { code, expiresAt } = await issueTemporaryAccessCode(
    { db: io.db, now: io.now, box: io.box },
    { kind: 'cli' },
    { accountId: account.id },
  );
  report(
    io,
    `Temporary access code of ${account.username} (shown once, single use, until ${formatUtc(expiresAt)}): ${code}\n`,
    { accountId: account.id, username: account.username, code, expiresAt: formatUtc(expiresAt) },
  );
}

export async function signOutUser(io: CliIo, identifier: string): Promise<void> {
  const account = await requireAccount(io.db, identifier);
  const ended = await signOutEverywhere(
    { db: io.db, now: io.now },
    { kind: 'cli' },
    {
      accountId: account.id,
    },
  );
  report(
    io,
    `Signed ${account.username} out everywhere; ${ended.oidcRecords} session and token records revoked, ${ended.flows} sign-ins in progress ended.\n`,
    {
      accountId: account.id,
      username: account.username,
      recordsRevoked: ended.oidcRecords,
      flowsEnded: ended.flows,
    },
  );
}
