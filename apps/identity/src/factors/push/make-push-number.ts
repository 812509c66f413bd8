/**
 * The number the computer shows and the user gives the app, from the CSPRNG (NIST 800-63B-4
 * §3.1.3.2: an approved random bit generator). typed-6: 000000–999999; typed-2 and pick-3: 10–99
 * (no leading zero to misread); pick-3 adds two other numbers and shuffles the three.
 */
import { randomInt } from 'node:crypto';
import type { PushNumberMode } from '@sesame/contracts';

export interface PushNumber {
  /** What the computer shows. */
  display: string;
  /** pick-3: the three numbers the app offers, `display` among them. */
  choices?: string[];
}

export type RandomInt = (min: number, maxExclusive: number) => number;

export function makePushNumber(mode: PushNumberMode, random: RandomInt = randomInt): PushNumber {
  if (mode === 'typed-6') return { display: String(random(0, 1_000_000)).padStart(6, '0') };
  const display = String(random(10, 100));
  if (mode === 'typed-2') return { display };
  const choices = [display];
  while (choices.length < 3) {
    const other = String(random(10, 100));
    if (!choices.includes(other)) choices.push(other);
  }
  // Fisher–Yates: the right number's place says nothing.
  for (let i = choices.length - 1; i > 0; i -= 1) {
    const j = random(0, i + 1);
    [choices[i], choices[j]] = [choices[j] as string, choices[i] as string];
  }
  return { display, choices };
}

/**
 * The expected number under a keyed hash (HMAC with a key derived from the server key), bound to
 * its challenge: a copy of the database alone cannot search a 6-digit space offline (G-44), and
 * a hash cannot be moved to another challenge.
 */
export function hashPushNumber(
  box: { mac(message: string, purpose: string): string },
  challengeId: string,
  number: string,
): string {
  return box.mac(`${challengeId}:${number}`, 'push-number');
}
