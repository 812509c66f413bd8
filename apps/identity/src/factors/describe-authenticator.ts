import type { Translate } from '../ui/i18n/messages.ts';
import type { Authenticator } from './factor.ts';
import { factorOfKind } from './index.ts';

/** How an authenticator is named to its owner, as its method says (« Sesame Verify sur iPhone… »). */
export function describeAuthenticator(t: Translate, authenticator: Authenticator): string {
  // A name its owner gave it (the security page's « Renommer ») is theirs to read.
  if (authenticator.renamed_at != null) return authenticator.label;
  return factorOfKind(authenticator.kind)?.describe(t, authenticator) ?? authenticator.label;
}
