/**
 * Phone numbers as SMS codes need them: E.164 (ITU-T E.164: « + », a country code, at most 15
 * digits), typed with spaces, dots, dashes or parentheses if one likes; and how one is shown.
 */
const e164 = /^\+[1-9][0-9]{6,14}$/;

/** The number in E.164, or undefined when it is not one. */
export function parsePhoneNumber(typed: string): string | undefined {
  const compact = typed.trim().replace(/[\s.()-]/g, '');
  return e164.test(compact) ? compact : undefined;
}

/** « +1 •••••• 0100 »: the country code's first digit and the last four. */
export function maskPhoneNumber(number: string): string {
  return `${number.slice(0, 2)} •••••• ${number.slice(-4)}`;
}
