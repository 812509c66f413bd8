/**
 * G-28 for the organization's side: whichever way an administrator or an HR system revokes an
 * account — the console's « Verrouiller » or « Fermer les sessions », the admin API's lock or
 * sign-out, SCIM's `active: false` — the client's single sign-on session asks for the password
 * again, its access token is refused at userinfo and its refresh token at the token endpoint, on
 * both backends, as a relying party meets it (openid-client over real HTTP). A bystander keeps
 * everything.
 */
import * as client from 'openid-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi, makeApiTokenInConsole } from '../../test/api-token-kit.ts';
import { BrowserSession, hiddenField, openSignIn } from '../../test/browser-session.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../test/console-kit.ts';
import { discoverPortalClient, listenTestApp } from '../../test/listen-test-app.ts';
import { passwordStep } from '../../test/mfa-kit.ts';

type Revoke = (accountId: string) => Promise<void>;

describe.each(testBackends())(
  'an administrator’s revocation reaches the provider (%s)',
  (backend) => {
    let t: Awaited<ReturnType<typeof listenTestApp>>;
    let config: client.Configuration;
    let desk: BrowserSession;
    let token: string;
    const passwords = { zoe: 'pluie de novembre 44', yann: 'neige de décembre 55' };
    let ids: Record<keyof typeof passwords, string>;
    beforeEach(async () => {
      t = await listenTestApp(backend, {}, { orgMfaRequired: false });
      const admin = await consoleUser(t, 'ariane', 'admin');
      desk = (await signInToConsole(t, admin)).browser;
      token = await makeApiTokenInConsole(t, desk, ['users:read', 'users:manage']);
      ids = {
        zoe: await t.createUser({ username: 'zoe', password: passwords.zoe }),
        yann: await t.createUser({ username: 'yann', password: passwords.yann }),
      };
      config = await discoverPortalClient(t);
    });
    afterEach(() => t.close());

    async function signedIn(username: keyof typeof passwords) {
      const browser = new BrowserSession(t.app, t.url);
      const state = client.randomState();
      const nonce = client.randomNonce();
      const { location, verifier } = await passwordStep(browser, username, passwords[username], {
        state,
        nonce,
      });
      const tokens = await client.authorizationCodeGrant(config, new URL(location), {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
      });
      expect(tokens.refresh_token).toBeDefined();
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

    /** Press one of the console's account buttons, with the page's own form token. */
    const consoleButton =
      (action: string): Revoke =>
      async (accountId) => {
        const page = await desk.get(`/admin/users/${accountId}`);
        expect(page.statusCode).toBe(200);
        const done = await desk.post(`/admin/users/${accountId}/${action}`, {
          csrf: hiddenField(page.body, 'csrf'),
        });
        expect(done.statusCode).toBe(303);
      };
    const apiAction =
      (action: string): Revoke =>
      async (accountId) => {
        const done = await callApi(t, token, 'POST', `/admin/api/users/${accountId}/${action}`);
        expect(done.statusCode).toBe(200);
      };
    const scimDeactivate: Revoke = async (accountId) => {
      const done = await t.app.inject({
        method: 'PATCH',
        url: `/scim/v2/Users/${accountId}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        payload: JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', value: { active: false } }],
        }),
      });
      expect(done.statusCode).toBe(200);
    };

    const ways: [string, () => Revoke][] = [
      ['the console’s lock', () => consoleButton('lock')],
      ['the console’s « end every session »', () => consoleButton('sign-out')],
      ['the admin API’s lock', () => apiAction('lock')],
      ['the admin API’s sign-out', () => apiAction('sign-out')],
      ['SCIM’s active: false', () => scimDeactivate],
    ];

    it.each(ways)('%s ends the session and both tokens of that account only', async (_, way) => {
      const zoe = await signedIn('zoe');
      const yann = await signedIn('yann');
      expect(await hasSession(zoe.browser)).toBe(true);

      await way()(ids.zoe);

      expect(await hasSession(zoe.browser)).toBe(false);
      await expect(
        client.fetchUserInfo(config, zoe.tokens.access_token, client.skipSubjectCheck),
      ).rejects.toBeDefined();
      await expect(
        client.refreshTokenGrant(config, zoe.tokens.refresh_token as string),
      ).rejects.toMatchObject({ error: 'invalid_grant' });
      // The bystander is untouched: session, access token and refresh token all still work.
      expect(await hasSession(yann.browser)).toBe(true);
      expect(
        await client.fetchUserInfo(config, yann.tokens.access_token, client.skipSubjectCheck),
      ).toMatchObject({ sub: ids.yann });
      const refreshed = await client.refreshTokenGrant(config, yann.tokens.refresh_token as string);
      expect(refreshed.access_token).toBeDefined();
    });
  },
);
