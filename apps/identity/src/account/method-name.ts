/** A name an account's owner gives one of their methods (« Renommer »): checked as a pure function. */

export const maxMethodNameLength = 64;

/** The name to store (trimmed, spaces collapsed), or undefined when it cannot be one. */
export function parseMethodName(typed: string): string | undefined {
  const name = typed.normalize('NFC').trim().replace(/\s+/gu, ' ');
  // Nothing but spaces: no name.
  if (name === '') return undefined;
  // Shown on pages and in the audit: bounded, in code points.
  if ([...name].length > maxMethodNameLength) return undefined;
  // Control, format or unassigned characters (bidi overrides, zero-width spaces…) would make it
  // read as another; the zero-width joiner alone stays, for emoji sequences (👩‍💻).
  if (/[\p{Cc}\p{Cn}\p{Co}\p{Cs}]|(?!\u200D)\p{Cf}/u.test(name)) return undefined;
  return name;
}
