/**
 * How many wrong activation codes one source address may type, over every account (G-46).
 * Checked before the account's own counter, so that an address cannot aim locks at everyone:
 * a typed activation is rare (once per enrollment), so an address that gets ten wrong is slowed
 * down at once, and one that gets 50 wrong in a day is refused typed activations for a day —
 * fewer than the 100 an account's hard lock needs (`accountPolicy.hardLimit`). The QR link is
 * not counted: its 128-bit token cannot be guessed.
 */
import { type AttemptPolicy, ipPolicy } from '../security/attempt-policy.ts';
import { ipBucket } from '../security/client-ip.ts';

const dayInSeconds = 24 * 3600;

/** The sign-in's address policy (60 s doubling up to 1 h), tightened for so rare an action. */
export const activationIpPolicy: AttemptPolicy = {
  ...ipPolicy,
  failuresPerLock: 10,
  hardLimit: 50,
  hardLockSeconds: dayInSeconds,
  windowSeconds: dayInSeconds,
};

/** The counter of typed activation codes from this address (IPv6 per /64). */
export function activationIpLimitKey(ip: string): string {
  return `activation:ip:${ipBucket(ip)}`;
}
