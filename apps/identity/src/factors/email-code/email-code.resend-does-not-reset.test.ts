/**
 * G-08: a new email code (« Renvoyer le code ») does not reset the failure count. Wrong codes
 * count toward the method's own limit per account (G-39); a resend cancels the previous code,
 * is itself limited (and says when one may send again), and leaves the count where it was — so
 * the lock comes at the configured limit of failures, whatever the resends between them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/build-test-app.ts';
import { testBackends } from '../../../test/build-test-app.ts';
import {
  codeSent,
  emailCodeAccount,
  type MailCodes,
  resend,
  withMailingApp,
} from '../../../test/sent-code-kit.ts';
import { gotCode } from '../../../test/sign-in-kit.ts';
import { accountPolicy, secondFactorLimitKey } from '../../security/attempt-policy.ts';
import { resendIntervalSeconds } from '../sent-code/sent-code-rules.ts';

const email = 'nadia@example.ca';

describe.each(testBackends())(
  'email code: a resend does not reset the count (G-08) (%s)',
  (backend) => {
    const rig = withMailingApp(backend);
    let t: TestApp;
    let codes: MailCodes;
    let accountId: string;
    let authenticatorId: string;
    beforeEach(async () => {
      ({ t, codes } = rig);
      ({ accountId, emailAuthenticatorId: authenticatorId } = await emailCodeAccount(t, codes, {
        username: 'nadia',
        email,
      }));
    });

    const counter = () =>
      t.db
        .selectFrom('attempt_counters')
        .selectAll()
        .where('key', '=', secondFactorLimitKey(accountId, 'email-code'))
        .executeTakeFirst();

    /** A 6-digit code that is not `right`. */
    const wrong = (right: string, i: number) => {
      const code = String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0');
      return code;
    };

    it('fails 4×, resends, and the 5th failure locks: the new right code is then refused', async () => {
      const { b, base, form, sent } = await codeSent(t, 'nadia', authenticatorId);
      expect(sent.statusCode).toBe(200);
      expect(sent.body).toContain('Renvoyer le code');
      const first = await codes.next(email);
      for (let i = 0; i < accountPolicy.failuresPerLock - 1; i += 1) {
        const response = await b.post(`${base}/verify`, { ...form, code: wrong(first.code, i) });
        expect(response.statusCode).toBe(401);
      }
      expect((await counter())?.failures).toBe(accountPolicy.failuresPerLock - 1);

      t.clock.advance(resendIntervalSeconds);
      const again = await resend(b, base, form);
      expect(again.statusCode).toBe(200);
      const second = await codes.next(email);
      expect(second.code).not.toBe(undefined);
      // The resend left the count where it was.
      expect((await counter())?.failures).toBe(accountPolicy.failuresPerLock - 1);
      // The previous code no longer works (it was cancelled): a failure, the last before the lock.
      if (first.code !== second.code) {
        const old = await b.post(`${base}/verify`, { ...form, code: first.code });
        expect(old.statusCode).toBe(401);
      } else {
        await b.post(`${base}/verify`, { ...form, code: wrong(second.code, 9) });
      }
      const locked = await counter();
      expect(locked?.failures).toBe(accountPolicy.failuresPerLock);
      expect(Number(locked?.locked_until)).toBeGreaterThan(t.clock.now);
      // Locked: the right code of the new mail is not even evaluated.
      const right = await b.post(`${base}/verify`, { ...form, code: second.code });
      expect(right.statusCode).toBe(401);
      expect(gotCode(await b.follow(right))).toBe(false);
      // And no new code is sent while the method is locked; the page says until when.
      const refused = await resend(b, base, form);
      expect(refused.statusCode).toBe(401);
      expect(refused.body).toMatch(
        /Trop de codes demandés\. Vous pourrez en demander un autre dans \d+ min/,
      );
      expect(codes.unread(email)).toEqual([]);
    });

    it('fails 5×, resends after the lock, and fails on until the next lock at the configured limit', async () => {
      const { b, base, form } = await codeSent(t, 'nadia', authenticatorId);
      const first = await codes.next(email);
      for (let i = 0; i < accountPolicy.failuresPerLock; i += 1)
        await b.post(`${base}/verify`, { ...form, code: wrong(first.code, i) });
      expect((await counter())?.failures).toBe(accountPolicy.failuresPerLock);

      // The first lock ends by itself; a new code is sent, the count is still there.
      t.clock.advance(accountPolicy.baseLockSeconds + 1);
      expect((await resend(b, base, form)).statusCode).toBe(200);
      const second = await codes.next(email);
      expect((await counter())?.failures).toBe(accountPolicy.failuresPerLock);
      for (let i = 0; i < accountPolicy.failuresPerLock; i += 1) {
        const response = await b.post(`${base}/verify`, { ...form, code: wrong(second.code, i) });
        expect(response.statusCode).toBe(401);
      }
      // Twice the limit: the second lock, twice as long as the first (a reset count would have
      // made it a first lock again, over after baseLockSeconds).
      const stored = await counter();
      expect(stored?.failures).toBe(2 * accountPolicy.failuresPerLock);
      t.clock.advance(accountPolicy.baseLockSeconds + 1);
      const right = await b.post(`${base}/verify`, { ...form, code: second.code });
      expect(right.statusCode).toBe(401);
      // Once it is over, the right code of the latest mail goes through.
      t.clock.advance(accountPolicy.baseLockSeconds);
      const ok = await b.post(`${base}/verify`, { ...form, code: second.code });
      expect(ok.statusCode).toBe(303);
      expect(gotCode(await b.follow(ok))).toBe(true);
    });

    it('limits resends: one every 30 seconds, and says when another may be sent', async () => {
      const { b, base, form } = await codeSent(t, 'nadia', authenticatorId);
      await codes.next(email);
      const tooSoon = await resend(b, base, form);
      expect(tooSoon.statusCode).toBe(401);
      expect(tooSoon.body).toContain(
        `Un code vient d’être envoyé. Vous pourrez en demander un autre dans ${resendIntervalSeconds} secondes.`,
      );
      // Still the form to type the code already sent.
      expect(tooSoon.body).toContain('name="code"');
      expect(codes.unread(email)).toEqual([]);
      t.clock.advance(resendIntervalSeconds);
      expect((await resend(b, base, form)).statusCode).toBe(200);
      await codes.next(email);
    });
  },
);
