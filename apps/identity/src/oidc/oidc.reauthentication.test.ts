/**
 * Issue 6, §2: the application's say over a sign-in, through openid-client as a real relying
 * party. `prompt=login` and `max_age` make a browser that has a session sign in again;
 * `acr_values` naming two factors gets MFA even where the policy does not require it, and an
 * ID token that says so — never a one-factor session passed off as two.
 */
import * as client from 'openid-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { discoverPortalClient, listenTestApp } from '../../test/listen-test-app.ts';
import { enrollOtherApp, finishEnrollment, interactionPath } from '../../test/mfa-kit.ts';
import { acrValues } from '../sign-in/flow.ts';

const password = 'pont de Québec 1917';
const redirectUri = 'http://localhost:3001/callback';

describe.each(testBackends())('prompt, max_age and acr_values (%s)', (backend) => {
  let t: Awaited<ReturnType<typeof listenTestApp>>;
  let config: client.Configuration;
  let browser: BrowserSession;
  beforeEach(async () => {
    // MFA is not required by the organization here: only the application's acr_values ask for it.
    t = await listenTestApp(backend, {}, { orgMfaRequired: false });
    await t.createUser({ username: 'amelie', password });
    config = await discoverPortalClient(t);
    browser = new BrowserSession(t.app, t.url);
  });
  afterEach(() => t.close());

  /** An authorization request as the portal builds it; where the identity server leads. */
  async function authorize(params: Record<string, string> = {}) {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      ...params,
    });
    const response = await browser.follow(await browser.get(url.pathname + url.search));
    const location = String(response.headers.location ?? '');
    const redeem = async (at = location) =>
      (
        await client.authorizationCodeGrant(config, new URL(at), {
          pkceCodeVerifier: verifier,
          expectedState: state,
        })
      ).claims();
    return { response, location, redeem };
  }

  /** The password on the sign-in page `response` shows; where that leads. */
  async function typePassword(response: { body: string }) {
    const action = /action="([^"]+\/login)"/.exec(response.body)?.[1];
    if (action === undefined) throw new Error('not the sign-in page');
    const posted = await browser.post(action, {
      csrf: hiddenField(response.body, 'csrf'),
      username: 'amelie',
      password,
    });
    return { base: interactionPath(action), next: await browser.follow(posted) };
  }

  async function signedInOnce() {
    const first = await authorize();
    const { next } = await typePassword(first.response);
    const claims = await first.redeem(String(next.headers.location));
    expect(claims).toMatchObject({ amr: ['pwd'], acr: acrValues.oneFactor });
    return claims;
  }

  it('answers from the session without params, and asks again with prompt=login', async () => {
    await signedInOnce();
    const silent = await authorize();
    expect(silent.location).toContain('code=');
    const forced = await authorize({ prompt: 'login' });
    expect(forced.location).not.toContain('code=');
    expect(forced.response.body).toContain('name="password"');
  });

  it('asks again once the session is older than max_age', async () => {
    const claims = await signedInOnce();
    expect((await authorize({ max_age: '3600' })).location).toContain('code=');
    // Wait (for a condition, not a fixed time) until the sign-in is a second old.
    while (Math.floor(Date.now() / 1000) <= Number(claims?.auth_time))
      await new Promise((resolve) => setTimeout(resolve, 50));
    const stale = await authorize({ max_age: '0' });
    expect(stale.location).not.toContain('code=');
    expect(stale.response.body).toContain('name="password"');
    const { next } = await typePassword(stale.response);
    expect(await stale.redeem(String(next.headers.location))).toMatchObject({ amr: ['pwd'] });
  });

  it('gives two factors to acr_values asking for them, even without a policy requiring MFA', async () => {
    await signedInOnce();
    // The one-factor session is not enough: sign in again, and enroll a method on the way.
    const strong = await authorize({ acr_values: acrValues.twoFactors });
    expect(strong.location).not.toContain('code=');
    const { base, next } = await typePassword(strong.response);
    expect(next.body).toContain(`${base}/enroll/other-app`);
    await enrollOtherApp(t, browser, base);
    const done = await finishEnrollment(browser, base);
    const claims = await strong.redeem(String(done.headers.location));
    expect(claims).toMatchObject({ amr: ['pwd', 'otp'], acr: acrValues.twoFactors });
    // Now the session has two factors: the next such request is answered from it.
    const again = await authorize({ acr_values: acrValues.twoFactors });
    expect(again.location).toContain('code=');
    expect(await again.redeem()).toMatchObject({ acr: acrValues.twoFactors });
  });
});
