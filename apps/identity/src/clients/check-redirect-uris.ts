/**
 * The URIs an application may be sent back to, checked where they come in (console, API, CLI):
 * absolute, https — or http on this machine only (a developer's application) — no fragment
 * (OAuth 2.0 §3.1.2), no user name or password, and kept as given: oidc-provider compares them
 * exactly (RFC 9700 §4.1.3).
 */
export type RedirectUrisCheck =
  | { ok: true; uris: string[] }
  | { ok: false; uri: string; reason: RedirectUriProblem };

export type RedirectUriProblem =
  | 'not_absolute'
  | 'not_https'
  | 'fragment'
  | 'credentials'
  | 'none'
  | 'too_many';

export const maxRedirectUris = 10;
const maxUriLength = 2000;
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** One URI a line (a textarea's value); blank lines are ignored. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function checkRedirectUris(
  uris: readonly string[],
  options: { required: boolean },
): RedirectUrisCheck {
  const unique = [...new Set(uris.map((uri) => uri.trim()).filter((uri) => uri !== ''))];
  if (options.required && unique.length === 0) return { ok: false, uri: '', reason: 'none' };
  if (unique.length > maxRedirectUris)
    return { ok: false, uri: unique[maxRedirectUris] as string, reason: 'too_many' };
  for (const uri of unique) {
    const reason = problemOf(uri);
    if (reason !== undefined) return { ok: false, uri, reason };
  }
  return { ok: true, uris: unique };
}

function problemOf(uri: string): RedirectUriProblem | undefined {
  // An absolute URL, of a sensible length, that parses.
  if (uri.length > maxUriLength || !URL.canParse(uri)) return 'not_absolute';
  const url = new URL(uri);
  // OAuth 2.0 §3.1.2: the redirection endpoint URI must not include a fragment.
  if (uri.includes('#')) return 'fragment';
  // No secret in a URI that travels in every authorization request.
  if (url.username !== '' || url.password !== '') return 'credentials';
  if (url.protocol === 'https:') return undefined;
  // RFC 8252 §7.3: plain http only to this machine's loopback (a developer's application).
  if (url.protocol === 'http:' && loopbackHosts.has(url.hostname)) return undefined;
  return url.protocol === 'http:' ? 'not_https' : 'not_absolute';
}
