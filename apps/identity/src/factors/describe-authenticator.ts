import type { Translate } from '../ui/i18n/messages.ts';
import type { Authenticator } from './authenticator-queries.ts';
import { factorOfKind } from './index.ts';

/** How an authenticator is named to its owner: « Sesame Verify sur iPhone de Camille », or the method. */
export function describeAuthenticator(t: Translate, authenticator: Authenticator): string {
  const factor = factorOfKind(authenticator.kind);
  const title = factor ? t(factor.title) : authenticator.label;
  // A device name tells which phone; a method without a device is named by the method alone.
  return authenticator.label !== title && authenticator.kind === 'sesame-verify'
    ? t('config.on', { factor: title, device: authenticator.label })
    : title;
}
