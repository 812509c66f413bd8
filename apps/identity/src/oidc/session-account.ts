import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';

/** How this browser's provider session signed in: who, when (ms) and with what (RFC 8176). */
export interface SessionLogin {
  accountId: string;
  at: number;
  amr: string[];
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
    at: (session.loginTs ?? 0) * 1000,
    amr: session.amr ?? [],
  };
}

export async function sessionAccountId(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<string | undefined> {
  return (await sessionLogin(provider, req, res))?.accountId;
}
