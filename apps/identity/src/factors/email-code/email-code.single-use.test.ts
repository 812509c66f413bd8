/**
 * G-17: an email code is single use and bound to its flow and account. Of parallel answers with
 * the right code, exactly one passes (one atomic UPDATE … RETURNING); a used code, a code of
 * another flow (even the same account's), and a code past its 10 minutes are refused.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/build-test-app.ts';
import { testBackends } from '../../../test/build-test-app.ts';
import {
  codeSent,
  emailCodeAccount,
  type MailCodes,
  withMailingApp,
} from '../../../test/sent-code-kit.ts';
import { gotCode } from '../../../test/sign-in-kit.ts';
import { sentCodeTtlSeconds } from '../sent-code/sent-code-rules.ts';

const email = 'remi@example.ca';

describe.each(testBackends())('email code: single use, bound to its flow (%s)', (backend) => {
  const rig = withMailingApp(backend);
  let t: TestApp;
  let codes: MailCodes;
  let authenticatorId: string;
  beforeEach(async () => {
    ({ t, codes } = rig);
    ({ emailAuthenticatorId: authenticatorId } = await emailCodeAccount(t, codes, {
      username: 'remi',
      email,
    }));
  });

  it('of 10 parallel answers with the right code, exactly one passes', async () => {
    const started = await codeSent(t, 'remi', authenticatorId);
    const { b, base, form } = started;
    expect(started.sent.statusCode).toBe(200);
    const { code, mail } = await codes.next(email);
    expect(mail.subject).toBe('Votre code de vérification Sesame');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => b.post(`${base}/verify`, { ...form, code })),
    );
    expect(answers.filter((r) => r.statusCode === 303)).toHaveLength(1);
    // This sign-in's code (the enrollment's was consumed before): settled once, as consumed.
    const sent = await t.db
      .selectFrom('challenges')
      .select(['status', 'secret_hash'])
      .where('kind', '=', 'email-code')
      .where('created_at', '=', t.clock.now)
      .execute();
    expect(sent).toEqual([{ status: 'consumed', secret_hash: expect.any(String) }]);
    // Only its keyed hash was kept, never the code.
    expect(sent[0]?.secret_hash).not.toContain(code);
    const winner = answers.find((r) => r.statusCode === 303);
    expect(gotCode(await b.follow(winner as (typeof answers)[number]))).toBe(true);
  });

  it('a used code does not work again, in a later sign-in', async () => {
    const first = await codeSent(t, 'remi', authenticatorId);
    const { code } = await codes.next(email);
    const ok = await first.b.post(`${first.base}/verify`, { ...first.form, code });
    expect(ok.statusCode).toBe(303);
    t.clock.advance(60);
    const later = await codeSent(t, 'remi', authenticatorId);
    await codes.next(email);
    const again = await later.b.post(`${later.base}/verify`, { ...later.form, code });
    expect(again.statusCode).toBe(401);
  });

  it("another flow's code is refused, even the same account's", async () => {
    const one = await codeSent(t, 'remi', authenticatorId);
    const { code: codeOfOne } = await codes.next(email);
    t.clock.advance(60);
    const two = await codeSent(t, 'remi', authenticatorId);
    const { code: codeOfTwo } = await codes.next(email);
    if (codeOfOne !== codeOfTwo) {
      const crossed = await two.b.post(`${two.base}/verify`, { ...two.form, code: codeOfOne });
      expect(crossed.statusCode).toBe(401);
    }
    // Each flow still passes with its own.
    expect(
      (await one.b.post(`${one.base}/verify`, { ...one.form, code: codeOfOne })).statusCode,
    ).toBe(303);
    expect(
      (await two.b.post(`${two.base}/verify`, { ...two.form, code: codeOfTwo })).statusCode,
    ).toBe(303);
  });

  it('a code past its 10 minutes is refused, and the page asks for a new one', async () => {
    const { b, base, form } = await codeSent(t, 'remi', authenticatorId);
    const { code } = await codes.next(email);
    t.clock.advance(sentCodeTtlSeconds);
    const late = await b.post(`${base}/verify`, { ...form, code });
    expect(late.statusCode).toBe(401);
    expect(late.body).toContain('Ce code a expiré ou a été remplacé par un plus récent.');
    expect(late.body).toContain('Envoyer un code par courriel');
  });
});
