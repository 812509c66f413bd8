/**
 * How often a reset link may be asked for (G-19, G-11): per account, 3 an hour; per address
 * (/64 for IPv6), 10 every 15 minutes, over every account. Counted by the attempt limiter: each
 * request is a reservation never given back. Beyond them, the answer is the same and no mail leaves.
 */

import type { AttemptPolicy } from '../security/attempt-policy.ts';
import { ipBucket } from '../security/client-ip.ts';
import type { AttemptLimit } from '../security/with-attempt-limit.ts';

const hour = 3600;

export const resetAccountPolicy: AttemptPolicy = {
  failuresPerLock: 3,
  baseLockSeconds: hour,
  maxLockSeconds: hour,
  hardLimit: Number.POSITIVE_INFINITY,
  hardLockSeconds: hour,
  windowSeconds: hour,
};

export const resetIpPolicy: AttemptPolicy = {
  failuresPerLock: 10,
  baseLockSeconds: 15 * 60,
  maxLockSeconds: hour,
  hardLimit: Number.POSITIVE_INFINITY,
  hardLockSeconds: hour,
  windowSeconds: 15 * 60,
};

/** The limits a request counts under: its address's, and its account's when there is one. */
export function resetRequestLimits(ip: string, accountId: string | undefined): AttemptLimit[] {
  return [
    { key: `password-reset-ip:${ipBucket(ip)}`, policy: resetIpPolicy },
    ...(accountId === undefined
      ? []
      : [{ key: `password-reset:${accountId}`, policy: resetAccountPolicy }]),
  ];
}
