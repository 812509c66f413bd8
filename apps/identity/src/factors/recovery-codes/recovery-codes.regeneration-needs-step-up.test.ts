/**
 * G-18, G-23: new recovery codes from the security page only with a second factor of the last
 * five minutes for that very page (the step-up, purpose-bound); the new set replaces the old one
 * in the same transaction as its audit event, so the old codes stop working at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BrowserSession, hiddenField } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { atSecondFactor, enrollAccount, submitCode } from '../../../test/mfa-kit.ts';
import {
  codesOnPage,
  enrollWithRecoveryCodes,
  recoveryCodeForm,
  signInWithRecoveryCode,
} from '../../../test/recovery-codes-kit.ts';
import { auditEvents, gotCode } from '../../../test/sign-in-kit.ts';
import { generateTotpCode } from '../totp/totp-code.ts';

const password = 'place Jacques-Cartier 1534';
const page = '/account/recovery-codes';

describe.each(testBackends())('a first set from the security page (%s)', (backend) => {
  let t: TestApp;
  afterEach(() => t.close());

  it('is offered to an account without codes, and made after the same fresh second factor', async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'zoe', password });
    const secret = await enrollAccount(t, 'zoe', password);
    const { b, base } = await atSecondFactor(t, 'zoe', password);
    const { response } = await submitCode(b, base, generateTotpCode(secret, t.clock.now));
    expect(gotCode(await b.follow(response))).toBe(true);
    const account = await b.get('/account');
    expect(account.body).toContain(`href="${page}"`);
    expect(account.body).toContain('Générer mes codes');
    t.clock.advance(600);
    const asked = await b.follow(await b.get(page));
    expect(asked.body).toMatch(/action="\/account\/step-up\/[^"]+\/verify"/);
    const stepUp = /action="(\/account\/step-up\/[^"]+)\/verify"/.exec(asked.body)?.[1] as string;
    // The account has no codes yet: its app's code is the only way through.
    expect(asked.body).not.toContain('Utiliser un code de récupération');
    const passed = await b.post(`${stepUp}/verify`, {
      csrf: hiddenField(asked.body, 'csrf'),
      authenticatorId: hiddenField(asked.body, 'authenticatorId'),
      code: generateTotpCode(secret, t.clock.now),
    });
    expect(passed.headers.location).toBe(page);
    const offer = await b.get(page);
    expect(offer.body).not.toContain('Vos codes actuels');
    const shown = await b.post(page, { csrf: hiddenField(offer.body, 'csrf') });
    expect(codesOnPage(shown.body)).toHaveLength(10);
    expect((await b.get('/account')).body).toContain('Codes inutilisés : 10 sur 10');
  });
});

describe.each(testBackends())('regenerating recovery codes needs a step-up (%s)', (backend) => {
  let t: TestApp;
  let accountId: string;
  let secret: Uint8Array;
  let codes: string[];
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    accountId = await t.createUser({ username: 'luc', password });
    ({ secret, codes } = await enrollWithRecoveryCodes(t, 'luc', password));
  });
  afterEach(() => t.close());

  const hashes = async () =>
    (await t.db.selectFrom('recovery_codes').select('code_hash').execute()).map((r) => r.code_hash);
  const generated = async () =>
    (await auditEvents(t)).filter((e) => e.type === 'recovery_codes.generated');

  /** A browser signed in to the identity server with its password and the app's code, now. */
  async function signedIn(): Promise<BrowserSession> {
    const { b, base } = await atSecondFactor(t, 'luc', password);
    const { response } = await submitCode(b, base, generateTotpCode(secret, t.clock.now));
    expect(gotCode(await b.follow(response))).toBe(true);
    return b;
  }

  it('regenerates for a session whose second factor is fresh; the old codes stop working', async () => {
    const b = await signedIn();
    t.clock.advance(60);
    const offer = await b.follow(await b.get(page));
    expect(offer.statusCode).toBe(200);
    expect(offer.body).toContain('Vos codes actuels (10 inutilisés)');
    const shown = await b.post(page, { csrf: hiddenField(offer.body, 'csrf') });
    expect(shown.statusCode).toBe(200);
    const fresh = codesOnPage(shown.body);
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => codes.includes(code))).toBe(false);
    expect(await hashes()).toHaveLength(10);
    expect(await generated()).toMatchObject([
      {},
      { account_id: accountId, actor: `user:${accountId}` },
    ]);
    t.clock.advance(30);
    const old = await signInWithRecoveryCode(t, 'luc', password, codes[0] as string);
    expect(old.response.statusCode).toBe(401);
    const renewed = await signInWithRecoveryCode(t, 'luc', password, fresh[0] as string);
    expect(renewed.response.statusCode).toBe(303);
  });

  it('asks for a second factor when the session’s is older, and regenerates nothing before', async () => {
    const b = await signedIn();
    t.clock.advance(600);
    const before = await hashes();
    const asked = await b.follow(await b.get(page));
    expect(asked.body).toMatch(/action="\/account\/step-up\/[^"]+\/verify"/);
    expect(codesOnPage(asked.body)).toEqual([]);
    // Posting the regeneration without the proof: sent to the step-up, nothing changed.
    const forced = await b.post(page, { csrf: hiddenField(asked.body, 'csrf') });
    expect(forced.statusCode).toBe(303);
    expect(String(forced.headers.location)).toBe(
      `/account/step-up?return=${encodeURIComponent(page)}`,
    );
    expect(await hashes()).toEqual(before);
    expect(await generated()).toHaveLength(1);
  });

  it('takes a recovery code as the step-up’s second factor, then regenerates', async () => {
    const b = await signedIn();
    t.clock.advance(600);
    const asked = await b.follow(await b.get(page));
    const base = /action="(\/account\/step-up\/[^"]+)\/verify"/.exec(asked.body)?.[1] as string;
    const { fields } = await recoveryCodeForm(b, base);
    const passed = await b.post(`${base}/verify`, { ...fields, code: codes[2] as string });
    expect(passed.statusCode).toBe(303);
    expect(passed.headers.location).toBe(page);
    const offer = await b.get(page);
    expect(offer.body).toContain('Vos codes actuels (9 inutilisés)');
    const shown = await b.post(page, { csrf: hiddenField(offer.body, 'csrf') });
    expect(codesOnPage(shown.body)).toHaveLength(10);
  });

  it('is bound to its purpose: a step-up for removing a method does not regenerate the codes', async () => {
    const b = await signedIn();
    t.clock.advance(600);
    const method = await t.db
      .selectFrom('authenticators')
      .select('id')
      .where('kind', '=', 'totp')
      .executeTakeFirstOrThrow();
    const removal = `/account/methods/${method.id}/remove`;
    const asked = await b.follow(await b.get(removal));
    const base = /action="(\/account\/step-up\/[^"]+)\/verify"/.exec(asked.body)?.[1] as string;
    const passed = await b.post(`${base}/verify`, {
      csrf: hiddenField(asked.body, 'csrf'),
      authenticatorId: hiddenField(asked.body, 'authenticatorId'),
      code: generateTotpCode(secret, t.clock.now),
    });
    expect(passed.headers.location).toBe(removal);
    const removalPage = await b.get(removal);
    const before = await hashes();
    const forced = await b.post(page, { csrf: hiddenField(removalPage.body, 'csrf') });
    expect(forced.statusCode).toBe(303);
    expect(String(forced.headers.location)).toMatch(/^\/account\/step-up\?return=/);
    expect(await hashes()).toEqual(before);
  });

  it('does not count as a method when the last real one is removed', async () => {
    const b = await signedIn();
    const methods = await t.db.selectFrom('authenticators').select(['id', 'kind']).execute();
    const removal = (kind: string) =>
      `/account/methods/${methods.find((m) => m.kind === kind)?.id}/remove`;
    // The app is the only method that is an enrollment: its removal page says so.
    const app = await b.follow(await b.get(removal('totp')));
    expect(app.body).toContain('C’est votre seule méthode de vérification');
    const codesPage = await b.follow(await b.get(removal('recovery_codes')));
    expect(codesPage.body).toContain('Retirer cette méthode ?');
    expect(codesPage.body).not.toContain('C’est votre seule méthode de vérification');
  });

  it('refuses a form without its token, even with a fresh second factor', async () => {
    const b = await signedIn();
    // The page opened (its proof is in this browser), then a form posted without its token.
    expect((await b.follow(await b.get(page))).statusCode).toBe(200);
    const before = await hashes();
    const forged = await b.post(page, { csrf: 'forged' });
    expect(forged.statusCode).toBe(403);
    expect(await hashes()).toEqual(before);
  });
});
