/**
 * G-48, from the attacker's browser: « Ce n'était pas moi » ends *that* browser transaction. Today
 * the flow ends only when the waiting page itself posts the denied request back to /verify — a
 * page the attacker drives. A browser that simply never reports the denial keeps the very sign-in
 * the account's owner refused: its second-factor step stays open, and once the denial block is
 * over it sends the owner another push from that same flow. The denial must end the flow on the
 * server, whatever the page does. Over HTTP, on both backends, with Sesame Verify's own core.
 */
import { answerPushRequest, fetchPushRequests, type StoredAccount } from '@sesame/authenticator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hiddenField } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { enrollWithSesameVerify, pushFromNewSignIn } from '../../../test/sesame-verify-phone.ts';
import { injectFetch } from '../../devices/device-test-kit.ts';

const password = 'rue du Petit-Champlain 1685 Québec';

describe.each(testBackends())(
  'a denied push ends its sign-in on the server (G-48) (%s)',
  (backend) => {
    let t: TestApp;
    let phone: StoredAccount;
    let fetch: typeof globalThis.fetch;
    beforeEach(async () => {
      t = await buildTestApp(backend, {}, { orgMfaRequired: true });
      fetch = injectFetch(t.app);
      await t.createUser({ username: 'camille', password });
      // The guide: the QR page's link, scanned by Sesame Verify, then « Terminer ».
      phone = await enrollWithSesameVerify(t, 'camille', password);
    });
    afterEach(() => t.close());

    /** The attacker (who has the password) sends a push from a sign-in of their own. */
    const attackerPush = () => pushFromNewSignIn(t, 'camille', password);

    it('leaves the denied flow nothing: no second-factor page, and no new push from it later', async () => {
      const { b, base, challengeId } = await attackerPush();
      // The owner refuses it on the phone.
      expect(
        await answerPushRequest({
          fetch,
          account: phone,
          nowMs: t.clock.now,
          requestId: challengeId,
          decision: 'deny',
        }),
      ).toBe('denied');

      // The attacker's page never posts the denied request back (no waiting script, no « Continuer »).
      // Once the denial block has passed (15 minutes by default), the same flow tries again.
      t.clock.advance(16 * 60);
      const page = await b.get(`${base}/verify`);
      const again =
        page.statusCode === 200
          ? await b.post(`${base}/verify/start`, {
              csrf: hiddenField(page.body, 'csrf'),
              authenticatorId: hiddenField(page.body, 'authenticatorId'),
            })
          : undefined;
      // No push reached the owner's phone from the sign-in they refused.
      expect(await fetchPushRequests({ fetch, account: phone, nowMs: t.clock.now })).toEqual([]);
      expect(again?.body ?? '').not.toContain('class="push-number"');
      // The flow is over: its pages say it has expired.
      expect(page.statusCode).toBe(400);
    });
  },
);
