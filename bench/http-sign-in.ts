/**
 * One complete password sign-in through the real HTTP flow, as a browser and the portal would make
 * it: GET /oidc/auth → the sign-in page → POST the form → redirects to the callback with the code
 * → POST /oidc/token → an id_token bound to our nonce. One cookie jar per sign-in.
 */
import type { StepTimes } from './browser.ts';
import { codeFromCallback, type OidcClient, redeemCode } from './oidc-client.ts';
import { type Credentials, passwordStep } from './password-step.ts';

export async function signInOverHttp(
  client: OidcClient,
  credentials: Credentials,
  steps?: StepTimes,
): Promise<void> {
  const { browser, request, reply } = await passwordStep(client, credentials, steps);
  await redeemCode(browser, client, codeFromCallback(client, reply, request), request);
}
