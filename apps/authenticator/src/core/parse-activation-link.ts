/**
 * The QR code of the enrollment page carries `<publicUrl>/app/activate#token=<token>`. Anything
 * else is refused before a key is made or a request is sent: a QR code is untrusted input.
 */
import { activationLinkPath } from '@sesame/contracts';
import { VerifyError } from './verify-error.ts';

export interface ActivationLink {
  /** The organization: the identity server's origin (`https://id.example.com`). */
  issuer: string;
  token: string;
}

/** Longest link we read: a QR code holds more, a Sesame link is about 80 characters. */
const maxLinkLength = 2048;
/** The server's tokens are base64url; bound the length so nothing odd reaches a header. */
const tokenPattern = /^[A-Za-z0-9_-]{16,128}$/;
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https anywhere; plain http only on this machine (development), never across a network. */
export function isAllowedOrigin(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname);
}

/** A URL the app may talk to: parseable, an allowed origin, no credentials in it. */
function parseSafeUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw invalid('not a URL');
  }
  // Only an https origin (or http on localhost): never javascript:, data:, otpauth:, file:…
  if (!isAllowedOrigin(url)) throw invalid('scheme');
  // A link with credentials in it is a phishing trick (`https://bank@evil.example/…`).
  if (url.username !== '' || url.password !== '') throw invalid('userinfo');
  return url;
}

export function parseActivationLink(text: string): ActivationLink {
  const input = text.trim();
  if (input.length === 0 || input.length > maxLinkLength) throw invalid('length');
  const url = parseSafeUrl(input);
  if (url.pathname !== activationLinkPath || url.search !== '') throw invalid('path');
  const fragment = new URLSearchParams(url.hash.slice(1));
  const tokens = fragment.getAll('token');
  if (tokens.length !== 1 || [...fragment.keys()].length !== 1) throw invalid('fragment');
  const token = tokens[0] ?? '';
  if (!tokenPattern.test(token)) throw invalid('token');
  return { issuer: url.origin, token };
}

/** An organization address typed by hand ("Saisir le code manuellement") → its origin. */
export function parseIssuer(text: string): string {
  const input = text.trim();
  if (input.length === 0 || input.length > maxLinkLength) throw invalid('length');
  // People type `id.example.com`: assume https, the only scheme a phone can use anyway.
  return parseSafeUrl(/^[a-z][a-z0-9+.-]*:/i.test(input) ? input : `https://${input}`).origin;
}

function invalid(reason: string): VerifyError {
  return new VerifyError('link.invalid', `Not a Sesame activation link (${reason})`);
}
