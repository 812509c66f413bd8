import { errors } from 'oidc-provider';

/**
 * True for oidc-provider's "no such interaction or session" refusal (missing, expired or
 * mismatched cookie), which the browser fixes by starting again; false for anything else, such as
 * a storage failure, which must surface as an internal error (G-38).
 */
export function isSessionNotFound(error: unknown): boolean {
  return error instanceof errors.SessionNotFound;
}
