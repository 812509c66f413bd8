/**
 * A request URL as it may be logged: the values of query parameters that carry a credential or
 * an identifier (ID tokens, codes, hints, client secrets) replaced, the rest kept for diagnosis.
 */
const secretParams = new Set([
  'access_token',
  'assertion',
  'client_assertion',
  'client_secret',
  'code',
  'code_verifier',
  'id_token',
  'id_token_hint',
  'login_hint',
  'login_hint_token',
  'logout_hint',
  'password',
  'refresh_token',
  'request',
  'state',
  'subject_token',
  'token',
  'user_code',
]);

export const redacted = '[Redacted]';

function nameOf(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    // Malformed escapes: judged as written.
    return raw.toLowerCase();
  }
}

export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => (secretParams.has(nameOf(pair)) ? `${pair.split('=', 1)[0]}=${redacted}` : pair))
    .join('&');
  return `${url.slice(0, queryStart)}?${query}`;
}
