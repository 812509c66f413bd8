/**
 * A recovery code's stored form (ADR 0009): argon2id of the code with its set's salt — a
 * password hash, the codes having fewer than 112 bits (G-18). One salt per set, so that checking a
 * typed code costs one hash, then an equality lookup among the set's ten, rather than ten hashes.
 */
import { randomBytes } from 'node:crypto';
import type { Algorithm, Version } from '@node-rs/argon2';
import { hashRaw } from '@node-rs/argon2';
import type { Argon2Params } from '../../accounts/password-hasher.ts';

// The library's enums are ambient `const enum`s, unusable under `verbatimModuleSyntax`.
const ARGON2ID: Algorithm = 2;
const VERSION_0X13: Version = 1;
const saltBytes = 16;
const outputBytes = 32;

export interface RecoveryCodeHashing {
  salt: string;
  params: Argon2Params;
}

export function newRecoveryCodeHashing(params: Argon2Params): RecoveryCodeHashing {
  return { salt: randomBytes(saltBytes).toString('base64url'), params };
}

export function encodeHashParams(params: Argon2Params): string {
  return `m=${params.memoryCostKiB},t=${params.timeCost},p=${params.parallelism}`;
}

export function decodeHashParams(encoded: string): Argon2Params | undefined {
  const match = /^m=(\d+),t=(\d+),p=(\d+)$/.exec(encoded);
  if (match === null) return undefined;
  return {
    memoryCostKiB: Number(match[1]),
    timeCost: Number(match[2]),
    parallelism: Number(match[3]),
  };
}

/** The code (normalized, as normalizeRecoveryCode gives it) under the set's salt and cost. */
export async function hashRecoveryCode(
  code: string,
  hashing: RecoveryCodeHashing,
): Promise<string> {
  const raw = await hashRaw(code, {
    algorithm: ARGON2ID,
    version: VERSION_0X13,
    memoryCost: hashing.params.memoryCostKiB,
    timeCost: hashing.params.timeCost,
    parallelism: hashing.params.parallelism,
    outputLen: outputBytes,
    salt: Buffer.from(hashing.salt, 'base64url'),
  });
  return raw.toString('base64url');
}
