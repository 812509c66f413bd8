import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * G-35 / G-11: an unknown account must cost one real argon2id verification, as a known one does.
 * Timing is measured in bench/, not here: this test counts the work done through spies instead.
 */
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...actual, hash: vi.fn(actual.hash), verify: vi.fn(actual.verify) };
});

const argon2 = await import('@node-rs/argon2');
const { createPasswordHasher } = await import('./password-hasher.ts');

const FAST = { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 };

describe('verifyDummy (G-35 dummy hash for unknown users)', () => {
  beforeEach(() => {
    vi.mocked(argon2.hash).mockClear();
    vi.mocked(argon2.verify).mockClear();
  });

  it('runs one real verification per call against one lazily computed argon2id hash', async () => {
    const hasher = createPasswordHasher(FAST);
    expect(argon2.hash).not.toHaveBeenCalled(); // lazy: nothing at construction

    await Promise.all([hasher.verifyDummy('guess 1'), hasher.verifyDummy('guess 2')]);
    await hasher.verifyDummy('guess 3');

    expect(argon2.hash).toHaveBeenCalledTimes(1);
    expect(argon2.verify).toHaveBeenCalledTimes(3);
    const dummyHash = vi.mocked(argon2.verify).mock.calls[0]?.[0];
    expect(String(dummyHash).startsWith('$argon2id$v=19$m=1024,t=1,p=1$')).toBe(true);
    expect(vi.mocked(argon2.verify).mock.calls.map((call) => call[1])).toEqual([
      'guess 1',
      'guess 2',
      'guess 3',
    ]);
  });

  it('uses the same parameters as real hashes, so both paths cost the same', async () => {
    const hasher = createPasswordHasher(FAST);
    const real = await hasher.hash('pw');
    await hasher.verifyDummy('pw');
    const dummyHash = String(vi.mocked(argon2.verify).mock.calls[0]?.[0]);
    expect(dummyHash.split('$').slice(0, 4)).toEqual(real.split('$').slice(0, 4));
  });
});
