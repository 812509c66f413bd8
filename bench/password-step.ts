/**
 * The start every bench sign-in shares: a new browser (its own cookie jar), the portal's
 * authorization request, the sign-in page, and the password posted on it. Returns where the
 * password led: the client's callback (password only), or the next page (code, enrollment).
 */
import { Browser, type Reply, type StepTimes } from './browser.ts';
import { type AuthorizationRequest, authorizationRequest, type OidcClient } from './oidc-client.ts';

export interface Credentials {
  username: string;
  password: string;
}

export async function passwordStep(
  client: OidcClient,
  credentials: Credentials,
  steps?: StepTimes,
): Promise<{ browser: Browser; request: AuthorizationRequest; reply: Reply }> {
  const browser = new Browser(client.origin, steps);
  const request = authorizationRequest(client);
  const signInPage = await browser.open(request.url);
  const form = browser.formOn(signInPage, '/login', 'sign-in page');
  return { browser, request, reply: await browser.submit(form, { ...credentials }) };
}
