/**
 * Every command of `npx sesame`, walked from run-cli.ts GROUPS and each group's subcommands, run
 * with `--json`: each must succeed and print one JSON document, so that scripts can rely on it.
 * A new command without a line in `samples` fails here — add its arguments, and its JSON output.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { discPng } from '../../test/logo-fixture.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { createApiToken } from '../admin/api/api-token-operations.ts';
import { registerClientApplication } from '../clients/operations/register-client-application.ts';
import { loadSigningKeys } from '../oidc/signing-keys.ts';
import { insertAuthenticator } from '../policy/mfa-test-rows.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';
import { GROUPS } from './run-cli.ts';

interface Sample {
  argv: string[];
  stdin?: string;
}

/** The arguments each command is walked with, in this order; '' names a group that is one command. */
const samples = (
  tokenId: string,
  clientId: string,
  files: { logo: string; csv: string },
): Record<string, Record<string, Sample>> => ({
  users: {
    create: { argv: ['nadia', '--email', 'nadia@example.ca', '--name', 'Nadia Roy'] },
    'verify-email': { argv: ['claire'] },
    list: { argv: [] },
    show: { argv: ['claire'] },
    lock: { argv: ['claire'] },
    unlock: { argv: ['claire'] },
    'set-password': { argv: ['claire', '--password-stdin'], stdin: 'rivière gelée 2026 bis\n' },
    'require-mfa': { argv: ['claire'] },
    'reset-mfa': { argv: ['claire'] },
    'set-phone': { argv: ['claire', '+15145550100'] },
    'grant-admin': { argv: ['claire'] },
    'revoke-admin': { argv: ['claire'] },
    'access-code': { argv: ['claire'] },
    'sign-out': { argv: ['claire'] },
    edit: { argv: ['claire', '--name', 'Claire Bouchard'] },
    // Another account's method: the walk resets claire's MFA before it gets here.
    'remove-method': { argv: ['bruno', 'a-bruno'] },
    delete: { argv: ['bruno'] },
    invite: { argv: ['zoe', '--email', 'zoe@example.ca'] },
    import: { argv: [files.csv, '--password-generated'] },
  },
  org: {
    show: { argv: [] },
    'require-mfa': { argv: ['on'] },
    'push-number': { argv: ['typed-6'] },
    'passkey-sign-in': { argv: ['off'] },
    'remember-browser': { argv: ['30d'] },
    name: { argv: ['Caisse Laurentienne'] },
    logo: { argv: [files.logo] },
    colour: { argv: ['#1b5e20'] },
    support: { argv: ['--email', 'aide@caisse.example'] },
    'self-registration': { argv: ['off'] },
    'mfa-policy': { argv: ['set', '--grace-days', '3'] },
  },
  groups: {
    list: { argv: [] },
    members: { argv: ['Compta'] },
    create: { argv: ['Paie'] },
    delete: { argv: ['Paie'] },
    add: { argv: ['Compta', 'claire'] },
    remove: { argv: ['Compta', 'claire'] },
  },
  audit: { '': { argv: ['--type', 'account.'] } },
  outbox: { '': { argv: [] } },
  keys: { list: { argv: [] }, rotate: { argv: [] } },
  clients: {
    list: { argv: [] },
    add: { argv: ['Portail', '--redirect-uri', 'https://portail.example/callback'] },
    edit: { argv: [clientId, '--name', 'Portail des courtiers'] },
    'rotate-secret': { argv: [clientId] },
    remove: { argv: [clientId] },
  },
  'api-tokens': {
    list: { argv: [] },
    create: { argv: ['deploy', '--scope', 'users:read', '--days', '30'] },
    revoke: { argv: [tokenId] },
  },
});

describe.each(testBackends())('every sesame command speaks JSON (%s)', (backend) => {
  let t: CliHarness;
  let tokenId: string;
  let clientId: string;
  let dir: string;
  let files: { logo: string; csv: string };
  beforeEach(async () => {
    t = await openCliHarness(backend);
    dir = await mkdtemp(join(tmpdir(), 'sesame-walk-'));
    files = { logo: join(dir, 'logo.png'), csv: join(dir, 'users.csv') };
    await writeFile(files.logo, discPng(16));
    await writeFile(files.csv, 'username,email,name\nyves,yves@example.ca,"Roy, Yves"\n');
    await loadSigningKeys(t.db, t.box, t.clock.now);
    const made = await t.run(['users', 'create', 'claire', '--email', 'claire@example.ca']);
    expect(made.code).toBe(0);
    const token = await createApiToken({ db: t.db, now: () => t.clock.now }, cliActor, {
      name: 'old',
      scopes: ['users:read'],
      days: 1,
    });
    tokenId = token.id;
    expect((await t.run(['users', 'create', 'bruno'])).code).toBe(0);
    expect((await t.run(['groups', 'create', 'Compta'])).code).toBe(0);
    const bruno = await t.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'bruno')
      .executeTakeFirstOrThrow();
    await insertAuthenticator(t.db, {
      id: 'a-bruno',
      accountId: bruno.id,
      status: 'active',
      nowMs: t.clock.now,
    });
    ({ clientId } = await registerClientApplication(
      { db: t.db, now: () => t.clock.now, box: t.box },
      cliActor,
      {
        name: 'Courtage',
        redirectUris: ['https://courtage.example/callback'],
        postLogoutRedirectUris: [],
        twoFactorsRequired: false,
      },
    ));
  });
  afterEach(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const walk = () =>
    Object.entries(GROUPS).flatMap(([group, entry]) =>
      (entry.subcommands ?? ['']).map((name) => ({ group, name })),
    );

  it('has sample arguments for every command of every group', () => {
    const table = samples('id', 'id', { logo: 'logo.png', csv: 'users.csv' });
    const missing = walk().filter(({ group, name }) => table[group]?.[name] === undefined);
    expect(missing).toEqual([]);
    expect(walk().length).toBeGreaterThan(20);
  });

  it('runs each with --json: exit 0, nothing on stderr, one JSON document on stdout', async () => {
    const table = samples(tokenId, clientId, files);
    for (const { group, name } of walk()) {
      const sample = table[group]?.[name];
      if (sample === undefined) continue;
      const argv = [group, ...(name === '' ? [] : [name]), ...sample.argv, '--json'];
      const run = await t.run(argv, sample.stdin);
      const label = argv.join(' ');
      expect({ code: run.code, stderr: run.stderr }, label).toEqual({ code: 0, stderr: '' });
      expect(() => JSON.parse(run.stdout), `${label}: ${run.stdout}`).not.toThrow();
      expect(JSON.parse(run.stdout), label).not.toBeNull();
      t.clock.advance(1);
    }
  });

  it('answers help and errors in JSON too', async () => {
    for (const group of Object.keys(GROUPS)) {
      const help = await t.run([group, '--help', '--json']);
      expect(help.code, group).toBe(0);
      expect(JSON.parse(help.stdout).usage, group).toMatch(/^Usage: sesame /);
    }
    const unknown = await t.run(['users', 'lock', 'ghost', '--json']);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(unknown.stderr)).toEqual({
      error: { code: 'account.not_found', message: 'no account named ghost' },
    });
    const usage = await t.run(['--json', 'users', 'frobnicate']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stderr).error).toEqual({
      code: 'usage',
      message: "unknown command 'users frobnicate'",
    });
  });
});
