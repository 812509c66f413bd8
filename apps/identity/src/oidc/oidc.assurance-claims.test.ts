/**
 * G-32: the ID token's amr/acr say which factors were used — the password alone, or the password
 * and a one-time code (at enrollment confirmed by a code, and at every later sign-in).
 */
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { discoverPortalClient, listenTestApp } from '../../test/listen-test-app.ts';
import {
  enrollOtherApp,
  finishEnrollment,
  interactionPath,
  passwordStep,
  submitCode,
} from '../../test/mfa-kit.ts';
import { generateTotpCode } from '../factors/totp/totp-code.ts';
import { setOrgMfaRequired } from '../policy/mfa-policy.ts';

const password = 'cabane à sucre 1975';

describe.each(testBackends())('assurance claims in the ID token (%s)', (backend) => {
  let t: Awaited<ReturnType<typeof listenTestApp>>;
  let config: client.Configuration;
  beforeAll(async () => {
    t = await listenTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'eloise', name: 'Éloïse Bouchard', password });
    config = await discoverPortalClient(t);
  });
  afterAll(() => t.close());

  /** Start an authorization as the portal would, sign in with the password, run `steps`, redeem the code. */
  async function signIn(
    steps: (browser: BrowserSession, base: string) => Promise<{ headers: Record<string, unknown> }>,
  ) {
    const browser = new BrowserSession(t.app, t.url);
    const nonce = client.randomNonce();
    const state = client.randomState();
    const { location, verifier } = await passwordStep(browser, 'eloise', password, {
      nonce,
      state,
    });
    const last = await browser.follow((await steps(browser, interactionPath(location))) as never);
    const tokens = await client.authorizationCodeGrant(
      config,
      new URL(String(last.headers.location)),
      { pkceCodeVerifier: verifier, expectedNonce: nonce, expectedState: state },
    );
    return tokens.claims();
  }

  it('says pwd + otp at the enrollment confirmed by a code, and at the next sign-in with a code', async () => {
    let secret: Uint8Array = new Uint8Array();
    const enrolled = await signIn(async (browser, base) => {
      secret = await enrollOtherApp(t, browser, base);
      return finishEnrollment(browser, base);
    });
    expect(enrolled).toMatchObject({ amr: ['pwd', 'otp'], acr: 'urn:sesame:loa:2fa' });

    t.clock.advance(30);
    const later = await signIn(
      async (browser, base) =>
        (await submitCode(browser, base, generateTotpCode(secret, t.clock.now))).response,
    );
    expect(later).toMatchObject({ amr: ['pwd', 'otp'], acr: 'urn:sesame:loa:2fa' });
  });

  it('says pwd alone when no MFA is required and none is enrolled', async () => {
    await setOrgMfaRequired(t.db, false);
    await t.createUser({ username: 'bruno', password: 'vélo de montagne 77' });
    const browser = new BrowserSession(t.app, t.url);
    const nonce = client.randomNonce();
    const state = client.randomState();
    const { location, verifier } = await passwordStep(browser, 'bruno', 'vélo de montagne 77', {
      nonce,
      state,
    });
    const tokens = await client.authorizationCodeGrant(config, new URL(location), {
      pkceCodeVerifier: verifier,
      expectedNonce: nonce,
      expectedState: state,
    });
    expect(tokens.claims()).toMatchObject({ amr: ['pwd'], acr: 'urn:sesame:loa:1fa' });
    await setOrgMfaRequired(t.db, true);
  });
});
