/**
 * `sesame users edit` and `users remove-method`: the console's « Modifier le nom et le courriel »
 * and « Retirer cette méthode », through the same account operations with `cli` as the actor. A
 * new address is mailed its verification link; the old one, if proved, is told of the change.
 */
import { cliActor } from '../accounts/operations/actor.ts';
import { changeEmail } from '../accounts/operations/change-email.ts';
import { removeAuthenticator } from '../accounts/operations/remove-authenticator.ts';
import { renameAccount } from '../accounts/operations/rename-account.ts';
import { listActiveAuthenticators } from '../factors/authenticator-queries.ts';
import { mailNewAddress } from '../lifecycle/mail-new-address.ts';
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
  const deps = { db: io.db, now: io.now };
  // The address first: refused, it leaves the name unchanged too.
  const email =
    change.email === undefined
      ? undefined
      : await changeEmail(deps, cliActor, { accountId: account.id, email: change.email });
  if (email !== undefined && !email.ok)
    throw new CommandError(
      email.code === 'accounts.identifier_taken'
        ? 'another account already signs in with this address'
        : `invalid email address (${email.reason})`,
      email.code,
    );
  if (change.name !== undefined && change.name !== account.name)
    await renameAccount(deps, cliActor, { accountId: account.id, name: change.name });
  const mailDeps = { ...deps, mailer: io.mail.mailer, publicUrl: io.mail.publicUrl };
  const sent =
    email?.changed === true && change.email !== null
      ? await mailNewAddress(mailDeps, cliActor, { accountId: account.id })
      : false;
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
