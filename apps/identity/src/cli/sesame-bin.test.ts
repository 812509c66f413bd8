/** End to end: the real `sesame` binary, as `npx sesame` runs it (Node 24 first on PATH). */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../../..');
const BIN_DIR = join(ROOT, 'node_modules', '.bin');
const SESAME = join(BIN_DIR, 'sesame');

interface BinRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runSesame(args: string[], env: Record<string, string>, stdin?: string): Promise<BinRun> {
  const { DATABASE_URL: _ignored, SESAME_SECRET_KEY: _alsoIgnored, ...inherited } = process.env;
  return new Promise((done) => {
    const child = execFile(
      SESAME,
      args,
      {
        cwd: ROOT,
        env: { ...inherited, ...env, PATH: `${BIN_DIR}${delimiter}${process.env.PATH}` },
        timeout: 15_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr });
      },
    );
    child.stdin?.end(stdin ?? '');
  });
}

describe('the sesame binary', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sesame-cli-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('prints the usage for --help and exits 0', async () => {
    const run = await runSesame(['--help'], { SESAME_DATA_DIR: dataDir });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Usage: sesame <command> \[options\]/);
    expect(run.stdout).toContain('users set-password <username> --password-stdin');
  });

  it('exits 2 with one line for an unknown command', async () => {
    const run = await runSesame(['frobnicate'], { SESAME_DATA_DIR: dataDir });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: "sesame: unknown command 'frobnicate' (see 'sesame --help')\n",
    });
  });

  it('creates an account in a SQLite data directory, then lists it', async () => {
    const env = { SESAME_DATA_DIR: dataDir };
    const created = await runSesame(
      ['users', 'create', 'Claire', '--email', 'claire@example.ca', '--password-stdin'],
      env,
      'rivière gelée 2026\n',
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toMatch(
      /^Created account Claire \(id [0-9a-f-]{36}\)\.\nVerification link sent to the email address of Claire \(no SMTP configured: see npx sesame outbox\)\.\n$/,
    );
    const listed = await runSesame(['users', 'list', '--json'], env);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ username: 'Claire', email: 'claire@example.ca', locked: false }),
    ]);
    const again = await runSesame(['users', 'create', 'CLAIRE'], env);
    expect(again).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sesame: username or email already used by another account\n',
    });
  });

  it('rotates the signing key with the server’s secret, in JSON, and answers errors in JSON', async () => {
    const env = { SESAME_DATA_DIR: dataDir };
    const rotated = await runSesame(['keys', 'rotate', '--json'], env);
    expect(rotated).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(rotated.stdout)).toMatchObject({ alg: 'RS256', state: 'current' });
    const ghost = await runSesame(['users', 'show', 'ghost', '--json'], env);
    expect(ghost).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(ghost.stderr)).toEqual({
      error: { code: 'account.not_found', message: 'no account named ghost' },
    });
  });
});
