/**
 * `sesame clients list|add|edit|rotate-secret|remove`: what each prints (table, --json), what it
 * keeps (the secret sealed, opening to the one shown), its audit record with the CLI as actor,
 * and clear refusals (a URI that is not https, an unknown client id). Both backends. The same
 * operations sign applications in: console.applications.test.ts, admin-api.clients.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { findClientApplicationRow, openClientSecret } from '../clients/client-queries.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

interface Listed {
  clientId: string;
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  twoFactorsRequired: boolean;
  requiredAcr: string | null;
  createdBy: string;
  clientSecret?: string;
}

describe.each(testBackends())('sesame clients (%s)', (backend) => {
  let t: CliHarness;
  beforeEach(async () => {
    t = await openCliHarness(backend);
  });
  afterEach(() => t.close());

  const add = async (...extra: string[]) => {
    const run = await t.run([
      'clients',
      'add',
      'Portail des courtiers',
      '--redirect-uri',
      'https://courtage.example/callback',
      '--redirect-uri',
      'http://localhost:4100/callback',
      '--json',
      ...extra,
    ]);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as Listed;
  };
  const secretOf = async (clientId: string) =>
    openClientSecret(t.box, (await findClientApplicationRow(t.db, clientId)) ?? never());
  const never = (): never => {
    throw new Error('no such application');
  };

  it('adds an application, shows its secret once, and keeps it sealed', async () => {
    const made = await add('--two-factors', '--post-logout-uri', 'https://courtage.example/');
    expect(made).toMatchObject({
      name: 'Portail des courtiers',
      redirectUris: ['https://courtage.example/callback', 'http://localhost:4100/callback'],
      postLogoutRedirectUris: ['https://courtage.example/'],
      twoFactorsRequired: true,
      requiredAcr: 'urn:sesame:loa:2fa',
      createdBy: 'cli',
    });
    expect(await secretOf(made.clientId)).toBe(made.clientSecret);
    const row = await findClientApplicationRow(t.db, made.clientId);
    expect(row?.secret_sealed).not.toContain(made.clientSecret as string);

    const text = await t.run([
      'clients',
      'add',
      'Assurances',
      '--redirect-uri',
      'https://a.example/cb',
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^Application Assurances\nClient ID: app-\S+\nClient secret \(shown once\): \S{43}\n$/,
    );
  });

  it('lists the applications as a table and as JSON', async () => {
    expect((await t.run(['clients', 'list'])).stdout).toBe(
      'No applications registered in the database.\n',
    );
    const made = await add();
    const table = await t.run(['clients', 'list']);
    expect(table.stdout).toMatch(/^CLIENT ID\s+NAME\s+ACR\s+REDIRECT URIS\s+CREATED \(UTC\)\n/);
    expect(table.stdout).toContain(`${made.clientId}  Portail des courtiers  as asked`);
    const json = JSON.parse((await t.run(['clients', 'list', '--json'])).stdout) as Listed[];
    expect(json).toEqual([expect.objectContaining({ clientId: made.clientId })]);
    expect(json[0]).not.toHaveProperty('clientSecret');
  });

  it('edits what is given, renews the secret, removes — each audited with the CLI as actor', async () => {
    const made = await add();
    const edited = await t.run([
      'clients',
      'edit',
      made.clientId,
      '--name',
      'Courtage',
      '--redirect-uri',
      'https://courtage.example/retour',
      '--two-factors',
      '--json',
    ]);
    expect(JSON.parse(edited.stdout)).toMatchObject({
      name: 'Courtage',
      redirectUris: ['https://courtage.example/retour'],
      twoFactorsRequired: true,
    });
    const renewed = await t.run(['clients', 'rotate-secret', made.clientId, '--json']);
    const { clientSecret } = JSON.parse(renewed.stdout) as Listed;
    expect(clientSecret).not.toBe(made.clientSecret);
    expect(await secretOf(made.clientId)).toBe(clientSecret);
    expect((await t.run(['clients', 'remove', made.clientId])).stdout).toBe(
      `Removed ${made.clientId}.\n`,
    );
    expect(await findClientApplicationRow(t.db, made.clientId)).toBeUndefined();
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor', 'client_id'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual(
      ['client.registered', 'client.updated', 'client.secret_rotated', 'client.removed'].map(
        (type) => ({ type, actor: 'cli', client_id: made.clientId }),
      ),
    );
  });

  it('refuses, clearly, a URI that is not https, a missing one, and an unknown client', async () => {
    const plain = await t.run(['clients', 'add', 'X', '--redirect-uri', 'http://x.example/cb']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('Only https addresses are accepted');
    const fragment = await t.run(['clients', 'add', 'X', '--redirect-uri', 'https://x.example/#a']);
    expect(fragment.stderr).toContain('fragment');
    expect((await t.run(['clients', 'add', 'X'])).stderr).toContain('at least one redirect URI');
    for (const argv of [
      ['clients', 'edit', 'app-nope', '--name', 'Y'],
      ['clients', 'rotate-secret', 'app-nope'],
      ['clients', 'remove', 'app-nope'],
    ]) {
      const run = await t.run(argv);
      expect(run.code, argv.join(' ')).toBe(1);
      expect(run.stderr).toBe("sesame: no application 'app-nope'\n");
    }
    expect(await t.db.selectFrom('audit_events').selectAll().execute()).toEqual([]);
    expect((await t.run(['help', 'clients'])).stdout).toContain('Usage: sesame clients');
  });
});
