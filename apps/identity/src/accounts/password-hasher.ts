import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Algorithm, Version } from '@node-rs/argon2';
import { hash, parseOptions, verify } from '@node-rs/argon2';
import { limitConcurrency } from './limit-concurrency.ts';

// The library's enums are ambient `const enum`s, unusable under `verbatimModuleSyntax`.
const ARGON2ID: Algorithm = 2;
const VERSION_0X13: Version = 1;

/** argon2id cost parameters; the algorithm (argon2id) and version (0x13) are fixed. */
export type Argon2Params = {
  memoryCostKiB: number;
  timeCost: number;
  parallelism: number;
};

/**
 * OWASP Password Storage Cheat Sheet, argon2id: m = 19 MiB, t = 2, p = 1 — listed there as
 * equivalent to m = 46 MiB, t = 1, p = 1 (G-35, ASVS 11.4.2); ≈ 26 ms a verification here.
 */
export const DEFAULT_ARGON2_PARAMS: Readonly<Argon2Params> = Object.freeze({
  memoryCostKiB: 19456,
  timeCost: 2,
  parallelism: 1,
});

/** Raw hash length in bytes (the library's default, stated so `needsRehash` can check it). */
const OUTPUT_LENGTH_BYTES = 32;
/** The library draws a 16-byte salt from its CSPRNG; anything shorter is upgraded (G-35). */
const MIN_SALT_LENGTH_BYTES = 16;

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  needsRehash(hash: string): boolean;
  verifyDummy(password: string): Promise<false>;
};

/**
 * NIST SP 800-63B-4 §3.1.1.2: passwords are Unicode-normalised (NFKC) before hashing so that
 * canonically or compatibly equivalent inputs verify alike. Lone surrogates (never produced by a
 * UTF-8 decoder) are first replaced with U+FFFD so that the bytes hashed are well defined.
 * The password is never truncated: argon2 takes input of any length.
 */
export function normalizePassword(password: string): string {
  return password.toWellFormed().normalize('NFKC');
}

/**
 * How many argon2id computations run at once: one core fewer than the machine has, so that the
 * main thread (every other step of every sign-in) keeps a core of its own, and at least one.
 * Hashes beyond it wait their turn (ADR 0016): on two cores, four at once on libuv's pool took
 * more CPU per hash, and the main thread's time, than one at a time.
 */
export function defaultHashingConcurrency(): number {
  return Math.max(1, availableParallelism() - 1);
}

export function createPasswordHasher(
  params: Readonly<Argon2Params> = DEFAULT_ARGON2_PARAMS,
  concurrency: number = defaultHashingConcurrency(),
): PasswordHasher {
  const options = {
    algorithm: ARGON2ID,
    version: VERSION_0X13,
    memoryCost: params.memoryCostKiB,
    timeCost: params.timeCost,
    parallelism: params.parallelism,
    outputLen: OUTPUT_LENGTH_BYTES,
  };
  const inTurn = limitConcurrency(concurrency);
  const hashPassword = (password: string) =>
    inTurn(() => hash(normalizePassword(password), options));
  const verifyPassword = (stored: string, password: string) =>
    inTurn(() => safeVerify(stored, normalizePassword(password)));

  let dummyHash: Promise<string> | undefined;
  const getDummyHash = () => {
    // Computed once, lazily, for a random password nobody knows; a failure is retried next time.
    dummyHash ??= hashPassword(randomBytes(32).toString('base64url')).catch((error: unknown) => {
      dummyHash = undefined;
      throw error;
    });
    return dummyHash;
  };

  return {
    hash: hashPassword,
    verify: verifyPassword,
    needsRehash: (stored) => needsRehash(stored, params),
    async verifyDummy(password) {
      // G-35 / G-11: an unknown account costs one real argon2id verification, like a known one.
      await verifyPassword(await getDummyHash(), password);
      return false;
    },
  };
}

/** A malformed or foreign stored hash is a failed verification, never an exception (G-38). */
async function safeVerify(stored: string, normalizedPassword: string): Promise<boolean> {
  try {
    // The library compares the derived and stored hashes in constant time (G-35).
    return await verify(stored, normalizedPassword);
  } catch {
    return false;
  }
}

/** True when the stored hash was not made with exactly the current parameters (G-35 upgrade). */
function needsRehash(stored: string, params: Readonly<Argon2Params>): boolean {
  let encoded: ReturnType<typeof parseOptions>;
  try {
    encoded = parseOptions(stored);
  } catch {
    return true;
  }
  return (
    encoded.algorithm !== ARGON2ID ||
    encoded.version !== VERSION_0X13 ||
    encoded.memoryCost !== params.memoryCostKiB ||
    encoded.timeCost !== params.timeCost ||
    encoded.parallelism !== params.parallelism ||
    encoded.outputLen !== OUTPUT_LENGTH_BYTES ||
    encoded.saltLen < MIN_SALT_LENGTH_BYTES
  );
}
