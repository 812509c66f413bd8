/**
 * `sesame users edit` and `users remove-method`: the console's « Modifier le nom et le courriel »
 * and « Retirer cette méthode », through the same account operations with `cli` as the actor. A
 * new address is mailed its verification link; the old one, if proved, is told of the change.
 */
import { cliActor } from '../accounts/operations/actor.ts';
import { removeAuthenticator } from '../accounts/operations/remove-authenticator.ts';
import { listActiveAuthenticators } from '../factors/authenticator-queries.ts';
import { editProfile } from '../lifecycle/edit-profile.ts';
import { type CliIo, CommandError, type ParsedCommand, report, UsageError } from './cli-io.ts';
import { HELP_OPTION, onePositional, parseCommandArgs } from './parse-command-args.ts';
import { requireAccount } from './require-account.ts';
import { USERS_USAGE } from './usage.ts';

const HELP: ParsedCommand = { kind: 'help', text: USERS_USAGE };

export function parseEditUser(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    name: { type: 'string' },
    email: { type: 'string' },
    'no-email': { type: 'boolean' },
    ...HELP_OPTION,
  });
  if (values.help) return HELP;
  const identifier = onePositional(positionals, '<username>');
  if (values.email !== undefined && values['no-email'])
    throw new UsageError('--email and --no-email together');
  if (values.name !== undefined && values.name.trim() === '')
    throw new UsageError('--name cannot be empty');
  const email = values['no-email'] ? null : values.email;
  if (values.name === undefined && email === undefined)
    throw new UsageError('nothing to change: give --name, --email or --no-email');
  return {
    kind: 'run',
    run: (io) => editUser(io, identifier, { name: values.name?.trim(), email }),
  };
}

async function editUser(
  io: CliIo,
  identifier: string,
  change: { name: string | undefined; email: string | null | undefined },
): Promise<void> {
  const account = await requireAccount(io.db, identifier);
  const deps = { db: io.db, now: io.now, mailer: io.mail.mailer, publicUrl: io.mail.publicUrl };
  const edited = await editProfile(deps, cliActor, {
    accountId: account.id,
    currentName: account.name,
    ...change,
  });
  if (!edited.ok)
    throw new CommandError(
      edited.code === 'accounts.identifier_taken'
        ? 'another account already signs in with this address'
        : `invalid email address (${edited.reason})`,
      edited.code,
    );
  const sent = edited.mailed;
  const after = await requireAccount(io.db, account.username);
  const lines = [`Saved ${after.username}: name ${after.name}, email ${after.email ?? '-'}.\n`];
  if (sent) lines.push('A verification link was sent to the new address.\n');
  report(io, lines.join(''), {
    id: after.id,
    username: after.username,
    name: after.name,
    email: after.email,
    emailVerified: after.email_verified_at !== null,
    verificationSent: sent,
  });
}

export function parseRemoveMethod(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, HELP_OPTION);
  if (values.help) return HELP;
  if (positionals.length !== 2) throw new UsageError('expected <username> <method-id>');
  const [identifier, methodId] = positionals as [string, string];
  return { kind: 'run', run: (io) => removeMethod(io, identifier, methodId) };
}

async function removeMethod(io: CliIo, identifier: string, methodId: string): Promise<void> {
  const account = await requireAccount(io.db, identifier);
  // Only one of this account's own methods (`users show` lists their ids).
  const method = (await listActiveAuthenticators(io.db, account.id)).find((m) => m.id === methodId);
  if (method === undefined)
    throw new CommandError(`${account.username} has no method ${methodId}`, 'method.not_found');
  await removeAuthenticator({ db: io.db, now: io.now }, cliActor, {
    accountId: account.id,
    authenticatorId: method.id,
    reason: method.kind,
  });
  report(io, `Removed method ${method.id} of ${account.username}.\n`, {
    accountId: account.id,
    methodId: method.id,
    removed: true,
  });
}
