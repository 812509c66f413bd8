/**
 * G-20, the registration policy is the server's: only the algorithms Sesame accepts (ES256,
 * RS256) — a key of another algorithm, even one the WebAuthn library could verify (EdDSA), is
 * refused whatever the browser was told — and attestation 'none' asked. (Excluded credentials:
 * webauthn.registration-needs-authentication.test.ts.)
 */
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import { ceremonyForm, enrollPasskey, softwareAuthenticator } from '../../../test/passkey-kit.ts';

const password = 'traversier de Tadoussac 1927';

describe.each(testBackends())(
  'passkeys: the server’s registration policy (G-20) (%s)',
  (backend) => {
    let t: TestApp;
    let browser: BrowserSession;
    let base: string;
    beforeEach(async () => {
      t = await buildTestApp(backend, {}, { orgMfaRequired: true });
      await t.createUser({ username: 'maxime', password });
      browser = new BrowserSession(t.app, t.config.publicUrl);
      base = interactionPath((await passwordStep(browser, 'maxime', password)).location);
    });
    afterEach(() => t.close());

    it('asks for ES256 or RS256 and attestation none', async () => {
      const page = await browser.get(`${base}/enroll/passkey`);
      const { options } = ceremonyForm<PublicKeyCredentialCreationOptionsJSON>(page.body);
      expect(options.pubKeyCredParams.map((p) => p.alg)).toEqual([-7, -257]);
      expect(options.attestation).toBe('none');
      expect(options.authenticatorSelection?.residentKey).toBe('preferred');
    });

    it('refuses a key of another algorithm, and takes an ES256 one', async () => {
      const eddsa = softwareAuthenticator(t.config.publicUrl, { algorithm: 'EdDSA' });
      expect((await enrollPasskey(browser, base, eddsa)).response.statusCode).toBe(400);
      expect(await t.db.selectFrom('webauthn_credentials').selectAll().execute()).toEqual([]);
      const es256 = softwareAuthenticator(t.config.publicUrl);
      expect((await enrollPasskey(browser, base, es256)).response.statusCode).toBe(303);
    });
  },
);
