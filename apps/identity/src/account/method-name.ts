/** A name an account's owner gives one of their methods (« Renommer »): checked as a pure function. */

export const maxMethodNameLength = 64;

/** The name to store (trimmed, spaces collapsed), or undefined when it cannot be one. */
export function parseMethodName(typed: string): string | undefined {
  const name = typed.normalize('NFC').trim().replace(/\s+/gu, ' ');
  // Nothing but spaces: no name.
  if (name === '') return undefined;
  // Shown on pages and in the audit: bounded, in code points.
  if ([...name].length > maxMethodNameLength) return undefined;
  // Control, format or unassigned characters (bidi overrides…) would make it read as another.
  if (/[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}]/u.test(name)) return undefined;
  return name;
}
