/**
 * SMS codes through the real HTTP adapter of the Messages REST API, against a local stand-in of
 * that API started by the test (it checks the basic authentication and the form fields and answers
 * as the API does, errors included): the adapter alone, then the whole method over HTTP on both
 * backends — enrolled at step 9 with a code sent to the number held on the account, then a
 * sign-in with it (amr sms, two factors). A provider's refusal sends nothing to type; without a
 * provider configured, SMS is not offered.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import {
  atSecondFactor,
  finishEnrollment,
  interactionPath,
  passwordStep,
} from '../../../test/mfa-kit.ts';
import { idTokenClaims } from '../../../test/security-page-kit.ts';
import { codeIn, enrollSentCode, password } from '../../../test/sent-code-kit.ts';
import { gotCode } from '../../../test/sign-in-kit.ts';
import {
  type SmsApiStandIn,
  standInFrom,
  standInSid,
  standInToken,
  startSmsApiStandIn,
} from '../../../test/sms-api-stand-in.ts';
import { cliActor } from '../../accounts/operations/actor.ts';
import { setPhoneNumber } from '../../accounts/operations/set-phone-number.ts';
import { acrValues } from '../../sign-in/flow.ts';
import { SmsSendError } from './sms-sender.ts';
import { createTwilioSmsSender } from './twilio-sms-sender.ts';

const phone = '+15145550100';

describe('the SMS adapter against the stand-in of the Messages API', () => {
  let api: SmsApiStandIn;
  beforeAll(async () => {
    api = await startSmsApiStandIn();
  });
  afterAll(() => api.close());
  const config = () => ({
    accountSid: standInSid,
    authToken: standInToken,
    from: standInFrom,
    baseUrl: api.baseUrl,
  });

  it('posts To, From and Body with basic authentication; a 201 is a message sent', async () => {
    await createTwilioSmsSender(config()).send(phone, 'Sesame : votre code est 123456.');
    expect(api.lastTo(phone)).toEqual({
      to: phone,
      from: standInFrom,
      body: 'Sesame : votre code est 123456.',
    });
  });

  it("turns the API's error answers into coded errors", async () => {
    const wrongToken = createTwilioSmsSender({ ...config(), authToken: 'not-the-token' });
    await expect(wrongToken.send(phone, 'x')).rejects.toMatchObject({ code: '20003' });
    const badNumber = createTwilioSmsSender(config()).send('5145550100', 'x');
    await expect(badNumber).rejects.toBeInstanceOf(SmsSendError);
    await expect(badNumber).rejects.toMatchObject({ code: '21211' });
    api.failNext(1, 21610);
    await expect(createTwilioSmsSender(config()).send(phone, 'x')).rejects.toMatchObject({
      code: '21610',
    });
  });

  it('says so when the API cannot be reached', async () => {
    const unreachable = createTwilioSmsSender({ ...config(), baseUrl: 'http://127.0.0.1:1' });
    await expect(unreachable.send(phone, 'x')).rejects.toMatchObject({ code: 'network' });
  });
});

describe.each(testBackends())('SMS codes over HTTP through the stand-in (%s)', (backend) => {
  let api: SmsApiStandIn;
  let t: TestApp;
  let accountId: string;
  let logs: string[];
  beforeAll(async () => {
    api = await startSmsApiStandIn();
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    logs = [];
    t = await buildTestApp(
      backend,
      { ...api.env, LOG_LEVEL: 'warn' },
      { orgMfaRequired: true, logStream: { write: (line) => logs.push(line) } },
    );
    accountId = await t.createUser({ username: 'samuel', password });
    await setPhoneNumber({ db: t.db, now: () => t.clock.now }, cliActor, {
      accountId,
      phoneNumber: phone,
    });
    api.sent.length = 0;
  });
  afterEach(() => t.close());

  /** The code of the latest text message to the account's number. */
  const lastCode = async () => codeIn(api.lastTo(phone)?.body ?? '');

  async function enrollSms() {
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(b, 'samuel', password)).location);
    const id = await enrollSentCode(b, base, 'sms-code', lastCode);
    await finishEnrollment(b, base);
    t.clock.advance(60);
    return id;
  }

  it('is offered at step 9 and enrolled first, with a code sent to the number on the account', async () => {
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(b, 'samuel', password)).location);
    const choose = await b.get(`${base}/enroll`);
    expect(choose.body).toContain('Code par SMS');
    const page = await b.get(`${base}/enroll/sms-code`);
    expect(page.body).toContain('+1 •••••• 0100');
    expect(page.body).toContain('Les textos peuvent être interceptés ou détournés');
    // Not active before its code: the method is pending while the code is on its way.
    const id = await enrollSentCode(b, base, 'sms-code', async () => {
      const pending = await t.db.selectFrom('authenticators').select('status').executeTakeFirst();
      expect(pending?.status).toBe('pending');
      return lastCode();
    });
    const active = await t.db.selectFrom('authenticators').select(['id', 'status']).execute();
    expect(active).toEqual([{ id, status: 'active' }]);
    const message = api.lastTo(phone);
    expect(message?.from).toBe(standInFrom);
    expect(message?.body).toMatch(/^Sesame : votre code de vérification est \d{6}\./);
    // The origin-bound line, for browsers that read it.
    expect(message?.body).toMatch(/\n\n@localhost:3000 #\d{6}$/);
    const done = await finishEnrollment(b, base);
    expect(gotCode(done)).toBe(true);
    const stored = await t.db.selectFrom('sent_code_destinations').select('destination').execute();
    expect(stored).toEqual([{ destination: phone }]);
  });

  it('signs in with a code by SMS: two factors, amr sms', async () => {
    const authenticatorId = await enrollSms();
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const { location, verifier } = await passwordStep(b, 'samuel', password);
    const base = interactionPath(location);
    const page = await b.get(`${base}/verify`);
    expect(page.body).toContain('Envoyer un code par SMS');
    const form = { csrf: hiddenField(page.body, 'csrf'), authenticatorId };
    const sent = await b.post(`${base}/verify/start`, form);
    expect(sent.body).toContain('Renvoyer le code');
    const done = await b.follow(
      await b.post(`${base}/verify`, { ...form, code: await lastCode() }),
    );
    expect(gotCode(done)).toBe(true);
    const { claims } = await idTokenClaims(t, done, verifier);
    expect(claims.amr).toEqual(['pwd', 'sms']);
    expect(claims.acr).toBe(acrValues.twoFactors);
  });

  it("a provider's refusal leaves no code to type, and the page says so", async () => {
    const authenticatorId = await enrollSms();
    const { b, base } = await atSecondFactor(t, 'samuel', password);
    const page = await b.get(`${base}/verify?authenticator=${authenticatorId}`);
    api.failNext(1, 30003);
    const sent = await b.post(`${base}/verify/start`, {
      csrf: hiddenField(page.body, 'csrf'),
      authenticatorId,
    });
    expect(sent.statusCode).toBe(401);
    expect(sent.body).toContain("Le code n'a pas pu être envoyé.");
    expect(sent.body).not.toContain('name="code"');
    const pending = await t.db
      .selectFrom('challenges')
      .select('status')
      .where('kind', '=', 'sms-code')
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toEqual([]);
    // The operator's log says so: the method and the provider's code, not the number.
    const warned = logs.filter((line) => line.includes('a sent code was not delivered'));
    expect(warned).toHaveLength(1);
    expect(JSON.parse(warned[0] as string)).toMatchObject({ kind: 'sms-code', code: '30003' });
    expect(warned[0]).not.toContain('5550100');
  });

  it('a number changed since the enrollment gets no code until it is confirmed again', async () => {
    const authenticatorId = await enrollSms();
    await setPhoneNumber({ db: t.db, now: () => t.clock.now }, cliActor, {
      accountId,
      phoneNumber: '+15145550111',
    });
    const { b, base } = await atSecondFactor(t, 'samuel', password);
    const page = await b.get(`${base}/verify?authenticator=${authenticatorId}`);
    const sent = await b.post(`${base}/verify/start`, {
      csrf: hiddenField(page.body, 'csrf'),
      authenticatorId,
    });
    expect(sent.statusCode).toBe(401);
    expect(api.sent.filter((m) => m.to === '+15145550111')).toEqual([]);
  });

  it('is not offered without a provider configured', async () => {
    const plain = await buildTestApp(backend, {}, { orgMfaRequired: true });
    try {
      const id = await plain.createUser({ username: 'samuel', password });
      await setPhoneNumber({ db: plain.db, now: () => plain.clock.now }, cliActor, {
        accountId: id,
        phoneNumber: phone,
      });
      const b = new BrowserSession(plain.app, plain.config.publicUrl);
      const base = interactionPath((await passwordStep(b, 'samuel', password)).location);
      expect((await b.get(`${base}/enroll`)).body).not.toContain('Code par SMS');
      const page = await b.get(`${base}/enroll/sms-code`);
      expect(page.body).not.toContain('/enroll/sms-code/send');
    } finally {
      await plain.close();
    }
  });
});
