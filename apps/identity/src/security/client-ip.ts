/**
 * The key under which an IP address is rate-limited. `request.ip` is already resolved by Fastify's
 * `trustProxy` list (X-Forwarded-For only from configured proxies, G-12); here IPv4-mapped IPv6
 * becomes IPv4 and IPv6 is bucketed per /64, since one customer usually holds a whole /64.
 */
import { isIPv4, isIPv6 } from 'node:net';

export function ipBucket(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return 'invalid';
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  const withoutZone = ip.split('%')[0] ?? ip;
  const [head = '', tail] = withoutZone.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}
