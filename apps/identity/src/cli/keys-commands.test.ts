import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { loadSigningKeys } from '../oidc/signing-keys.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame keys (%s)', (backend) => {
  let t: CliHarness;
  beforeEach(async () => {
    t = await openCliHarness(backend);
    // The key an identity node makes at its first start.
    await loadSigningKeys(t.db, t.box, t.clock.now);
  });
  afterEach(() => t.close());

  const list = async () => {
    const run = await t.run(['keys', 'list', '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(run.stdout) as Array<{ kid: string; state: string; signsFrom: string }>;
  };

  it('lists the key, rotates to a next key published ahead, and promotes it on time', async () => {
    const [first] = await list();
    expect(first).toMatchObject({ state: 'current', alg: 'RS256', signsUntil: null });
    const table = await t.run(['keys', 'list']);
    expect(table.stdout).toMatch(/^KID\s+ALG\s+STATE/);
    expect(table.stdout).toContain(`${first?.kid}  RS256  current`);

    const rotated = await t.run(['keys', 'rotate', '--json']);
    expect(rotated).toMatchObject({ code: 0, stderr: '' });
    const made = JSON.parse(rotated.stdout) as { kid: string; state: string; signsFrom: string };
    expect(made.state).toBe('next');
    expect(Date.parse(made.signsFrom) - t.clock.now).toBe(10 * 60_000);
    expect(t.announced).toEqual([made.kid]);
    expect((await list()).map((key) => [key.kid, key.state])).toEqual([
      [made.kid, 'next'],
      [first?.kid, 'current'],
    ]);

    // One rotation at a time: refused, in JSON on stderr, with a non-zero exit.
    const again = await t.run(['keys', 'rotate', '--json']);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(JSON.parse(again.stderr)).toEqual({
      error: { code: 'signing_key.rotation_pending', message: expect.stringContaining(made.kid) },
    });
    const plain = await t.run(['keys', 'rotate']);
    expect(plain.stderr).toMatch(/^sesame: key \S+ is already waiting to sign/);

    t.clock.advance(10 * 60);
    expect((await list()).map((key) => key.state)).toEqual(['current', 'retired']);
    const audit = await t.db.selectFrom('audit_events').selectAll().execute();
    expect(audit).toEqual([
      expect.objectContaining({ type: 'signing_key.rotated', actor: 'cli', reason: made.kid }),
    ]);
    const text = await t.run(['keys', 'rotate']);
    expect(text.stdout).toMatch(/^New signing key \S+ published; it signs from \S+Z\.\n$/);
  });

  it('on a database no server has used yet, the first rotation makes a key that signs at once', async () => {
    await t.db.deleteFrom('signing_keys').execute();
    expect((await t.run(['keys', 'list'])).stdout).toMatch(/^No signing keys yet/);
    const made = JSON.parse((await t.run(['keys', 'rotate', '--json'])).stdout);
    expect(made).toMatchObject({ state: 'current', signsUntil: null });
  });
});
