/**
 * An application's fields as an administrator gives them (console form, API body, CLI flags),
 * checked once for all three: a name, at least one redirect URI, and URIs that pass
 * check-redirect-uris.ts. The problem is a message key, with the URI it is about.
 */
import type { MessageKey } from '../ui/i18n/messages.ts';
import { checkRedirectUris, type RedirectUriProblem } from './check-redirect-uris.ts';
import type { ClientApplicationInput } from './client-queries.ts';

export type ApplicationInputCheck =
  | { ok: true; input: ClientApplicationInput }
  | { ok: false; problem: MessageKey; uri: string };

export function checkApplicationInput(given: {
  name: string;
  redirectUris: readonly string[];
  postLogoutRedirectUris: readonly string[];
  twoFactorsRequired: boolean;
}): ApplicationInputCheck {
  const name = given.name.trim();
  if (name === '' || name.length > 100)
    return { ok: false, problem: 'admin.apps.problem.name', uri: '' };
  const redirect = checkRedirectUris(given.redirectUris, { required: true });
  if (!redirect.ok) return { ok: false, problem: problemKey(redirect.reason), uri: redirect.uri };
  const logout = checkRedirectUris(given.postLogoutRedirectUris, { required: false });
  if (!logout.ok) return { ok: false, problem: problemKey(logout.reason), uri: logout.uri };
  const input = {
    name,
    redirectUris: redirect.uris,
    postLogoutRedirectUris: logout.uris,
    twoFactorsRequired: given.twoFactorsRequired,
  };
  return { ok: true, input };
}

const problemKeys: Record<RedirectUriProblem, MessageKey> = {
  not_absolute: 'admin.apps.problem.not_absolute',
  not_https: 'admin.apps.problem.not_https',
  fragment: 'admin.apps.problem.fragment',
  credentials: 'admin.apps.problem.credentials',
  none: 'admin.apps.problem.none',
  too_many: 'admin.apps.problem.too_many',
};
const problemKey = (reason: RedirectUriProblem) => problemKeys[reason];
