/**
 * Defect 11 (issue 6, the activation part), G-46: typed activation codes are limited per source
 * address (IP, /64 for IPv6) before they count against any account, so that one address guessing
 * over many accounts is stopped early, and cannot hard-lock everyone's typed activation. The QR
 * link (128 bits, never counted) is not limited; other addresses are not affected.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { fromAddress } from '../../test/sign-in-kit.ts';
import { accountPolicy } from '../security/attempt-policy.ts';
import { activationIpPolicy } from './activation-ip-policy.ts';
import {
  activateByCode,
  activateFromApp,
  isRefusedActivation,
  openActivationPage,
} from './activation-page-kit.ts';

const password = 'chemin du Roy 1737';
const attacker = '203.0.113.66';
const home = '198.51.100.20';
const wrongCode = 'ZZZZ-ZZZZ';

describe.each(testBackends())('typed activation codes, per address (%s)', (backend) => {
  let t: TestApp;
  const names = ['ariane', 'benoit', 'chloe', 'damien', 'emile'];
  const ids = new Map<string, string>();
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    for (const username of names) ids.set(username, await t.createUser({ username, password }));
  });
  afterEach(() => t.close());

  /** Consecutive failures on one account's typed-activation counter. */
  async function accountFailures(username: string): Promise<number> {
    const row = await t.db
      .selectFrom('attempt_counters')
      .select('failures')
      .where('key', '=', `activation:${ids.get(username)}`)
      .executeTakeFirst();
    return row?.failures ?? 0;
  }

  it("stops an address that guesses over many accounts, before any account's counter", async () => {
    const page = await openActivationPage(t, 'ariane', password);
    const from = fromAddress(t.app, attacker);
    // Spread so thinly that no account reaches its own lock.
    for (let i = 0; i < activationIpPolicy.failuresPerLock; i += 1) {
      const username = names[i % names.length] as string;
      expect(isRefusedActivation(await activateByCode(from, username, wrongCode))).toBe(true);
    }
    for (const username of names) {
      expect(await accountFailures(username)).toBeLessThan(accountPolicy.failuresPerLock);
    }
    const before = await accountFailures('ariane');
    // The right code, from that address: not even evaluated, and not counted on the account.
    expect(isRefusedActivation(await activateByCode(from, 'ariane', page.code))).toBe(true);
    expect(await accountFailures('ariane')).toBe(before);
    // Unspent: from another address it works.
    expect((await activateByCode(fromAddress(t.app, home), 'ariane', page.code)).statusCode).toBe(
      201,
    );
  });

  it('the QR link is not limited by the address, and the address lock ends', async () => {
    const from = fromAddress(t.app, attacker);
    for (let i = 0; i < activationIpPolicy.failuresPerLock; i += 1) {
      await activateByCode(from, names[i % names.length] as string, wrongCode);
    }
    const byLink = await openActivationPage(t, 'benoit', password);
    expect((await activateFromApp(from, { token: byLink.token })).statusCode).toBe(201);
    t.clock.advance(activationIpPolicy.baseLockSeconds);
    const byCode = await openActivationPage(t, 'chloe', password);
    expect((await activateByCode(from, 'chloe', byCode.code)).statusCode).toBe(201);
  });

  it('a day of guessing from one address hard-locks no account', async () => {
    const from = fromAddress(t.app, attacker);
    const targets = names.slice(0, 3);
    // Every five minutes, one wrong code on each target, for a day and more.
    for (let elapsed = 0; elapsed < 26 * 3600; elapsed += 300) {
      for (const username of targets) await activateByCode(from, username, wrongCode);
      t.clock.advance(300);
    }
    for (const username of targets) {
      expect(await accountFailures(username)).toBeLessThan(accountPolicy.hardLimit);
    }
    // Past any short lock, each of them activates from home with the code of a new QR page.
    t.clock.advance(accountPolicy.maxLockSeconds);
    for (const username of targets) {
      const page = await openActivationPage(t, username, password);
      const response = await activateByCode(fromAddress(t.app, home), username, page.code);
      expect(response.statusCode).toBe(201);
    }
  });
});
