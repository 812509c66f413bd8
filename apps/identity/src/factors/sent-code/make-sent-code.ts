/**
 * A sent code: 6 digits from the CSPRNG (NIST 800-63B-4 §3.1.3.1, G-17), kept only under a keyed
 * hash bound to its challenge, so that a copy of the database alone cannot search the 10⁶ codes
 * offline (G-44), and a hash cannot be moved to another challenge.
 */
import { randomInt } from 'node:crypto';

export function makeSentCode(random: (min: number, max: number) => number = randomInt): string {
  return String(random(0, 1_000_000)).padStart(6, '0');
}

export function hashSentCode(
  box: { mac(message: string, purpose: string): string },
  challengeId: string,
  code: string,
): string {
  return box.mac(`${challengeId}:${code}`, 'sent-code');
}
