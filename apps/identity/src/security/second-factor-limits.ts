/**
 * The two limits every second-factor check runs under (G-39, G-46): guesses from one source
 * address over every account, and consecutive failures of one method of one account — never the
 * password's counter, never cleared by a password success.
 */

import { accountPolicy, secondFactorIpPolicy, secondFactorLimitKey } from './attempt-policy.ts';
import { ipBucket } from './client-ip.ts';
import type { AttemptLimit } from './with-attempt-limit.ts';

export function secondFactorLimits(accountId: string, kind: string, ip: string): AttemptLimit[] {
  return [
    { key: `second-factor-ip:${ipBucket(ip)}`, policy: secondFactorIpPolicy },
    { key: secondFactorLimitKey(accountId, kind), policy: accountPolicy },
  ];
}
