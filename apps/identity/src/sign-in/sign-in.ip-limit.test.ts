import { afterEach, describe, expect, it } from 'vitest';
import { signIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  auditEvents,
  failureReasons,
  gotCode,
  newBrowser,
  openForm,
} from '../../test/sign-in-kit.ts';
import { ipPolicy } from '../security/attempt-policy.ts';

const password = 'rivière gelée 2026';
const limit = ipPolicy.failuresPerLock;

type Post = Awaited<ReturnType<typeof openForm>>;

/** `limit` wrong guesses on as many different (unknown) names: no account lock is reached. */
async function sprayNames(
  post: Post,
  headersFor: (i: number) => Record<string, string> = () => ({}),
) {
  for (let i = 0; i < limit; i += 1) {
    const response = await post(`user${i}`, 'Password1!', headersFor(i));
    expect(response.statusCode).toBe(401);
  }
}

describe.each(testBackends())('per-IP limit and client address (G-12) (%s)', (backend) => {
  let t: TestApp;
  async function start(env: Record<string, string> = {}) {
    t = await buildTestApp(backend, env);
    await t.createUser({ username: 'claire', email: 'claire@example.ca', password });
  }
  afterEach(() => t.close());

  /** The right password for a real account, from a fresh browser at this address. */
  async function rightPassword(remoteAddress: string, headers: Record<string, string> = {}) {
    const browser = newBrowser(t, { remoteAddress, headers });
    return (await signIn(browser, 'claire', password)).response;
  }

  it('blocks an address after ipPolicy.failuresPerLock failures over many names', async () => {
    await start();
    await sprayNames(await openForm(newBrowser(t, { remoteAddress: '198.51.100.7' })));
    expect(await failureReasons(t)).toEqual({ unknown_account: limit });

    expect((await rightPassword('198.51.100.7')).statusCode).toBe(401);
    expect(await failureReasons(t)).toMatchObject({ throttled: 1 });
    expect(gotCode(await rightPassword('198.51.100.8'))).toBe(true);

    t.clock.advance(ipPolicy.baseLockSeconds);
    expect(gotCode(await rightPassword('198.51.100.7'))).toBe(true);
  });

  it('buckets IPv6 per /64', async () => {
    await start();
    await sprayNames(await openForm(newBrowser(t, { remoteAddress: '2001:db8:1:2::1' })));
    expect((await rightPassword('2001:db8:1:2:ffff::99')).statusCode).toBe(401);
    expect(gotCode(await rightPassword('::ffff:198.51.100.7'))).toBe(true);
    expect(gotCode(await rightPassword('2001:db8:1:3::1'))).toBe(true);
  });

  it('ignores X-Forwarded-For without SESAME_TRUSTED_PROXIES: spoofing does not escape', async () => {
    await start();
    const post = await openForm(newBrowser(t, { remoteAddress: '198.51.100.7' }));
    await sprayNames(post, (i) => ({ 'x-forwarded-for': `203.0.113.${i}` }));
    const spoofed = await rightPassword('198.51.100.7', { 'x-forwarded-for': '203.0.113.200' });
    expect(spoofed.statusCode).toBe(401);
    const ips = new Set((await auditEvents(t)).map((e) => e.ip));
    expect(ips).toEqual(new Set(['198.51.100.7']));
  });

  describe('behind a trusted proxy', () => {
    const proxy = '10.0.0.5';
    const viaProxy = (client: string) => ({ 'x-forwarded-for': client });

    it('keys on the client address the proxy reports', async () => {
      await start({ SESAME_TRUSTED_PROXIES: proxy });
      await sprayNames(await openForm(newBrowser(t, { remoteAddress: proxy })), () =>
        viaProxy('203.0.113.7'),
      );
      expect((await rightPassword(proxy, viaProxy('203.0.113.7'))).statusCode).toBe(401);
      expect(gotCode(await rightPassword(proxy, viaProxy('203.0.113.8')))).toBe(true);
      const ips = (await auditEvents(t)).map((e) => e.ip);
      expect(new Set(ips)).toEqual(new Set(['203.0.113.7', '203.0.113.8']));
    });

    it('does not let a client escape by prepending its own X-Forwarded-For', async () => {
      await start({ SESAME_TRUSTED_PROXIES: proxy });
      // The proxy appends the real client (203.0.113.7) to whatever the client sent.
      const forged = (i: number) => viaProxy(`192.0.2.${i}, 203.0.113.7`);
      await sprayNames(await openForm(newBrowser(t, { remoteAddress: proxy })), forged);
      expect((await rightPassword(proxy, forged(99))).statusCode).toBe(401);
    });

    it('ignores X-Forwarded-For from an address that is not a trusted proxy', async () => {
      await start({ SESAME_TRUSTED_PROXIES: proxy });
      await sprayNames(await openForm(newBrowser(t, { remoteAddress: '198.51.100.7' })), (i) =>
        viaProxy(`203.0.113.${i}`),
      );
      expect((await rightPassword('198.51.100.7', viaProxy('203.0.113.99'))).statusCode).toBe(401);
      expect(new Set((await auditEvents(t)).map((e) => e.ip))).toEqual(new Set(['198.51.100.7']));
    });

    it('limits malformed forwarded addresses instead of skipping the check', async () => {
      await start({ SESAME_TRUSTED_PROXIES: proxy });
      await sprayNames(await openForm(newBrowser(t, { remoteAddress: proxy })), (i) =>
        viaProxy(`garbage-${i}`),
      );
      expect((await rightPassword(proxy, viaProxy('not-an-ip'))).statusCode).toBe(401);
      expect(gotCode(await rightPassword(proxy, viaProxy('203.0.113.8')))).toBe(true);
    });
  });
});
