/**
 * Push approval from Sesame Verify's command line against the real server over HTTP:
 * `pending` shows what is asked, `approve <id> --number N` approves with the computer's number
 * (a wrong one refuses that sign-in), `deny <id>` is « Ce n'était pas moi ».
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStore, runVerifyCli } from '@sesame/authenticator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { openPushRig, type Phone, type PushRig } from '../../test/push-rig.ts';
import { pushOutcome } from '../factors/push/push-outcome.ts';

describe.each(testBackends())('sesame-verify pending, approve, deny (%s)', (backend) => {
  let rig: PushRig;
  let phone: Phone;
  let out: string[];
  let err: string[];
  let run: (...argv: string[]) => Promise<number>;
  beforeEach(async () => {
    rig = await openPushRig(backend, {}, { listen: true });
    phone = await rig.enroll('yvette');
    const store = createFileStore(join(mkdtempSync(join(tmpdir(), 'sesame-verify-')), 'a.json'));
    // The CLI's account: the one the rig enrolled (its key is the CLI's to keep).
    await store.put({ ...phone.account, privateKey: await extractable(phone) });
    out = [];
    err = [];
    run = (...argv) => {
      out.length = 0;
      err.length = 0;
      return runVerifyCli(argv, {
        stdout: (line) => out.push(line),
        stderr: (line) => err.push(line),
        fetch,
        store,
        now: () => rig.t.clock.now,
        hostname: 'poste',
      });
    };
  });
  afterEach(() => rig.close());

  /** The file store keeps JWKs: enroll a CLI-style (extractable) key in place of the rig's. */
  async function extractable(enrolled: Phone): Promise<CryptoKey> {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ]);
    const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
    await rig.t.db
      .updateTable('devices')
      .set({ public_jwk: JSON.stringify({ kty, crv, x, y }) })
      .where('id', '=', enrolled.account.id)
      .execute();
    enrolled.account.privateKey = keys.privateKey;
    return keys.privateKey;
  }

  it('lists a request with its context, refuses a wrong number, approves the right one', async () => {
    const push = await rig.start(phone);
    expect(await run('pending')).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(push.id);
    expect(out[0]).toContain('Espace client (yvette)');
    expect(out[0]).toContain('Chrome 131 on macOS Catalina');
    expect(out[0]).toContain('from 203.0.113.7');
    expect(out[0]).toContain('type the 6-digit number on the computer');
    expect(out[0]).not.toContain(push.display);

    expect(await run('approve', push.id)).toBe(2);
    const wrong = push.display === '123456' ? '654321' : '123456';
    expect(await run('approve', push.id, '--number', wrong)).toBe(1);
    expect(err).toEqual([
      'sesame-verify: the number does not match the one on the computer: that sign-in was refused',
    ]);

    const next = await rig.start(phone);
    expect(await run('approve', next.id, '--number', next.display)).toBe(0);
    expect(out).toEqual(['Approved: Espace client. The computer continues by itself.']);
    const target = { id: next.id, accountId: phone.accountId, flowId: next.flowId };
    expect(await pushOutcome(rig.deps, target)).toEqual({ status: 'approved' });
    expect(await run('pending')).toBe(0);
    expect(err).toEqual(['No request waiting.']);
  });

  it('denies a request the user did not make', async () => {
    const push = await rig.start(phone);
    expect(await run('deny', push.id)).toBe(0);
    expect(out[0]).toMatch(/^Denied: Espace client\./);
    const target = { id: push.id, accountId: phone.accountId, flowId: push.flowId };
    expect(await pushOutcome(rig.deps, target)).toEqual({ status: 'denied', reason: 'not_me' });
    expect(await run('deny', push.id)).toBe(1);
    expect(err[0]).toContain('no pending request');
  });
});
