/**
 * `sesame users import <file.csv> [--password-generated] [--json]`: create accounts from a CSV
 * file with the header `username,email,name[,groups]` (groups are ignored: Sesame has none yet).
 * Every row is checked first — its username and email, the file's own duplicates, the accounts
 * that exist — and one bad row stops everything, naming its line: nothing is created. Then one
 * transaction creates them all with their invitations (each mailed after the commit), or, with
 * --password-generated, with a generated password each, printed once.
 */
import { readFile } from 'node:fs/promises';
import { validateEmail, validateUsername } from '../accounts/canonical-identifier.ts';
import { generateAcceptablePassword } from '../accounts/generate-password.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { registerAccount } from '../accounts/operations/register-account.ts';
import { sendInvitation } from '../accounts/operations/send-invitation.ts';
import type { PasswordHasher } from '../accounts/password-hasher.ts';
import { isIdentifierTaken } from '../accounts/queries.ts';
import { type InvitationMail, invitationTtlDays, mailInvitation } from '../lifecycle/invitation.ts';
import { type CliIo, CommandError, type ParsedCommand, report } from './cli-io.ts';
import {
  describeCreateFailure,
  describeEmailProblem,
  describeUsernameProblem,
} from './describe-account-error.ts';
import { formatTable } from './format-output.ts';
import { HELP_OPTION, onePositional, parseCommandArgs } from './parse-command-args.ts';
import { CsvSyntaxError, parseCsv } from './parse-csv.ts';
import { USERS_USAGE } from './usage.ts';

interface ImportRow {
  line: number;
  username: string;
  email: string | undefined;
  name: string | undefined;
}

interface RowProblem {
  line: number;
  problem: string;
}

const columns = ['username', 'email', 'name'];

export function parseImport(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    'password-generated': { type: 'boolean' },
    ...HELP_OPTION,
  });
  if (values.help) return { kind: 'help', text: USERS_USAGE };
  const file = onePositional(positionals, '<file.csv>');
  const options = { generated: values['password-generated'] === true };
  return { kind: 'run', run: (io) => importUsers(io, file, options) };
}

async function importUsers(
  io: CliIo,
  file: string,
  options: { generated: boolean },
): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CommandError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
      'file.unreadable',
    );
  }
  const { rows, problems, ignoredGroups } = readRows(text, options.generated);
  if (problems.length === 0) problems.push(...(await conflicts(io, rows)));
  if (problems.length > 0) {
    // In JSON the rows' problems travel in the error itself (stderr), one document.
    if (!io.json) for (const p of problems) io.stderr(`${file}:${p.line}: ${p.problem}\n`);
    const lines = problems.map((p) => `${p.line}: ${p.problem}`).join('; ');
    throw new CommandError(
      `nothing imported: ${problems.length} bad row(s) in ${file}${io.json ? ` (${lines})` : ''}`,
      'import.bad_rows',
    );
  }
  if (ignoredGroups) io.stderr('The groups column is ignored (Sesame has no groups yet).\n');
  const created = await createAll(io, rows, options.generated);
  // Mailed once the accounts and their links are committed.
  for (const row of created)
    if (row.invitation !== undefined)
      await mailInvitation(
        { mailer: io.mail.mailer, publicUrl: io.mail.publicUrl },
        row.invitation,
      );
  reportImport(io, created, options);
}

/** The file's rows, and what is wrong with them on their own. */
function readRows(text: string, generated: boolean) {
  const problems: RowProblem[] = [];
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return {
      rows: [],
      problems: [{ line: error.line, problem: error.message }],
      ignoredGroups: false,
    };
  }
  const [header, ...body] = records;
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const expected = names.length === 4 ? [...columns, 'groups'] : columns;
  if (header === undefined || names.join(',') !== expected.join(','))
    return {
      rows: [],
      problems: [
        { line: header?.line ?? 1, problem: 'the header must be username,email,name[,groups]' },
      ],
      ignoredGroups: false,
    };
  if (body.length === 0) problems.push({ line: header.line, problem: 'no rows after the header' });
  const rows: ImportRow[] = [];
  for (const record of body) {
    const problem = rowProblem(record.fields, names.length, generated);
    if (problem !== undefined) {
      problems.push({ line: record.line, problem });
      continue;
    }
    const [username = '', email = '', name = ''] = record.fields.map((f) => f.trim());
    rows.push({ line: record.line, username, email: email || undefined, name: name || undefined });
  }
  return {
    rows,
    problems,
    ignoredGroups: names.length === 4 && body.some((r) => (r.fields[3] ?? '').trim() !== ''),
  };
}

