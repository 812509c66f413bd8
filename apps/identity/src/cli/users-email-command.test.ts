/**
 * `sesame users create --email` mails the new address its verification link, and
 * `sesame users verify-email` mails a new one (to the development outbox here); the demo account
 * of a first start has its address verified.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cheapArgon2, testBackends } from '../../test/build-test-app.ts';
import { ensureDemoAccount } from '../accounts/ensure-demo-account.ts';
import { createPasswordHasher } from '../accounts/password-hasher.ts';
import { listOutboxMessages } from '../mail/outbox-queries.ts';
import { findVerifiedEmail } from '../mail/verified-email.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame users verify-email (%s)', (backend) => {
  let cli: CliHarness;
  beforeEach(async () => {
    cli = await openCliHarness(backend);
  });
  afterEach(async () => cli.close());

  it('create --email sends the link; verify-email sends another; none without an address', async () => {
    const created = await cli.run(['users', 'create', 'ines', '--email', 'ines@example.ca']);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(
      'Verification link sent to the email address of ines (no SMTP configured: see npx sesame outbox).',
    );
    const again = await cli.run(['users', 'verify-email', 'INES@example.ca']);
    expect(again.code).toBe(0);
    const mails = await listOutboxMessages(cli.db, 10);
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([
      ['ines@example.ca', 'Confirmez votre adresse courriel'],
      ['ines@example.ca', 'Confirmez votre adresse courriel'],
    ]);
    expect(mails[0]?.text_body).toMatch(/http:\/\/localhost:3000\/email\/verify\?token=[\w-]{43}/);
    await cli.run(['users', 'create', 'noe']);
    const none = await cli.run(['users', 'verify-email', 'noe']);
    expect(none).toMatchObject({ code: 1, stderr: 'sesame: noe has no email address\n' });
  });

  it('the demo account’s address is verified at its creation', async () => {
    const hasher = createPasswordHasher(cheapArgon2);
    await ensureDemoAccount({ db: cli.db, hasher, now: () => cli.clock.now });
    const demo = await cli.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
    expect(await findVerifiedEmail(cli.db, demo.id)).toBe('camille.tremblay@example.ca');
    const run = await cli.run(['users', 'verify-email', 'demo']);
    expect(run.stdout).toBe('The email address of demo is already verified.\n');
  });
});
