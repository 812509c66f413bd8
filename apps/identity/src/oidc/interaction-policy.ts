/**
 * When oidc-provider must send the browser to Sesame's sign-in instead of answering from its
 * session: its own login checks (no session, `prompt=login`, `max_age`, `id_token_hint`,
 * essential acr claims), plus one for `acr_values`: an application that asks for two factors
 * gets them, even from a browser whose session proved only one (issue 6, §2); so does an
 * application registered as requiring them, whatever it asks (oidc/client-metadata.ts).
 */
import { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import { acrValues } from '../sign-in/flow.ts';
import { clientRequiresTwoFactors } from './client-metadata.ts';

const twoFactorsAcr = acrValues.twoFactors;

export function sesameInteractionPolicy(): interactionPolicy.Prompt[] {
  const policy = interactionPolicy.base();
  const login = policy.get('login');
  if (login === undefined) throw new Error("oidc-provider's base policy has no login prompt");
  login.checks.add(
    new interactionPolicy.Check(
      'acr_values_two_factors',
      'the application asks for two factors',
      (ctx: KoaContextWithOIDC) => {
        const asked = String(ctx.oidc.params?.acr_values ?? '').split(' ');
        const required = asked.includes(twoFactorsAcr) || clientRequiresTwoFactors(ctx.oidc.client);
        if (!required) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
        // The session's own proof; a sign-in just completed in this request has set it.
        if (ctx.oidc.acr === twoFactorsAcr) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
        return interactionPolicy.Check.REQUEST_PROMPT;
      },
    ),
  );
  return policy;
}
