import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, openSignIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { auditEvents, newBrowser } from '../../test/sign-in-kit.ts';

/** Nothing of the inside: no stack, no file path, no SQL, no library error code or message. */
function expectNoDetail(response: LightMyRequestResponse) {
  for (const leak of [
    /\bat .+:\d+:\d+/,
    /\/work\/|node_modules|\.ts\b/,
    /stack/i,
    /select |insert |update |delete from|sqlite|postgres|relation|no such table/i,
    /FST_|ERR_|TypeError|SyntaxError|must NOT|must have required/,
    /kysely|fastify|ajv|typebox/i,
  ]) {
    expect(response.body).not.toMatch(leak);
  }
}

describe.each(testBackends())('fail closed, no detail in errors (G-38) (%s)', (backend) => {
  let t: TestApp;
  let form: Awaited<ReturnType<typeof openSignIn>>;
  let browser: ReturnType<typeof newBrowser>;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    await t.createUser({ username: 'claire', password: 'rivière gelée 2026' });
    browser = newBrowser(t);
    form = await openSignIn(browser);
  });
  afterEach(() => t.close());

  /** Refused as `request.invalid`, before anything was evaluated. */
  async function expectInvalid(response: LightMyRequestResponse) {
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/La demande n'est pas valide|request.invalid/);
    expectNoDetail(response);
    expect(await auditEvents(t)).toEqual([]);
  }

  it.each([
    ['username', 'a'.repeat(321)],
    ['password', 'p'.repeat(1025)],
    ['csrf', 'c'.repeat(129)],
  ])('refuses an over-long %s', async (field, value) => {
    const fields = { csrf: form.csrf, username: 'claire', password: 'x', [field]: value };
    await expectInvalid(await browser.post(form.action, fields));
  });

  it('refuses a missing field and a repeated one', async () => {
    await expectInvalid(await browser.post(form.action, { csrf: form.csrf, username: 'claire' }));
    const repeated = `csrf=${form.csrf}&username=claire&username=other&password=x`;
    await expectInvalid(
      await browser.request('POST', form.action, repeated, {
        'content-type': 'application/x-www-form-urlencoded',
        origin: t.config.publicUrl,
      }),
    );
  });

  it.each([
    ['wrong types', JSON.stringify({ csrf: 1, username: ['claire'], password: { $ne: '' } })],
    ['malformed JSON', '{"csrf": '],
  ])('refuses a JSON body with %s', async (_label, payload) => {
    const response = await browser.request('POST', form.action, payload, {
      'content-type': 'application/json',
      accept: 'application/json',
      origin: t.config.publicUrl,
    });
    await expectInvalid(response);
    expect(response.json()).toMatchObject({ error: 'request.invalid' });
  });

  it('refuses a body over the size limit', async () => {
    const payload = `csrf=${form.csrf}&username=claire&password=${'p'.repeat(70 * 1024)}`;
    const response = await browser.request('POST', form.action, payload, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expectNoDetail(response);
    expect(await auditEvents(t)).toEqual([]);
  });

  it.each(['abc!def', 'a'.repeat(65), '..%2F..%2Fetc', '%00'])(
    'refuses the interaction id %j',
    async (uid) => {
      await expectInvalid(await browser.get(`/interaction/${uid}`));
    },
  );

  it('answers an unexpected error with a bare 500', async () => {
    const own = await buildTestApp(backend);
    own.app.get('/test/boom', async () => {
      throw new Error('SELECT password_hash FROM accounts WHERE id = 42 at /work/main/x.ts:1:1');
    });
    try {
      for (const accept of ['text/html', 'application/json']) {
        const response = await own.app.inject({ url: '/test/boom', headers: { accept } });
        expect(response.statusCode).toBe(500);
        expectNoDetail(response);
        expect(response.body).not.toContain('password_hash');
      }
    } finally {
      await own.close();
    }
  });

  it('answers a storage failure during sign-in with a bare 500, not a refusal', async () => {
    await sql`drop table sign_in_flows`.execute(t.db);
    const page = await browser.get(form.action.replace(/\/login$/, ''));
    expect(page.statusCode).toBe(500);
    expectNoDetail(page);
    const post = await browser.post(form.action, {
      csrf: form.csrf,
      username: 'claire',
      password: 'x',
    });
    expect(post.statusCode).toBe(500);
    expectNoDetail(post);
  });

  it('answers a storage failure behind the interaction with a bare 500, not "expired"', async () => {
    await sql`drop table oidc_models`.execute(t.db);
    const page = await browser.get(form.action.replace(/\/login$/, ''));
    expect(page.statusCode).toBe(500);
    expectNoDetail(page);
  });

  it('answers a storage failure in oidc-provider with its generic server_error page', async () => {
    await sql`drop table oidc_models`.execute(t.db);
    const response = await newBrowser(t).get(authorizeUrl().url);
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('<code>server_error</code>');
    expectNoDetail(response);
  });
});
