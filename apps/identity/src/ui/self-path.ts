/**
 * A link back to this server built from a request target: parsed as a URL on a placeholder origin
 * and reduced to its path and query, so that no raw request text reaches an `href` or a `Location`.
 */
const placeholderOrigin = 'http://sesame.invalid';

/**
 * The path and query of `target` (a request URL, raw), without `lang`, with `params` set. Always a
 * same-origin path: it starts with one `/` followed by anything but `/` or `\`.
 */
export function selfPath(target: string, params: Record<string, string> = {}): string {
  let url: URL;
  try {
    url = new URL(target, placeholderOrigin);
  } catch {
    return '/';
  }
  url.searchParams.delete('lang');
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  // Browsers read `//host` and `/\host` as another origin (WHATWG URL, scheme-relative): one slash.
  const path = url.pathname.replace(/^[/\\]+/, '/');
  return `${path}${url.search}`;
}
