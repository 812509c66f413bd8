/**
 * G-17: an email code is not an AAL2 authenticator. It is never an account's first (or only)
 * method, never offered nor accepted where the organization requires MFA or the application asks
 * for two factors, and a sign-in passed with it stays one-factor (amr pwd, acr 1fa). An account
 * whose only other method went enrolls again where MFA is required.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../../test/browser-session.ts';
import type { TestApp } from '../../../test/build-test-app.ts';
import { testBackends } from '../../../test/build-test-app.ts';
import { createVerifiedUser } from '../../../test/mail-kit.ts';
import { atSecondFactor, interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import { idTokenClaims } from '../../../test/security-page-kit.ts';
import {
  codeSent,
  emailCodeAccount,
  type MailCodes,
  password,
  withMailingApp,
} from '../../../test/sent-code-kit.ts';
import { gotCode } from '../../../test/sign-in-kit.ts';
import { setOrgMfaRequired } from '../../policy/mfa-policy.ts';
import { acrValues } from '../../sign-in/flow.ts';
import { satisfiesMfa } from '../index.ts';

const email = 'lea@example.ca';

describe.each(testBackends())('email code: not an AAL2 factor (%s)', (backend) => {
  const rig = withMailingApp(backend);
  let t: TestApp;
  let codes: MailCodes;
  beforeEach(async () => {
    ({ t, codes } = rig);
  });

  it('does not satisfy "MFA required" in the registry', () => {
    expect(satisfiesMfa('email-code')).toBe(false);
  });

  it('is not offered as a first method, nor enrolled alone', async () => {
    await createVerifiedUser(t, { username: 'lea', password, email });
    await setOrgMfaRequired(t.db, true);
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(b, 'lea', password)).location);
    const choose = await b.get(`${base}/enroll`);
    expect(choose.body).toContain("Autre application d'authentification");
    expect(choose.body).not.toContain('Code par courriel');
    const page = await b.get(`${base}/enroll/email-code`);
    expect(page.body).toContain(
      "Code par courriel ne peut pas être votre seule méthode : configurez d'abord",
    );
    expect(page.body).not.toContain('/enroll/email-code/send');
    // A forged send: nothing pending, nothing sent.
    const csrf = hiddenField((await b.get(`${base}/enroll/other-app`)).body, 'csrf');
    await b.post(`${base}/enroll/email-code/send`, { csrf });
    expect(
      await t.db
        .selectFrom('authenticators')
        .selectAll()
        .where('kind', '=', 'email-code')
        .execute(),
    ).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(codes.unread()).toEqual([]);
  });

  it('where the organization requires MFA, it is neither offered nor accepted', async () => {
    const { emailAuthenticatorId } = await emailCodeAccount(t, codes, {
      username: 'lea',
      email,
      orgMfaRequired: true,
    });
    const { b, base } = await atSecondFactor(t, 'lea', password);
    const page = await b.get(`${base}/verify`);
    expect(page.body).not.toContain(emailAuthenticatorId);
    expect(page.body).not.toContain('Code par courriel');
    const csrf = hiddenField(page.body, 'csrf');
    // Asked for anyway: no code is sent, and no answer is evaluated.
    const start = await b.post(`${base}/verify/start`, {
      csrf,
      authenticatorId: emailAuthenticatorId,
    });
    expect(start.statusCode).toBe(303);
    const answer = await b.post(`${base}/verify`, {
      csrf,
      authenticatorId: emailAuthenticatorId,
      code: '123456',
    });
    expect(answer.statusCode).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(codes.unread()).toEqual([]);
  });

  it('where the application asks for two factors, it is not offered', async () => {
    const { emailAuthenticatorId } = await emailCodeAccount(t, codes, { username: 'lea', email });
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const { location } = await passwordStep(b, 'lea', password, {
      acr_values: acrValues.twoFactors,
    });
    const page = await b.get(`${interactionPath(location)}/verify`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(emailAuthenticatorId);
  });

  it('where neither asks, it is offered beside the app, and the sign-in stays one-factor', async () => {
    const { emailAuthenticatorId } = await emailCodeAccount(t, codes, { username: 'lea', email });
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const { location, verifier } = await passwordStep(b, 'lea', password);
    const base = interactionPath(location);
    const page = await b.get(`${base}/verify`);
    // The app first; the email code among « Essayer une autre méthode ».
    expect(page.body).toContain(`?authenticator=${emailAuthenticatorId}`);
    const chosen = await b.get(`${base}/verify?authenticator=${emailAuthenticatorId}`);
    expect(chosen.body).toContain('Envoyer un code par courriel');
    const form = { csrf: hiddenField(chosen.body, 'csrf'), authenticatorId: emailAuthenticatorId };
    const sent = await b.post(`${base}/verify/start`, form);
    expect(sent.body).toContain('Renvoyer le code');
    const { code } = await codes.next(email);
    const done = await b.follow(await b.post(`${base}/verify`, { ...form, code }));
    expect(gotCode(done)).toBe(true);
    const { claims } = await idTokenClaims(t, done, verifier);
    expect(claims.amr).toEqual(['pwd']);
    expect(claims.acr).toBe(acrValues.oneFactor);
  });

  it('an account left with only an email code enrolls again where MFA is required', async () => {
    const { accountId } = await emailCodeAccount(t, codes, { username: 'lea', email });
    await t.db
      .deleteFrom('authenticators')
      .where('account_id', '=', accountId)
      .where('kind', '!=', 'email-code')
      .execute();
    await setOrgMfaRequired(t.db, true);
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const { location } = await passwordStep(b, 'lea', password);
    const next = await b.get(`${interactionPath(location)}`);
    expect(String(next.headers.location)).toMatch(/\/enroll$/);
  });

  it('the code sent for a sign-in that needs no AAL2 is refused once the policy requires MFA', async () => {
    const { emailAuthenticatorId } = await emailCodeAccount(t, codes, { username: 'lea', email });
    const { b, base, form } = await codeSent(t, 'lea', emailAuthenticatorId);
    const { code } = await codes.next(email);
    await setOrgMfaRequired(t.db, true);
    const answer = await b.post(`${base}/verify`, { ...form, code });
    expect(answer.statusCode).toBe(401);
    expect(gotCode(await b.follow(answer))).toBe(false);
  });
});
