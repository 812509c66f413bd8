/**
 * One complete MFA sign-in over HTTP: GET /oidc/auth → the sign-in page → POST the password →
 * the code page → POST the authenticator's 6-digit code → redirects to the callback → POST
 * /oidc/token → an id_token bound to our nonce whose `amr` says a one-time code was used.
 */
import type { StepTimes } from './browser.ts';
import { codeFromCallback, type OidcClient, redeemCode } from './oidc-client.ts';
import { type Credentials, passwordStep } from './password-step.ts';

export async function mfaSignInOverHttp(
  client: OidcClient,
  credentials: Credentials,
  code: string,
  steps?: StepTimes,
): Promise<void> {
  const { browser, request, reply } = await passwordStep(client, credentials, steps);
  const form = browser.formOn(reply, '/verify', 'code page');
  const afterCode = await browser.submit(form, { code });
  const callback = codeFromCallback(client, afterCode, request);
  const { amr } = await redeemCode(browser, client, callback, request);
  if (!Array.isArray(amr) || !amr.includes('otp'))
    throw new Error(`token: amr ${JSON.stringify(amr)} has no otp`);
}
