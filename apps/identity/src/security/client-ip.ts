/**
 * The key under which an IP address is rate-limited. `request.ip` is already resolved by Fastify's
 * `trustProxy` list (X-Forwarded-For only from configured proxies, G-12); here IPv4-mapped IPv6
 * (dotted or hex) becomes IPv4 and IPv6 is bucketed per /64, since one customer usually holds a
 * whole /64. Anything else (only reachable through a malformed forwarded header) shares one
 * "invalid" bucket: limited, never skipped.
 */
import { isIPv4, isIPv6 } from 'node:net';

export function ipBucket(ip: string): string {
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return 'invalid';
  const groups = expandIPv6(ip);
  // ::ffff:a.b.c.d, however it is spelled (dotted or hex), is the IPv4 address a.b.c.d.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The 8 groups of a valid IPv6 address (zone id dropped, embedded IPv4 as two groups). */
function expandIPv6(ip: string): number[] {
  const withoutZone = ip.split('%')[0] ?? ip;
  const [head = '', tail] = withoutZone.split('::');
  const left = head === '' ? [] : head.split(':').flatMap(toGroups);
  const right = tail === undefined || tail === '' ? [] : tail.split(':').flatMap(toGroups);
  const zeros = Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

function toGroups(part: string): number[] {
  if (!part.includes('.')) return [Number.parseInt(part, 16)];
  const [a = 0, b = 0, c = 0, d = 0] = part.split('.').map(Number);
  return [(a << 8) | b, (c << 8) | d];
}
