import * as argon2 from '@node-rs/argon2';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { failureReasons, newBrowser, openForm } from '../../test/sign-in-kit.ts';
import { accountPolicy } from '../security/attempt-policy.ts';

// Count argon2 verifications: every refusal must cost the same work (G-11 timing class).
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...actual, verify: vi.fn(actual.verify) };
});

const password = 'rivière gelée 2026';

/** What a refusal shows, without the values that differ per request or per browser. */
function shape(response: LightMyRequestResponse) {
  const body = response.body
    .replace(/name="csrf" value="[^"]*"/g, 'name="csrf" value="CSRF"')
    .replace(/\/interaction\/[A-Za-z0-9_-]+/g, '/interaction/UID')
    .replace(/nonce="[^"]*"/g, 'nonce="NONCE"');
  const headers = { ...response.headers };
  for (const perRequest of ['content-security-policy', 'date', 'content-length']) {
    delete headers[perRequest];
  }
  return { status: response.statusCode, headers, body };
}

describe.each(testBackends())('no enumeration, no lockout oracle (G-11) (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
  });
  afterEach(() => t.close());

  /** One attempt as "alice" in a fresh browser, with the argon2 verifications it cost. */
  async function tryAlice(guess: string) {
    const post = await openForm(newBrowser(t));
    vi.mocked(argon2.verify).mockClear();
    const response = await post('alice', guess);
    return { response, verifications: vi.mocked(argon2.verify).mock.calls.length };
  }

  it('answers unknown, wrong, admin-locked and throttled alike', async () => {
    const unknown = await tryAlice(password);

    const id = await t.createUser({ username: 'alice', email: 'alice@example.ca', password });
    const wrong = await tryAlice('not the password');

    await t.db.updateTable('accounts').set({ locked: 1 }).where('id', '=', id).execute();
    const adminLocked = await tryAlice(password);
    await t.db.updateTable('accounts').set({ locked: 0 }).where('id', '=', id).execute();

    // Two failures so far on the account (wrong, locked): reach the limit, then try the right one.
    for (let i = 2; i < accountPolicy.failuresPerLock; i += 1) await tryAlice(`wrong ${i}`);
    const throttled = await tryAlice(password);

    expect(await failureReasons(t)).toEqual({
      unknown_account: 1,
      bad_password: accountPolicy.failuresPerLock - 1,
      account_locked: 1,
      throttled: 1,
    });
    const reference = shape(unknown.response);
    expect(reference.status).toBe(401);
    expect(reference.headers['set-cookie']).toBeUndefined();
    for (const outcome of [wrong, adminLocked, throttled]) {
      expect(shape(outcome.response)).toEqual(reference);
    }
    // One argon2id verification each: a dummy one where there is no hash to check.
    expect([unknown, wrong, adminLocked, throttled].map((o) => o.verifications)).toEqual([
      1, 1, 1, 1,
    ]);
  });

  it('does not tell an email that exists from one that does not', async () => {
    await t.createUser({ username: 'alice', email: 'alice@example.ca', password });
    const post = await openForm(newBrowser(t));
    const known = await post('alice@example.ca', 'not the password');
    const unknown = await post('alicia@example.ca', 'not the password');
    const strip = (r: LightMyRequestResponse) =>
      shape(r).body.replace(/value="[^"]*@example\.ca"/, 'value="EMAIL"');
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(strip(known)).toBe(strip(unknown));
  });
});
