import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { useApiToken } from '../admin/api/api-token-queries.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame api-tokens (%s)', (backend) => {
  let t: CliHarness;
  beforeEach(async () => {
    t = await openCliHarness(backend);
  });
  afterEach(() => t.close());

  it('creates a scoped token shown once, lists it, revokes it; each audited as cli', async () => {
    const made = await t.run([
      'api-tokens',
      'create',
      'deploy',
      '--scope',
      'users:read',
      '--scope',
      'users:manage',
      '--days',
      '30',
      '--json',
    ]);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    const token = JSON.parse(made.stdout) as { id: string; token: string; scopes: string[] };
    expect(token.scopes).toEqual(['users:read', 'users:manage']);
    // The token works for the admin API, and only its hash is stored.
    expect((await useApiToken(t.db, token.token, t.clock.now))?.id).toBe(token.id);
    const stored = JSON.stringify(await t.db.selectFrom('api_tokens').selectAll().execute());
    expect(stored).not.toContain(token.token);

    const listed = JSON.parse((await t.run(['api-tokens', 'list', '--json'])).stdout);
    expect(listed).toEqual([
      expect.objectContaining({ id: token.id, name: 'deploy', state: 'active', createdBy: 'cli' }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(token.token);
    expect((await t.run(['api-tokens', 'list'])).stdout).toMatch(/^ID\s+NAME\s+SCOPES\s+STATE/);

    expect((await t.run(['api-tokens', 'revoke', token.id])).stdout).toBe(
      `API token ${token.id} revoked.\n`,
    );
    expect(await useApiToken(t.db, token.token, t.clock.now)).toBeUndefined();
    const again = await t.run(['api-tokens', 'revoke', token.id, '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stderr).error.code).toBe('api_token.not_found');

    const audit = await t.db.selectFrom('audit_events').select(['type', 'actor']).execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { type: 'api_token.created', actor: 'cli' },
        { type: 'api_token.revoked', actor: 'cli' },
      ]),
    );
  });

  it('refuses a token without scope, with an unknown scope or a bad lifetime', async () => {
    for (const argv of [
      ['deploy'],
      ['deploy', '--scope', 'root'],
      ['deploy', '--scope', 'users:read', '--days', '0'],
      ['deploy', '--scope', 'users:read', '--days', '366'],
    ]) {
      const run = await t.run(['api-tokens', 'create', ...argv]);
      expect(run.code, argv.join(' ')).toBe(2);
    }
    expect(await t.db.selectFrom('api_tokens').selectAll().execute()).toEqual([]);
  });
});
