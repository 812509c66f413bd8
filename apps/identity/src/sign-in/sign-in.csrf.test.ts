import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BrowserSession, openSignIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { auditEvents, newBrowser } from '../../test/sign-in-kit.ts';

const password = 'rivière gelée 2026';

describe.each(testBackends())('CSRF on the sign-in form (G-29) (%s)', (backend) => {
  let t: TestApp;
  let browser: BrowserSession;
  let form: Awaited<ReturnType<typeof openSignIn>>;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    await t.createUser({ username: 'claire', password });
    browser = newBrowser(t);
    form = await openSignIn(browser);
  });
  afterEach(() => t.close());

  const fields = () => ({ username: 'claire', password });

  /** Refused with the CSRF error, and the password was never evaluated. */
  async function expectRefused(response: { statusCode: number; body: string }) {
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Ce formulaire a expiré');
    expect(await auditEvents(t)).toEqual([]);
  }

  it('refuses a post without a token', async () => {
    await expectRefused(await browser.post(form.action, fields()));
  });

  it('refuses an empty or forged token', async () => {
    await expectRefused(await browser.post(form.action, { ...fields(), csrf: '' }));
    // Change the first character (always significant in base64url, unlike the last one).
    const forged = `${form.csrf.startsWith('A') ? 'B' : 'A'}${form.csrf.slice(1)}`;
    await expectRefused(await browser.post(form.action, { ...fields(), csrf: forged }));
  });

  it('refuses the token of another browser', async () => {
    const other = await openSignIn(newBrowser(t));
    expect(other.csrf).not.toBe(form.csrf);
    await expectRefused(await browser.post(form.action, { ...fields(), csrf: other.csrf }));
  });

  it('refuses a request the browser marks as cross-site, even with the right token', async () => {
    const headers = { 'sec-fetch-site': 'cross-site' };
    await expectRefused(await browser.post(form.action, { ...fields(), csrf: form.csrf }, headers));
  });

  it.each(['https://evil.example', 'http://localhost:3001', 'null', 'http://localhost:3000.evil'])(
    'refuses the foreign Origin %s, even with the right token',
    async (origin) => {
      await expectRefused(
        await browser.post(form.action, { ...fields(), csrf: form.csrf }, { origin }),
      );
    },
  );

  it('refuses a cross-site text/plain post (no preflight) without evaluating it', async () => {
    const body = `csrf=${form.csrf}&username=claire&password=x`;
    const response = await browser.request('POST', form.action, body, {
      'content-type': 'text/plain',
      origin: 'https://evil.example',
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(await auditEvents(t)).toEqual([]);
  });

  it('proceeds with the right token, from our origin', async () => {
    const response = await browser.post(form.action, { ...fields(), csrf: form.csrf });
    expect(response.statusCode).toBe(303);
    expect((await auditEvents(t)).map((e) => e.type)).toEqual(['sign_in.succeeded']);
  });

  it('proceeds with the right token when the browser sends no Origin but says same-origin', async () => {
    const response = await browser.request(
      'POST',
      form.action,
      new URLSearchParams({ ...fields(), csrf: form.csrf }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    );
    expect(response.statusCode).toBe(303);
  });
});
