/**
 * Output for a terminal or a script. Values may come from the network (user agents) or from a
 * person (names): control and format characters (ANSI escapes, bidi overrides) never reach the
 * terminal as such — replaced in tables, escaped in JSON.
 */

const UNSAFE_IN_TABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const UNSAFE_IN_JSON = /[\u007f-\u009f\p{Cf}\u2028\u2029]/gu;

/** UTC ISO 8601 to the second, e.g. `2026-03-01T14:05:09Z`. */
export function formatUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** At most `max` code points, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const codePoints = Array.from(text);
  return codePoints.length <= max ? text : `${codePoints.slice(0, max - 1).join('')}…`;
}

/** Columns aligned on the widest cell; every line ends with a newline. */
export function formatTable(headers: string[], rows: string[][]): string {
  const cells = [headers, ...rows].map((row) =>
    row.map((cell) => cell.replace(UNSAFE_IN_TABLE, '\uFFFD')),
  );
  const widths = headers.map((_, column) =>
    Math.max(...cells.map((row) => Array.from(row[column] ?? '').length)),
  );
  return cells
    .map((row) =>
      row
        .map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - Array.from(cell).length))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** Pretty JSON, with invisible and control characters written as `\uXXXX` escapes. */
export function formatJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (char) =>
    char
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  );
  return `${json}\n`;
}
