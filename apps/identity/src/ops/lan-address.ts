import { networkInterfaces } from 'node:os';

/** This machine's first non-internal IPv4 address: what a phone on the same network reaches. */
export function lanAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (found) return found.address;
  }
  return undefined;
}
