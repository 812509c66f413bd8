/**
 * TOTP (RFC 6238) as pure functions of the secret and `nowMs`: the clock is an argument, so every
 * boundary is testable. HMAC and truncation come from otplib (RFC 4226/6238 implementation); here
 * are only Sesame's rules: the parameters every app supports, the acceptance window, and replay.
 */
import { generateSync, verifySync } from 'otplib';

/** SHA-1, 6 digits, 30 s: what Google, Microsoft Authenticator and 1Password all honour (G-06). */
export const totpParameters = { algorithm: 'sha1', digits: 6, periodSeconds: 30 } as const;

/** RFC 6238 §5.2 allows one step of network delay; we accept T-1, T and T+1 for clock drift (G-03). */
export const totpDriftSteps = 1;

export function totpStepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / totpParameters.periodSeconds);
}

/** Any RFC 6238 variant (the known-answer tests use SHA-256/512 and 8 digits). */
export function computeTotp(options: {
  secret: Uint8Array;
  nowMs: number;
  algorithm?: 'sha1' | 'sha256' | 'sha512';
  digits?: 6 | 8;
}): string {
  return generateSync({
    secret: options.secret,
    epoch: Math.floor(options.nowMs / 1000),
    algorithm: options.algorithm ?? totpParameters.algorithm,
    digits: options.digits ?? totpParameters.digits,
    period: totpParameters.periodSeconds,
  });
}

export function generateTotpCode(secret: Uint8Array, nowMs: number): string {
  return computeTotp({ secret, nowMs });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'invalid' | 'replayed' };

/**
 * Check a code typed by the user. `lastUsedStep` is the last accepted step of this credential:
 * only later steps are accepted (RFC 6238 §5.2: "MUST NOT accept the second attempt of the OTP
 * after the successful validation"). The caller must then consume the step atomically.
 */
export function checkTotpCode(options: {
  secret: Uint8Array;
  code: string;
  nowMs: number;
  lastUsedStep: number | null;
}): TotpCheck {
  const code = options.code.replace(/\s/g, '');
  // Exactly six decimal digits, nothing else reaches the HMAC.
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'invalid' };
  const period = totpParameters.periodSeconds;
  const result = verifySync({
    secret: options.secret,
    token: code,
    epoch: Math.floor(options.nowMs / 1000),
    algorithm: totpParameters.algorithm,
    digits: totpParameters.digits,
    period,
    // ±1 step, in seconds, as otplib counts the tolerance.
    epochTolerance: totpDriftSteps * period,
  });
  // otplib's result type covers HOTP too; a TOTP match always carries its time step.
  if (!result.valid || !('timeStep' in result)) return { ok: false, reason: 'invalid' };
  // A step at or before the last accepted one is a replay, even inside the window (G-02).
  if (options.lastUsedStep !== null && result.timeStep <= options.lastUsedStep) {
    return { ok: false, reason: 'replayed' };
  }
  return { ok: true, step: result.timeStep };
}
