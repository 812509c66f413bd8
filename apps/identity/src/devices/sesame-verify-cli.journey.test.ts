/**
 * Sesame Verify's command line against the real identity server over HTTP: it enrolls with the
 * activation link of the QR page (the page hears of it), its codes sign the user in later, and
 * `remove` deletes the device with a signed request — the same core as the PWA.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStore, runVerifyCli } from '@sesame/authenticator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { listenTestApp } from '../../test/listen-test-app.ts';
import { interactionPath, passwordStep, submitCode } from '../../test/mfa-kit.ts';

const password = 'traversier de Tadoussac';

describe.each(testBackends())('the Sesame Verify CLI with the identity server (%s)', (backend) => {
  let t: Awaited<ReturnType<typeof listenTestApp>>;
  let out: string[];
  let run: (...argv: string[]) => Promise<number>;
  beforeEach(async () => {
    t = await listenTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'helene', name: 'Hélène Girard', password });
    const store = createFileStore(
      join(mkdtempSync(join(tmpdir(), 'sesame-verify-')), 'accounts.json'),
    );
    out = [];
    const io = {
      stdout: (line: string) => out.push(line),
      stderr: (line: string) => out.push(line),
      fetch,
      store,
      now: () => t.clock.now,
      hostname: 'poste-helene',
    };
    run = (...argv) => runVerifyCli(argv, io);
  });
  afterEach(() => t.close());

  it('enrolls from the QR link, signs in with its code, and removes its device', async () => {
    const browser = new BrowserSession(t.app, t.url);
    const base = interactionPath((await passwordStep(browser, 'helene', password)).location);
    const qr = await browser.get(`${base}/enroll/sesame-verify/qr?platform=android`);
    const link = /href="([^"]+#token=[^"]+)"/.exec(qr.body)?.[1];
    expect(link).toBeDefined();

    expect(await run('add', link as string)).toBe(0);
    const done = await browser.get(`${base}/enroll/done?added=sesame-verify`);
    expect(done.body).toContain('poste-helene');
    await browser.follow(
      await browser.post(`${base}/enroll/done`, { csrf: hiddenField(done.body, 'csrf') }),
    );

    t.clock.advance(30);
    out = [];
    expect(await run('code')).toBe(0);
    const code = /(\d{3}) ?(\d{3})/.exec(out.join(' '));
    expect(code).not.toBeNull();
    const later = new BrowserSession(t.app, t.url);
    const next = interactionPath((await passwordStep(later, 'helene', password)).location);
    const { response } = await submitCode(later, next, `${code?.[1]}${code?.[2]}`);
    expect(response.statusCode).toBe(303);

    out = [];
    expect(await run('list')).toBe(0);
    const account = out.join('\n').includes('helene');
    expect(account).toBe(true);
    expect(await run('remove', 'helene')).toBe(0);
    const left = await t.db.selectFrom('devices').selectAll().execute();
    expect(left).toEqual([]);
  });
});
