/**
 * G-45: tabs do not collide. A client who keeps the QR page open (the guide says to) and opens
 * the Espace client in a second tab starts a second sign-in; the first tab's enrollment must still
 * go through, and the second one must neither break it nor complete it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, openSignIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  enrollOtherApp,
  finishEnrollment,
  interactionPath,
  passwordStep,
} from '../../test/mfa-kit.ts';
import { gotCode } from '../../test/sign-in-kit.ts';

const password = 'chute Montmorency 83';

describe.each(testBackends())('two tabs, one browser (G-45) (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'ines', password });
  });
  afterEach(() => t.close());

  it('keeps the first tab’s enrollment when a second tab starts another sign-in', async () => {
    // One browser: one cookie jar for both tabs.
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const first = interactionPath((await passwordStep(browser, 'ines', password)).location);
    const qr = await browser.get(`${first}/enroll/sesame-verify/qr?platform=ios`);
    expect(qr.statusCode).toBe(200);

    // The second tab: the Espace client again, which starts a new authorization.
    const second = await openSignIn(browser);
    expect(second.page.statusCode).toBe(200);

    // Back in the first tab: the enrollment goes on and reaches the client.
    await enrollOtherApp(t, browser, first);
    const done = await finishEnrollment(browser, first);
    expect(gotCode(done)).toBe(true);

    // The second tab's sign-in is its own: still at its password step, not completed by the first.
    const secondPage = await browser.get(second.action.replace(/\/login$/, ''));
    expect(secondPage.statusCode).toBe(200);
    expect(secondPage.body).toContain('name="password"');
  });

  it('keeps each tab at its own step while both are in progress', async () => {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const first = interactionPath((await passwordStep(browser, 'ines', password)).location);
    const second = interactionPath((await passwordStep(browser, 'ines', password)).location);
    expect(second).not.toBe(first);
    for (const base of [first, second]) {
      const choose = await browser.follow(await browser.get(base));
      expect(choose.statusCode).toBe(200);
      expect(choose.body).toContain(`${base}/enroll/sesame-verify`);
    }
  });

  it('offers to start again at the application when a page has really expired', async () => {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(browser, 'ines', password)).location);
    // The sign-in outlives its flow (an hour): the page says so, with a way back to the client.
    t.clock.advance(3601);
    const page = await browser.get(`${base}/enroll`);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('a expiré');
    expect(page.body).toContain('href="http://localhost:3001/login"');
    expect(page.body).toContain('Recommencer la connexion');
    // Another browser, which never had this sign-in, gets the same way out.
    const stranger = await new BrowserSession(t.app, t.config.publicUrl).get(`${base}/enroll`);
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('href="http://localhost:3001/login"');
  });

  it('keeps abandoned sign-ins from swelling every request of the browser', async () => {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    // 150 sign-ins started and left (tabs, or a page that keeps opening the client's sign-in).
    for (let i = 0; i < 150; i += 1) await openSignIn(browser);
    // Each flow cookie goes only to its own sign-in's pages: other requests carry none of them.
    expect(browser.cookieHeader('/oidc/auth').length).toBeLessThan(1024);
    const { page, action } = await openSignIn(browser);
    expect(page.statusCode).toBe(200);
    expect(browser.cookieHeader(action).length).toBeLessThan(1024);
    const base = interactionPath((await passwordStep(browser, 'ines', password)).location);
    expect((await browser.follow(await browser.get(base))).statusCode).toBe(200);
  });
});
