import type { Translate } from '../ui/i18n/messages.ts';
import type { Authenticator } from './factor.ts';
import { factorOfKind } from './index.ts';

/** How an authenticator is named to its owner, as its method says (« Sesame Verify sur iPhone… »). */
export function describeAuthenticator(t: Translate, authenticator: Authenticator): string {
  return factorOfKind(authenticator.kind)?.describe(t, authenticator) ?? authenticator.label;
}
