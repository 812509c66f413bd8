import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';
import { runCliWith } from './run-cli.ts';

describe('sesame: help and usage errors', () => {
  let t: CliHarness;
  beforeEach(async () => {
    t = await openCliHarness('sqlite');
  });
  afterEach(() => t.close());

  it('prints the usage for --help, -h and help', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const run = await t.run(argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: sesame <command> \[options\]/);
      expect(run.stdout).toContain('users create <username>');
      expect(run.stdout).toContain('audit [--user <username>] [--type T] [--since S]');
      expect(run.stdout).toContain('org require-mfa on|off');
      expect(run.stdout).toContain('users reset-mfa <username>');
    }
  });

  it("prints a group's usage for '<group> --help' and 'help <group>'", async () => {
    for (const argv of [
      ['users', '--help'],
      ['users', 'help'],
      ['help', 'users'],
      ['users', 'create', '--help'],
      ['users', 'lock', '-h'],
    ]) {
      const run = await t.run(argv);
      expect(run, argv.join(' ')).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Usage: sesame users <command>/);
    }
    for (const argv of [
      ['audit', '--help'],
      ['help', 'audit'],
    ]) {
      expect((await t.run(argv)).stdout).toMatch(/^Usage: sesame audit /);
    }
  });

  it('answers an unknown command or flag with one line on stderr and exit code 2', async () => {
    const cases: Array<[string[], string]> = [
      [[], "sesame: missing command (see 'sesame --help')\n"],
      [['frobnicate'], "sesame: unknown command 'frobnicate' (see 'sesame --help')\n"],
      [['--verbose'], "sesame: unknown option '--verbose' (see 'sesame --help')\n"],
      [['help', 'nope'], "sesame: help: unknown command 'nope' (see 'sesame --help')\n"],
      [['users'], "sesame: missing command after 'users' (see 'sesame users --help')\n"],
      [
        ['users', 'destroy', 'x'],
        "sesame: unknown command 'users destroy' (see 'sesame users --help')\n",
      ],
      [
        ['users', 'list', '--json=yes'],
        "sesame: users list: option '--json' does not take an argument (see 'sesame users --help')\n",
      ],
      [
        ['users', 'list', 'extra'],
        "sesame: users list: unexpected argument 'extra' (see 'sesame users --help')\n",
      ],
      [
        ['audit', '--user'],
        "sesame: audit: option --user needs a value (see 'sesame audit --help')\n",
      ],
      [
        ['audit', '--from', 'x'],
        "sesame: audit: unknown option '--from' (see 'sesame audit --help')\n",
      ],
    ];
    for (const [argv, stderr] of cases) {
      expect(await t.run(argv), argv.join(' ')).toEqual({ code: 2, stdout: '', stderr });
    }
  });

  it('answers help and usage errors without opening the database', async () => {
    const output = { stdout: () => {}, stderr: () => {} };
    const connect = async (): Promise<CliIo> => {
      throw new Error('database opened');
    };
    expect(await runCliWith(['--help'], output, connect)).toBe(0);
    expect(await runCliWith(['users', 'create', '--help'], output, connect)).toBe(0);
    expect(await runCliWith(['users', 'nope'], output, connect)).toBe(2);
  });

  it('reports an unexpected failure in one line, without a stack trace, with exit code 1', async () => {
    await t.db.destroy();
    const run = await t.run(['users', 'list']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^sesame: unexpected error: [^\n]+\n$/);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('reports a failure to open the database as one line', async () => {
    const lines: string[] = [];
    const output = { stdout: () => {}, stderr: (text: string) => void lines.push(text) };
    const refused = new AggregateError([new Error('connect ECONNREFUSED 127.0.0.1:5432')], '');
    const code = await runCliWith(['users', 'list'], output, async () => {
      throw refused;
    });
    expect(code).toBe(1);
    expect(lines).toEqual(['sesame: unexpected error: connect ECONNREFUSED 127.0.0.1:5432\n']);
  });
});
