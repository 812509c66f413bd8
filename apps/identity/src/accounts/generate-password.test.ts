import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_PASSWORD_ENTROPY_BITS,
  generatePassword,
  PASSWORD_ALPHABET,
  type RandomBytes,
} from './generate-password.ts';
import { checkPasswordPolicy } from './password-policy.ts';

/** A deterministic byte stream from a seed (SHA-256 in counter mode), for replayable tests. */
function seededRandom(seed: number): RandomBytes {
  let counter = 0;
  return (size) => {
    const bytes = new Uint8Array(size);
    for (let offset = 0; offset < size; offset += 32) {
      const block = createHash('sha256').update(`${seed}:${counter++}`).digest();
      bytes.set(block.subarray(0, Math.min(32, size - offset)), offset);
    }
    return bytes;
  };
}

const FORMAT = new RegExp(`^[${PASSWORD_ALPHABET}]{5}(-[${PASSWORD_ALPHABET}]{5}){3}$`);

describe('generatePassword', () => {
  it('produces 4 groups of 5 unambiguous symbols with at least 90 bits of entropy', () => {
    const password = generatePassword();
    expect(password).toMatch(FORMAT);
    expect(PASSWORD_ALPHABET).not.toMatch(/[0o1il]/);
    expect(new Set(PASSWORD_ALPHABET).size).toBe(PASSWORD_ALPHABET.length);
    expect(GENERATED_PASSWORD_ENTROPY_BITS).toBeGreaterThanOrEqual(90);
  });

  it('passes the password policy for any seed (property)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const password = generatePassword(seededRandom(seed));
        expect(password).toMatch(FORMAT);
        expect(checkPasswordPolicy(password, {})).toEqual({ ok: true });
        expect(checkPasswordPolicy(password, { username: 'demo', name: 'Compte Démo' })).toEqual({
          ok: true,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is a function of the random bytes only, and differs between draws', () => {
    expect(generatePassword(seededRandom(7))).toBe(generatePassword(seededRandom(7)));
    const draws = new Set(Array.from({ length: 50 }, () => generatePassword()));
    expect(draws.size).toBe(50);
  });

  it('maps bytes uniformly: rejects bytes past the last full alphabet cycle', () => {
    const cycle = 256 - (256 % PASSWORD_ALPHABET.length); // 248
    const bytes = [255, cycle, ...Array.from({ length: 20 }, (_, i) => i)];
    const password = generatePassword(() => Uint8Array.from(bytes.splice(0, 20)));
    expect(password.replaceAll('-', '')).toBe(PASSWORD_ALPHABET.slice(0, 20));
  });

  it('fails instead of looping forever on a broken random source', () => {
    expect(() => generatePassword((size) => new Uint8Array(size).fill(255))).toThrow();
  });
});
