/**
 * The test's own "other authenticator app": it takes the secret key the enrollment page shows
 * (grouped by four, as a person would type it) and computes RFC 6238 codes with otplib —
 * independently of Sesame's code, so a wrong secret or a wrong clock shows up as a failure.
 */
import { expect } from '@playwright/test';
import { base32nopad } from '@scure/base';
import { generateSync } from 'otplib';

const periodSeconds = 30;

export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / periodSeconds);
}

/** Seconds before the current code rolls over. */
export function secondsLeftInStep(nowMs: number): number {
  return periodSeconds - (Math.floor(nowMs / 1000) % periodSeconds);
}

/** « ABCD EFGH … » as shown on the page → the secret's bytes. */
export function secretFromGroupedKey(grouped: string): Uint8Array {
  const key = grouped.replace(/[\s-]/g, '').toUpperCase();
  expect(key, 'the secret key is base32').toMatch(/^[A-Z2-7]+$/);
  return base32nopad.decode(key);
}

export function totpCodeAt(secret: Uint8Array, nowMs: number): string {
  return generateSync({
    secret,
    epoch: Math.floor(nowMs / 1000),
    algorithm: 'sha1',
    digits: 6,
    period: periodSeconds,
  });
}

/**
 * An authenticator app holding one account's secret. Sesame accepts each time step once
 * (RFC 6238 §5.2), so `freshCode()` hands out the current code only if its step was not used
 * yet; otherwise it waits, by condition, for the next step — as a person waits for a new code.
 */
export class OtherAuthenticatorApp {
  readonly secret: Uint8Array;
  private lastUsedStep = -1;

  constructor(groupedKey: string) {
    this.secret = secretFromGroupedKey(groupedKey);
  }

  async freshCode(): Promise<string> {
    await expect
      .poll(() => totpStep(Date.now()), {
        message: 'waiting for a time step whose code was not used yet',
        timeout: (periodSeconds + 5) * 1000,
        intervals: [250],
      })
      .toBeGreaterThan(this.lastUsedStep);
    const nowMs = Date.now();
    this.lastUsedStep = totpStep(nowMs);
    return totpCodeAt(this.secret, nowMs);
  }
}
