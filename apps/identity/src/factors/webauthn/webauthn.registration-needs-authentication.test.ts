/**
 * G-21: only an authenticated flow of the account registers a passkey, and for that account only —
 * not a browser without the flow, not a flow before its password, not a flow that still owes the
 * account's existing second factor, not with another account's ceremony, not for a locked
 * account. The options exclude the account's keys, and a key is registered once. A registration
 * is not an authentication: a sign-in that only registered a key proves the password alone.
 */
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField, openSignIn } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { finishEnrollment, interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import {
  ceremonyForm,
  enrollPasskey,
  enrollPasskeyAccount,
  idTokenClaims,
  softwareAuthenticator,
} from '../../../test/passkey-kit.ts';
import { rememberingAccount, signInWith } from '../../../test/security-page-kit.ts';
import { setAccountLocked } from '../../accounts/queries.ts';

const password = 'orignal au crépuscule 1608';

describe.each(testBackends())(
  'passkey registration needs authentication (G-21) (%s)',
  (backend) => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(backend, {}, { orgMfaRequired: true });
      await t.createUser({ username: 'anais', password });
      await t.createUser({ username: 'bruno', password });
    });
    afterEach(() => t.close());

    const credentials = () => t.db.selectFrom('webauthn_credentials').selectAll().execute();
    const newBrowser = () => new BrowserSession(t.app, t.config.publicUrl);
    const atEnrollment = async (username: string) => {
      const browser = newBrowser();
      const { location, verifier } = await passwordStep(browser, username, password);
      return { browser, base: interactionPath(location), verifier };
    };

    it('is refused to a browser without the flow, and to a flow before its password', async () => {
      const browser = newBrowser();
      const { page, csrf } = await openSignIn(browser);
      const base = interactionPath(/action="([^"]+)\/login"/.exec(page.body)?.[1]);
      const stranger = newBrowser();
      expect((await stranger.get(`${base}/enroll/passkey`)).statusCode).toBe(400);
      // The flow's own browser, before the password: sent back to its password step.
      const early = await browser.get(`${base}/enroll/passkey`);
      expect([early.statusCode, early.headers.location]).toEqual([303, base]);
      const posted = await browser.post(`${base}/enroll/passkey`, {
        csrf,
        challengeId: 'x',
        label: 'Clé',
        attestation: '{}',
      });
      expect(posted.statusCode).toBe(303);
      expect(await credentials()).toEqual([]);
    });

    it('is refused to a flow that still owes the account’s second factor', async () => {
      await enrollPasskeyAccount(t, 'anais', password, softwareAuthenticator(t.config.publicUrl));
      const { browser, base } = await atEnrollment('anais');
      const page = await browser.get(`${base}/enroll/passkey`);
      expect([page.statusCode, page.headers.location]).toEqual([303, base]);
      expect(await credentials()).toHaveLength(1);
    });

    it('serves only the account whose flow made the ceremony', async () => {
      const a = await atEnrollment('anais');
      const b = await atEnrollment('bruno');
      const pageA = await a.browser.get(`${a.base}/enroll/passkey`);
      const pageB = await b.browser.get(`${b.base}/enroll/passkey`);
      const formA = ceremonyForm<PublicKeyCredentialCreationOptionsJSON>(pageA.body);
      const formB = ceremonyForm<PublicKeyCredentialCreationOptionsJSON>(pageB.body);
      const key = softwareAuthenticator(t.config.publicUrl);
      // Anaïs's ceremony answered, posted in Bruno's flow.
      const response = await b.browser.post(formB.action, {
        csrf: formB.csrf,
        challengeId: formA.challengeId,
        label: 'Clé',
        attestation: JSON.stringify(key.register(formA.options)),
      });
      expect(response.statusCode).toBe(400);
      expect(await credentials()).toEqual([]);
    });

    it('is refused once the account is locked', async () => {
      const { browser, base } = await atEnrollment('anais');
      const page = await browser.get(`${base}/enroll/passkey`);
      const form = ceremonyForm<PublicKeyCredentialCreationOptionsJSON>(page.body);
      const accountId = (
        await t.db
          .selectFrom('accounts')
          .select('id')
          .where('username', '=', 'anais')
          .executeTakeFirstOrThrow()
      ).id;
      await setAccountLocked(t.db, accountId, true, t.clock.now);
      const response = await browser.post(form.action, {
        csrf: form.csrf,
        challengeId: form.challengeId,
        label: 'Clé',
        attestation: JSON.stringify(
          softwareAuthenticator(t.config.publicUrl).register(form.options),
        ),
      });
      expect(response.statusCode).toBe(400);
      expect(await credentials()).toEqual([]);
    });

    it('excludes the account’s keys, and registers a key once', async () => {
      const key = softwareAuthenticator(t.config.publicUrl);
      const { browser, base } = await atEnrollment('anais');
      expect((await enrollPasskey(browser, base, key)).response.statusCode).toBe(303);
      // « Ajouter une autre méthode », in the same flow: the first key is excluded.
      const again = await enrollPasskey(browser, base, key);
      const excluded = again.form?.options.excludeCredentials?.map((c) => c.id);
      expect(excluded).toEqual([key.credentialId]);
      expect(again.response.statusCode).toBe(400);
      expect(await credentials()).toHaveLength(1);
    });

    it('from the security page: only after a second factor of the last minutes (step-up)', async () => {
      const lea = await rememberingAccount(t, 'lea');
      const browser = newBrowser();
      await signInWith(browser, { username: 'lea', code: lea.code });
      const addPath = `/account/step-up?return=${encodeURIComponent('/account?added=1')}`;
      const open = async () => {
        const started = await browser.get(addPath);
        await browser.follow(started);
        return (
          /\/account\/step-up\/[A-Za-z0-9_-]+/.exec(String(started.headers.location))?.[0] ?? ''
        );
      };
      // Ten minutes later the sign-in's factor is stale: the key's page sends to the second factor.
      t.clock.advance(600);
      const stale = await open();
      const early = await browser.get(`${stale}/enroll/passkey`);
      expect([early.statusCode, early.headers.location]).toEqual([303, stale]);
      expect(await credentials()).toEqual([]);
      // With the code typed again, the key is registered, and the security page says so.
      const verify = await browser.follow(await browser.get(stale));
      await browser.post(`${stale}/verify`, {
        csrf: hiddenField(verify.body, 'csrf'),
        authenticatorId: hiddenField(verify.body, 'authenticatorId'),
        code: lea.code(),
      });
      const key = softwareAuthenticator(t.config.publicUrl);
      expect((await enrollPasskey(browser, stale, key)).response.statusCode).toBe(303);
      const back = await finishEnrollment(browser, stale);
      expect(back.body).toContain('Clé bleue');
      expect(await credentials()).toHaveLength(1);
    });

    it('proves no factor: a sign-in that only registered a key proves the password', async () => {
      const { browser, base, verifier } = await atEnrollment('anais');
      await enrollPasskey(browser, base, softwareAuthenticator(t.config.publicUrl));
      const done = await finishEnrollment(browser, base);
      const claims = await idTokenClaims(t, done, verifier);
      expect(claims.amr).toEqual(['pwd']);
      expect(claims.acr).toBe('urn:sesame:loa:1fa');
    });
  },
);
