import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { auditEvents, newBrowser } from '../../test/sign-in-kit.ts';
import { accountPolicy } from '../security/attempt-policy.ts';
import { recordAuditEvent } from './record-audit-event.ts';

const password = 'rivière gelée 2026';
const userAgent = 'Mozilla/5.0 (X11; Linux x86_64) SesameTest/1.0';
const ip = '198.51.100.7';

describe.each(testBackends())('sign-in audit events (G-37) (%s)', (backend) => {
  let t: TestApp;
  let accountId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    accountId = await t.createUser({ username: 'claire', email: 'claire@example.ca', password });
  });
  afterEach(() => t.close());

  /** One attempt from a fresh browser at a known address and user agent; returns its events. */
  async function attemptLogged(username: string, guess: string) {
    const before = (await auditEvents(t)).length;
    const browser = newBrowser(t, { remoteAddress: ip, headers: { 'user-agent': userAgent } });
    await signIn(browser, username, guess);
    return (await auditEvents(t)).slice(before);
  }

  it('records each outcome once, with time, account, client, address, agent, reason and request', async () => {
    const requestIds: string[] = [];
    const record = async (
      username: string,
      guess: string,
      expectedAccount: string | null,
      type: string,
      reason: string,
    ) => {
      const events = await attemptLogged(username, guess);
      expect(events, `${type} ${reason}`).toHaveLength(1);
      const [event] = events;
      expect(event).toMatchObject({
        type,
        reason,
        account_id: expectedAccount,
        client_id: 'espace-client',
        ip,
        user_agent: userAgent,
        occurred_at: t.clock.now,
      });
      expect(event?.request_id).toBeTruthy();
      requestIds.push(String(event?.request_id));
      t.clock.advance(1);
    };

    await record('claire', password, accountId, 'sign_in.succeeded', 'password');
    await record('nobody', 'a guess', null, 'sign_in.failed', 'unknown_account');
    await record('claire', 'wrong 1', accountId, 'sign_in.failed', 'bad_password');
    await t.db.updateTable('accounts').set({ locked: 1 }).execute();
    await record('claire', password, accountId, 'sign_in.failed', 'account_locked');
    await t.db.updateTable('accounts').set({ locked: 0 }).execute();
    for (let i = 2; i < accountPolicy.failuresPerLock; i += 1)
      await attemptLogged('claire', `wrong ${i}`);
    await record('claire', password, accountId, 'sign_in.failed', 'throttled');

    // One request id per event (the correlation key into the request log).
    expect(new Set(requestIds).size).toBe(5);
  });

  it('stores the time as UTC milliseconds since the epoch', async () => {
    t.clock.now = Date.UTC(2026, 2, 8, 7, 30, 15, 123); // a DST change day in Canada
    await attemptLogged('claire', password);
    const [event] = await auditEvents(t);
    expect(event?.occurred_at).toBe(Date.UTC(2026, 2, 8, 7, 30, 15, 123));
    expect(Number.isInteger(event?.occurred_at)).toBe(true);
    expect(new Date(event?.occurred_at as number).toISOString()).toBe('2026-03-08T07:30:15.123Z');
  });

  it('names the one canonical account whatever variant was typed', async () => {
    for (const variant of ['claire', 'CLAIRE', 'ｃｌａｉｒｅ', 'Claire@Example.CA']) {
      await attemptLogged(variant, password);
      await attemptLogged(variant, 'not it');
    }
    const events = await auditEvents(t);
    expect(events).toHaveLength(8);
    expect(new Set(events.map((e) => e.account_id))).toEqual(new Set([accountId]));
  });

  it('never stores a password, a token or a cookie', async () => {
    const browser = newBrowser(t, { remoteAddress: ip });
    await signIn(browser, 'claire', 'my secret guess 1');
    await signIn(browser, 'claire', password);
    await attemptLogged('nobody', 'another secret guess');
    const stored = JSON.stringify(await auditEvents(t));
    for (const secret of ['my secret guess', password, 'another secret guess']) {
      expect(stored).not.toContain(secret);
    }
    for (const cookie of browser.cookies.values()) expect(stored).not.toContain(cookie);
  });

  it('caps the user agent it stores', async () => {
    await recordAuditEvent(
      t.db,
      { type: 'sign_in.failed', userAgent: 'x'.repeat(10_000) },
      t.clock.now,
    );
    const [event] = await auditEvents(t);
    expect(event?.user_agent?.length).toBe(512);
  });
});
