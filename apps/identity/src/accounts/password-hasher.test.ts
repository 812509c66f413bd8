import { availableParallelism } from 'node:os';
import { hash as argon2Hash, parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  type Argon2Params,
  createPasswordHasher,
  DEFAULT_ARGON2_PARAMS,
  defaultHashingConcurrency,
} from './password-hasher.ts';

/** Cheap parameters: these tests are about behaviour, not cost. */
const FAST: Argon2Params = { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 };
const hasher = createPasswordHasher(FAST);

describe('createPasswordHasher (G-35)', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    expect(stored.startsWith('$argon2id$v=19$m=1024,t=1,p=1$')).toBe(true);
    expect(await hasher.verify(stored, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(stored, 'correct horse battery stapl')).toBe(false);
    expect(await hasher.verify(stored, 'Correct horse battery staple')).toBe(false);
    expect(await hasher.verify(stored, '')).toBe(false);
  });

  it('verifies an NFKC-equivalent password (NIST 800-63B-4 §3.1.1.2)', async () => {
    const stored = await hasher.hash('ﬁancé № 1'); // ligature, composed é, numero sign
    expect(await hasher.verify(stored, 'fiance\u0301 No 1')).toBe(true);
    const fullwidth = await hasher.hash('ｐａｓｓ ｐｈｒａｓｅ');
    expect(await hasher.verify(fullwidth, 'pass phrase')).toBe(true);
  });

  it('never truncates: a difference after the 128th character still counts', async () => {
    const long = 'x'.repeat(300);
    const stored = await hasher.hash(`${long}a`);
    expect(await hasher.verify(stored, `${long}b`)).toBe(false);
    expect(await hasher.verify(stored, `${long}a`)).toBe(true);
  });

  it('draws a fresh salt of at least 16 bytes for every hash', async () => {
    const first = await hasher.hash('same password');
    const second = await hasher.hash('same password');
    expect(first).not.toBe(second);
    expect(first.split('$')[4]).not.toBe(second.split('$')[4]);
    expect(parseOptions(first).saltLen).toBeGreaterThanOrEqual(16);
  });

  it('returns false, without throwing, for a malformed or foreign stored hash', async () => {
    const malformed = [
      '',
      'garbage',
      '$argon2id$v=19$m=1024,t=1,p=1$AAAA$BBBB',
      '$argon2id$v=19$m=1024,t=1,p=1$',
      '$2b$10$abcdefghijklmnopqrstuuN7G0bQWc7TQY3yW4gWvVV0bYz3d1aG.', // bcrypt
      'plain text password',
    ];
    for (const stored of malformed) {
      await expect(hasher.verify(stored, 'plain text password')).resolves.toBe(false);
    }
  });

  it('needsRehash is false for the current parameters and true for any other', async () => {
    expect(hasher.needsRehash(await hasher.hash('pw'))).toBe(false);
    const otherMemory = await createPasswordHasher({ ...FAST, memoryCostKiB: 2048 }).hash('pw');
    const otherTime = await createPasswordHasher({ ...FAST, timeCost: 2 }).hash('pw');
    const otherLanes = await createPasswordHasher({ ...FAST, parallelism: 2 }).hash('pw');
    const argon2i = await argon2Hash('pw', { memoryCost: 1024, timeCost: 1, algorithm: 1 });
    for (const stored of [otherMemory, otherTime, otherLanes, argon2i]) {
      expect(hasher.needsRehash(stored)).toBe(true);
    }
    expect(createPasswordHasher({ ...FAST, memoryCostKiB: 2048 }).needsRehash(otherMemory)).toBe(
      false,
    );
  });

  it('needsRehash is true for a malformed hash, without throwing', () => {
    expect(hasher.needsRehash('garbage')).toBe(true);
    expect(hasher.needsRehash('')).toBe(true);
  });

  it('uses the OWASP argon2id parameters by default', async () => {
    expect(DEFAULT_ARGON2_PARAMS).toEqual({ memoryCostKiB: 19456, timeCost: 2, parallelism: 1 });
    const defaults = createPasswordHasher();
    const stored = await defaults.hash('pw');
    expect(stored.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(defaults.needsRehash(stored)).toBe(false);
    expect(hasher.needsRehash(stored)).toBe(true);
  });

  it('verifyDummy returns false, whatever the password', async () => {
    expect(await hasher.verifyDummy('correct horse battery staple')).toBe(false);
    expect(await hasher.verifyDummy('')).toBe(false);
    const results = await Promise.all(['a', 'b', 'c'].map((pw) => hasher.verifyDummy(pw)));
    expect(results).toEqual([false, false, false]);
  });

  it('runs no more verifications at once than its concurrency (ADR 0016)', async () => {
    // One at a time: a cheap verification asked for second finishes after a costly one asked for
    // first. Without the limit the cheap one, on another of libuv's threads, finishes long before.
    const oneAtATime = createPasswordHasher(FAST, 1);
    const costly = await argon2Hash('costly', { memoryCost: 65536, timeCost: 3, algorithm: 2 });
    const cheap = await oneAtATime.hash('cheap');
    const finished: string[] = [];
    await Promise.all([
      oneAtATime.verify(costly, 'costly').then(() => finished.push('costly')),
      oneAtATime.verify(cheap, 'cheap').then(() => finished.push('cheap')),
    ]);
    expect(finished).toEqual(['costly', 'cheap']);
  });

  it('by default leaves one core to the main thread, and runs at least one', () => {
    expect(defaultHashingConcurrency()).toBe(Math.max(1, availableParallelism() - 1));
  });
});
