import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';

/**
 * The account signed in to this browser's provider session, if any: for Sesame's own pages
 * (the account's security page), which are not OIDC clients.
 */
export async function sessionAccountId(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<string | undefined> {
  const session = await provider.Session.get(provider.createContext(req, res));
  return session.accountId ?? undefined;
}
