/**
 * `sesame users import <file.csv>` with real files (quoted fields holding commas, doubled quotes
 * and a line break, CRLF): every account created and invited, or given a printed password with
 * --password-generated; --json; and all or nothing — one bad row (its line named, counting the
 * lines a quoted field spans) and no account is created.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame users import (%s)', (backend) => {
  let t: CliHarness;
  let dir: string;
  beforeEach(async () => {
    t = await openCliHarness(backend);
    dir = await mkdtemp(join(tmpdir(), 'sesame-import-'));
  });
  afterEach(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function csv(text: string): Promise<string> {
    const file = join(dir, 'users.csv');
    await writeFile(file, text, 'utf8');
    return file;
  }
  const accounts = () =>
    t.db.selectFrom('accounts').select(['username', 'email', 'name']).orderBy('username').execute();

  it('creates and invites every row; quoted fields keep their commas; groups are ignored', async () => {
    const file = await csv(
      [
        'username,email,name,groups',
        'mtremblay,marie.tremblay@example.ca,"Tremblay, Marie","rh,paie"',
        'jroy,jean.roy@example.ca,"Jean ""Johnny"" Roy",',
        '"l.cote",lea.cote@example.ca,Léa Côté,',
        '',
      ].join('\r\n'),
    );
    const run = await t.run(['users', 'import', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported 3 accounts, each invited by mail (links valid 7 days)');
    expect(run.stderr).toBe('The groups column is ignored (Sesame has no groups yet).\n');
    expect(await accounts()).toEqual([
      { username: 'jroy', email: 'jean.roy@example.ca', name: 'Jean "Johnny" Roy' },
      { username: 'l.cote', email: 'lea.cote@example.ca', name: 'Léa Côté' },
      { username: 'mtremblay', email: 'marie.tremblay@example.ca', name: 'Tremblay, Marie' },
    ]);
    const mail = await t.db
      .selectFrom('outbox_messages')
      .select(['to_address', 'text_body'])
      .execute();
    expect(mail.map((m) => m.to_address).sort()).toEqual([
      'jean.roy@example.ca',
      'lea.cote@example.ca',
      'marie.tremblay@example.ca',
    ]);
    expect(mail.every((m) => /\/invitation\?token=[\w-]{43}/.test(m.text_body))).toBe(true);
    const invited = await t.db
      .selectFrom('audit_events')
      .select('actor')
      .where('type', '=', 'account.invited')
      .execute();
    expect(invited).toEqual([{ actor: 'cli' }, { actor: 'cli' }, { actor: 'cli' }]);
  });

  it('--password-generated --json: a password per row, printed once, that signs in', async () => {
    const file = await csv(
      'username,email,name\nana,,"Ana, la stagiaire"\nbob,bob@example.ca,Bob\n',
    );
    const run = await t.run(['users', 'import', file, '--password-generated', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      imported: number;
      users: Array<{ line: number; username: string; name: string; password: string }>;
    };
    expect(out.imported).toBe(2);
    expect(out.users.map((u) => [u.line, u.username, u.name])).toEqual([
      [2, 'ana', 'Ana, la stagiaire'],
      [3, 'bob', 'Bob'],
    ]);
    for (const user of out.users) {
      const { password_hash } = await t.db
        .selectFrom('accounts')
        .select('password_hash')
        .where('username', '=', user.username)
        .executeTakeFirstOrThrow();
      expect(await t.hasher.verify(password_hash, user.password)).toBe(true);
    }
    expect(await t.db.selectFrom('outbox_messages').select('id').execute()).toEqual([]);
  });

  it('one bad row stops everything, naming its line; nothing is created', async () => {
    await t.run(['users', 'create', 'deja', '--email', 'deja@example.ca']);
    const file = await csv(
      [
        'username,email,name',
        'alice,alice@example.ca,"Alice, qui a',
        'deux lignes"',
        'bruno,pas-une-adresse,Bruno',
        'carla,carla@example.ca,Carla',
        'carla2,CARLA@example.ca,Carla bis',
        'deja,autre@example.ca,Déjà là',
        'dora,,Dora',
      ].join('\n'),
    );
    const run = await t.run(['users', 'import', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:4: `);
    expect(run.stderr).toContain(`${file}:8: an email is needed to send the invitation`);
    expect(run.stderr).toContain('nothing imported: 2 bad row(s)');
    expect((await accounts()).map((a) => a.username)).toEqual(['deja']);
    // The conflicts are found once the rows are valid, still before anything is created.
    const second = await csv(
      'username,email,name\ncarla,carla@example.ca,Carla\ncarla2,CARLA@example.ca,Carla bis\ndeja,autre@example.ca,Déjà\n',
    );
    const json = await t.run(['users', 'import', second, '--json']);
    expect(json.code).toBe(1);
    // In JSON, one error document on stderr, naming each bad line.
    expect(json.stdout).toBe('');
    const { error } = JSON.parse(json.stderr);
    expect(error.code).toBe('import.bad_rows');
    expect(error.message).toContain('3: username or email already on line 2');
    expect(error.message).toContain('4: username or email already used by an account');
    expect((await accounts()).map((a) => a.username)).toEqual(['deja']);
    expect(
      await t.db
        .selectFrom('email_tokens')
        .select('id')
        .where('purpose', '=', 'invitation')
        .execute(),
    ).toEqual([]);
  });

  it('refuses a wrong header and a file it cannot read', async () => {
    const wrong = await t.run(['users', 'import', await csv('login,mail\nx,y\n')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(':1: the header must be username,email,name[,groups]');
    const missing = await t.run(['users', 'import', join(dir, 'absent.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ENOENT');
  });
});
