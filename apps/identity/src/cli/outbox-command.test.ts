/** `sesame outbox` shows the development outbox's mail, newest first, as text or JSON. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { createOutboxMailer } from '../mail/outbox-mailer.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame outbox (%s)', (backend) => {
  let cli: CliHarness;
  beforeEach(async () => {
    cli = await openCliHarness(backend);
  });
  afterEach(async () => cli.close());

  it('says when the outbox is empty', async () => {
    const run = await cli.run(['outbox']);
    expect(run).toMatchObject({ code: 0, stdout: 'No mail in the outbox.\n' });
  });

  it('lists the mail newest first, in text and in JSON, terminal-safe', async () => {
    const mailer = createOutboxMailer({ db: cli.db, now: () => cli.clock.now });
    await mailer.send({ to: 'a@example.ca', subject: 'Premier', text: 'Lien : https://x/a' });
    cli.clock.advance(60);
    await mailer.send({ to: 'b@example.ca', subject: 'Second\u001b[31m', text: 'Deux\nlignes' });
    const text = await cli.run(['outbox']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'To:      b@example.ca\nSubject: Second\uFFFD[31m\n\nDeux\nlignes\n',
    );
    expect(text.stdout.indexOf('b@example.ca')).toBeLessThan(text.stdout.indexOf('a@example.ca'));
    expect(text.stdout).toContain('Date:    2026-03-01T14:05:09Z');
    const json = await cli.run(['outbox', '--json', '--limit', '1']);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({
        to: 'b@example.ca',
        text: 'Deux\nlignes',
        time: '2026-03-01T14:06:09Z',
      }),
    ]);
  });

  it('refuses a bad limit', async () => {
    const run = await cli.run(['outbox', '--limit', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('outbox: --limit');
  });
});
