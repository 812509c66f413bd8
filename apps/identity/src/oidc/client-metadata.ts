/**
 * One shape for every application, from the configuration or from the database (ADR 0012):
 * authorization code + PKCE, refresh tokens, CIBA by polling, a secret sent with HTTP Basic,
 * exact redirect URIs. An application that requires two factors says so with
 * `default_acr_values`, and Sesame reads it as a requirement, not a default: every sign-in of it
 * proves two factors, whatever `acr_values` it sends.
 */
import type { ClientMetadata } from 'oidc-provider';
import { acrValues } from '../sign-in/flow.ts';

export interface ClientRegistration {
  clientId: string;
  name: string;
  clientSecret: string;
  redirectUris: readonly string[];
  postLogoutRedirectUris: readonly string[];
  twoFactorsRequired?: boolean;
}

export function clientMetadata(client: ClientRegistration): ClientMetadata {
  return {
    client_id: client.clientId,
    client_name: client.name,
    client_secret: client.clientSecret,
    redirect_uris: [...client.redirectUris],
    post_logout_redirect_uris: [...client.postLogoutRedirectUris],
    grant_types: ['authorization_code', 'refresh_token', 'urn:openid:params:grant-type:ciba'],
    // CIBA (oidc/ciba.ts): the application polls the token endpoint.
    backchannel_token_delivery_mode: 'poll',
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    require_auth_time: true,
    ...(client.twoFactorsRequired ? { default_acr_values: [acrValues.twoFactors] } : {}),
  };
}

/** The application requires two factors (see above): its every sign-in asks for them. */
export function clientRequiresTwoFactors(
  client: { defaultAcrValues?: readonly string[] | undefined } | undefined,
): boolean {
  return client?.defaultAcrValues?.includes(acrValues.twoFactors) === true;
}
