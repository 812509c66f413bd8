/**
 * Test kit for activations made by the real pages: a browser signs in, reaches the enrollment step
 * and opens Sesame Verify's QR page, which creates the activation; the link's token and the code
 * to type are read off that page, as a person (or the camera) would. Then the app's side of the
 * wire: `POST /api/device/activate` by the link or by the typed code.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { BrowserSession } from '../../test/browser-session.ts';
import type { TestApp } from '../../test/build-test-app.ts';
import { interactionPath, passwordStep } from '../../test/mfa-kit.ts';
import { activateBody, makeDeviceKey } from './device-test-kit.ts';

export interface ActivationPage {
  browser: BrowserSession;
  /** `/interaction/<uid>`: the flow's pages are under it. */
  base: string;
  /** The flow's id (the interaction uid), as `activations.flow_id` holds it. */
  flowId: string;
  token: string;
  /** The code as shown (`ABCD-1234`). */
  code: string;
}

/**
 * Sign in as `username` in a new browser (MFA required, nothing enrolled) and open the QR page;
 * or open it in a browser whose flow (`base`) is already at enrollment.
 */
export async function openActivationPage(
  t: TestApp,
  username: string,
  password: string,
  signedIn?: { browser: BrowserSession; base: string },
): Promise<ActivationPage> {
  const browser = signedIn?.browser ?? new BrowserSession(t.app, t.config.publicUrl);
  const base =
    signedIn?.base ?? interactionPath((await passwordStep(browser, username, password)).location);
  const page = await browser.get(`${base}/enroll/sesame-verify/qr?platform=ios`);
  const token = /#token=([A-Za-z0-9_-]+)/.exec(page.body)?.[1];
  const code = /data-activation-code[^>]*>\s*([0-9A-Z-]+)\s*</.exec(page.body)?.[1];
  if (page.statusCode !== 200 || token === undefined || code === undefined) {
    throw new Error(`no QR page: ${page.statusCode}`);
  }
  return { browser, base, flowId: base.slice('/interaction/'.length), token, code };
}

/** The app's activation: with the token of the scanned link, or the typed username and code. */
export async function activateFromApp(
  app: FastifyInstance,
  credential: { token: string } | { username: string; activationCode: string },
): Promise<LightMyRequestResponse> {
  const { jwk } = await makeDeviceKey();
  const byLink = 'token' in credential;
  return app.inject({
    method: 'POST',
    url: '/api/device/activate',
    payload: byLink ? activateBody(jwk) : activateBody(jwk, credential),
    headers: byLink ? { authorization: `Activation ${credential.token}` } : {},
  });
}

/** The typed path. */
export function activateByCode(app: FastifyInstance, username: string, activationCode: string) {
  return activateFromApp(app, { username, activationCode });
}

/** Every refusal of an activation is the same 401 `activation.invalid` (no oracle). */
export function isRefusedActivation(response: LightMyRequestResponse): boolean {
  return (
    response.statusCode === 401 &&
    (response.json() as { error?: string }).error === 'activation.invalid'
  );
}
