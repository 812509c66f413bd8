import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';

/** How this browser's provider session signed in: who, when (ms) and with what (RFC 8176). */
export interface SessionLogin {
  accountId: string;
  /** The provider session's id (its stored record's), and its stable uid (a CSRF binding). */
  sessionId: string;
  sessionUid: string;
  at: number;
  amr: string[];
  /** The assurance of that sign-in (`urn:sesame:loa:2fa` with two factors). */
  acr: string | undefined;
}

/**
 * The account signed in to this browser's provider session, if any: for Sesame's own pages
 * (the account's security page), which are not OIDC clients.
 */
export async function sessionLogin(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<SessionLogin | undefined> {
  const session = await provider.Session.get(provider.createContext(req, res));
  if (!session.accountId) return undefined;
  return {
    accountId: session.accountId,
    sessionId: session.jti,
    sessionUid: session.uid,
    at: (session.loginTs ?? 0) * 1000,
    amr: session.amr ?? [],
    acr: session.acr,
  };
}

export async function sessionAccountId(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<string | undefined> {
  return (await sessionLogin(provider, req, res))?.accountId;
}
