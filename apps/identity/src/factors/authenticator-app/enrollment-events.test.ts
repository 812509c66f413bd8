/**
 * The guide's step 8 on the wire: the QR page's event stream says `enrolled` as soon as the app
 * has registered with the activation link shown on that page — over real HTTP, on one instance or
 * across two sharing a database (and Redis, when REDIS_URL is set) — and `expired` when the
 * activation runs out. Until the last step, no session exists (G-22). How fast is bench/'s
 * business (DESIGN.md: within 1 s), not a timed assertion here.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../test/browser-session.ts';
import { cheapArgon2, testBackends } from '../../../test/build-test-app.ts';
import { freePort, listenTestApp } from '../../../test/listen-test-app.ts';
import { interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import { buildApp } from '../../app.ts';
import { activateBody, makeDeviceKey } from '../../devices/device-test-kit.ts';

type Listening = Awaited<ReturnType<typeof listenTestApp>>;
const redisUrl = process.env.REDIS_URL;
const password = 'lac Saint-Jean 1642';

/** Read a server-sent event stream until an event arrives; returns its name. */
async function nextEvent(url: string, cookie: string): Promise<string> {
  const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' } });
  if (!response.body) throw new Error(`no stream: ${response.status}`);
  const decoder = new TextDecoder();
  let text = '';
  const reader = response.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    const match = /event: (\w+)/.exec(text);
    if (match?.[1]) {
      await reader.cancel();
      return match[1];
    }
  }
  throw new Error(`stream ended without an event: ${text}`);
}

describe.each(testBackends())('enrollment events (%s)', (backend) => {
  let t: Listening;
  beforeEach(async () => {
    t = await listenTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'gabriel', name: 'Gabriel Lévesque', password });
  });
  afterEach(() => t.close());

  async function qrPage() {
    const browser = new BrowserSession(t.app, t.url);
    const base = interactionPath((await passwordStep(browser, 'gabriel', password)).location);
    const page = await browser.get(`${base}/enroll/sesame-verify/qr?platform=ios`);
    const token = /#token=([A-Za-z0-9_-]+)/.exec(page.body)?.[1];
    if (page.statusCode !== 200 || token === undefined)
      throw new Error(`no QR page: ${page.statusCode}`);
    const cookie = browser.cookieHeader(`${base}/enroll/sesame-verify/events`);
    return { browser, base, token, cookie };
  }

  async function activate(url: string, token: string) {
    const { jwk } = await makeDeviceKey();
    return fetch(`${url}/api/device/activate`, {
      method: 'POST',
      headers: { authorization: `Activation ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(activateBody(jwk)),
    });
  }

  it('tells the waiting page when the app registers, without any typed code', async () => {
    const { base, token, cookie, browser } = await qrPage();
    // No session and no code before the last step (G-22).
    expect(
      [...browser.cookies.keys()].some((name) => name.startsWith('__Host-sesame-session')),
    ).toBe(false);
    const event = nextEvent(`${t.url}${base}/enroll/sesame-verify/events`, cookie);
    expect((await activate(t.url, token)).status).toBe(201);
    expect(await event).toBe('enrolled');
    const done = await browser.get(`${base}/enroll/done?added=sesame-verify`);
    expect(done.body).toContain('iPhone de Alice');
  });

  // Several instances share events through Redis (in-process events reach one instance only).
  it.runIf(redisUrl)('hears a registration made through another instance', async () => {
    await t.close();
    t = await listenTestApp(backend, { REDIS_URL: redisUrl as string }, { orgMfaRequired: true });
    await t.createUser({ username: 'gabriel', name: 'Gabriel Lévesque', password });
    // A second identity instance on the same database and the same Redis, on its own port.
    const port = await freePort();
    const second = await buildApp(t.config, {
      db: t.db,
      now: () => t.clock.now,
      argon2: cheapArgon2,
      logger: false,
    });
    await second.listen({ host: '127.0.0.1', port });
    try {
      const { base, token, cookie } = await qrPage();
      const event = nextEvent(`${t.url}${base}/enroll/sesame-verify/events`, cookie);
      expect((await activate(`http://127.0.0.1:${port}`, token)).status).toBe(201);
      expect(await event).toBe('enrolled');
    } finally {
      await second.close();
    }
  });

  it('says expired once the activation runs out', async () => {
    const { base, cookie } = await qrPage();
    t.clock.advance(601);
    expect(await nextEvent(`${t.url}${base}/enroll/sesame-verify/events`, cookie)).toBe('expired');
  });
});