function rowProblem(fields: string[], count: number, generated: boolean): string | undefined {
  if (fields.length !== count) return `${fields.length} fields, the header has ${count}`;
  const [username = '', email = '', name = ''] = fields.map((f) => f.trim());
  const validUsername = validateUsername(username);
  if (!validUsername.ok) return describeUsernameProblem(validUsername.reason);
  if (email === '') return generated ? undefined : 'an email is needed to send the invitation';
  const validEmail = validateEmail(email);
  if (!validEmail.ok) return describeEmailProblem(validEmail.reason);
  if (name.length > 200) return 'name too long: at most 200 characters';
  return undefined;
}

/** A username or email used twice in the file, or by an account that exists. */
async function conflicts(io: CliIo, rows: ImportRow[]): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const canonicals = identifiersOf(row);
    const earlier = canonicals.map((c) => seen.get(c)).find((line) => line !== undefined);
    if (earlier !== undefined)
      problems.push({ line: row.line, problem: `username or email already on line ${earlier}` });
    else if (await isIdentifierTaken(io.db, canonicals))
      problems.push({ line: row.line, problem: 'username or email already used by an account' });
    for (const c of canonicals) if (!seen.has(c)) seen.set(c, row.line);
  }
  return problems;
}

function identifiersOf(row: ImportRow): string[] {
  const username = validateUsername(row.username);
  const email = row.email === undefined ? undefined : validateEmail(row.email);
  return [...(username.ok ? [username.canonical] : []), ...(email?.ok ? [email.canonical] : [])];
}

interface CreatedRow extends ImportRow {
  id: string;
  password: string | undefined;
  invitation: InvitationMail | undefined;
}

class RowRefused extends Error {}

async function createAll(io: CliIo, rows: ImportRow[], generated: boolean): Promise<CreatedRow[]> {
  // The passwords are hashed before the transaction, which then holds no write lock meanwhile.
  const passwords = new Map<string, string>();
  for (const row of rows)
    if (generated) passwords.set(row.username, generateAcceptablePassword(row));
  const hashes = new Map<string, string>();
  for (const password of passwords.values()) hashes.set(password, await io.hasher.hash(password));
  const hasher: PasswordHasher = {
    ...io.hasher,
    hash: async (p) => hashes.get(p) ?? io.hasher.hash(p),
  };
  try {
    return await io.db.transaction().execute(async (trx) => {
      const deps = { db: trx, now: io.now, hasher };
      const created: CreatedRow[] = [];
      for (const row of rows) {
        const password = passwords.get(row.username) ?? null;
        const result = await registerAccount(deps, cliActor, { ...row, password });
        if (!result.ok) throw new RowRefused(`${row.line}: ${describeCreateFailure(result)}`);
        let invitation: InvitationMail | undefined;
        if (password === null) {
          const sent = await sendInvitation(deps, cliActor, { accountId: result.accountId });
          if (!sent.ok) throw new RowRefused(`${row.line}: invitation not made (${sent.reason})`);
          invitation = sent.invitation;
        }
        created.push({ ...row, id: result.accountId, password: password ?? undefined, invitation });
      }
      return created;
    });
  } catch (error) {
    // Another account took a name meanwhile: the transaction rolled back, nothing is created.
    if (error instanceof RowRefused)
      throw new CommandError(`nothing imported: line ${error.message}`, 'import.bad_rows');
    throw error;
  }
}

function reportImport(io: CliIo, created: CreatedRow[], options: { generated: boolean }) {
  const rows = created.map((row) => ({
    line: row.line,
    id: row.id,
    username: row.username,
    email: row.email ?? null,
    name: row.name ?? row.username,
    ...(row.password === undefined ? { invited: true } : { password: row.password }),
  }));
  const how = options.generated
    ? 'with generated passwords, shown once'
    : `each invited by mail (links valid ${invitationTtlDays} days)${io.mail.outbox ? '; no SMTP configured: see npx sesame outbox' : ''}`;
  const headers = ['LINE', 'USERNAME', 'EMAIL', ...(options.generated ? ['PASSWORD'] : [])];
  const table = () =>
    formatTable(
      headers,
      created.map((row) => [
        String(row.line),
        row.username,
        row.email ?? '-',
        ...(options.generated ? [row.password ?? ''] : []),
      ]),
    );
  report(io, () => `Imported ${created.length} accounts, ${how}.\n${table()}`, {
    imported: rows.length,
    users: rows,
  });
}
