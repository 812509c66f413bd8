/**
 * G-28: locking an account or changing its password revokes what it holds at the provider — its
 * single sign-on session asks for the password again, and its tokens stop working — on both
 * backends; other accounts keep theirs.
 */
import * as client from 'openid-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, openSignIn } from '../../test/browser-session.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { discoverPortalClient, listenTestApp } from '../../test/listen-test-app.ts';
import { passwordStep } from '../../test/mfa-kit.ts';
import { revokeAccountOidcState } from './kysely-adapter.ts';

describe.each(testBackends())('revocation of an account’s sessions and tokens (%s)', (backend) => {
  let t: Awaited<ReturnType<typeof listenTestApp>>;
  let config: client.Configuration;
  let ids: Record<string, string>;
  beforeEach(async () => {
    t = await listenTestApp(backend);
    ids = {
      zoe: await t.createUser({ username: 'zoe', password: 'pluie de novembre 44' }),
      yann: await t.createUser({ username: 'yann', password: 'neige de décembre 55' }),
    };
    config = await discoverPortalClient(t);
  });
  afterEach(() => t.close());

  async function signedIn(username: string, password: string) {
    const browser = new BrowserSession(t.app, t.url);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const { location, verifier } = await passwordStep(browser, username, password, {
      state,
      nonce,
    });
    const tokens = await client.authorizationCodeGrant(config, new URL(location), {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    return { browser, tokens };
  }

  /** With a live session, a new authorization skips the password page. */
  async function hasSession(browser: BrowserSession) {
    try {
      await openSignIn(browser);
      return false;
    } catch {
      return true;
    }
  }

  it('ends the sessions and tokens of the revoked account only', async () => {
    const zoe = await signedIn('zoe', 'pluie de novembre 44');
    const yann = await signedIn('yann', 'neige de décembre 55');
    expect(await hasSession(zoe.browser)).toBe(true);

    expect(await revokeAccountOidcState(t.db, ids.zoe as string)).toBeGreaterThan(0);

    expect(await hasSession(zoe.browser)).toBe(false);
    await expect(
      client.fetchUserInfo(config, zoe.tokens.access_token, client.skipSubjectCheck),
    ).rejects.toBeDefined();
    await expect(
      client.refreshTokenGrant(config, zoe.tokens.refresh_token as string),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    // The other account is untouched.
    expect(await hasSession(yann.browser)).toBe(true);
    expect(
      await client.fetchUserInfo(config, yann.tokens.access_token, client.skipSubjectCheck),
    ).toMatchObject({ sub: ids.yann });
  });
});
