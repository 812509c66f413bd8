/**
 * Nothing secret is logged at `info`: a real sign-in, code redemption and RP-initiated sign-out
 * (with `id_token_hint`, `login_hint` and `state` in the URLs) through an app whose log lines are
 * captured; none of the secret values appears in them, while the requests themselves do.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { newBrowser, redeemCode, signInForCode } from '../../test/sign-in-kit.ts';
import { redacted } from './redact-url.ts';

const password = 'rivière gelée 2026';
const email = 'claire.tremblay@example.ca';

describe.each(testBackends())('logs carry no secret (%s)', (backend) => {
  let t: TestApp;
  let lines: string[];
  beforeEach(async () => {
    lines = [];
    t = await buildTestApp(
      backend,
      { LOG_LEVEL: 'info' },
      { logStream: { write: (line) => lines.push(line) } },
    );
    await t.createUser({ username: 'claire', email, password });
  });
  afterEach(() => t.close());

  it('redacts codes, tokens and hints from every logged URL', async () => {
    const browser = newBrowser(t);
    const state = 'state-7f3c9a2e51d84b06';
    const { code, verifier } = await signInForCode(browser, 'claire', password, {
      login_hint: email,
      state,
    });
    // The interaction cookie holds the interaction id, which is in the URLs by design.
    const cookieValues = [...browser.cookies]
      .filter(([name]) => !/^_interaction(_resume)?$/.test(name))
      .map(([, value]) => value);
    expect(cookieValues.length).toBeGreaterThan(0);
    const tokens = await redeemCode(t.app, code, verifier);
    expect(tokens.status).toBe(200);
    const idToken = String(tokens.body.id_token);
    const accessToken = String(tokens.body.access_token);

    // A client that puts a code in a URL of ours: the value is not logged either.
    await browser.get(`/oidc/token?grant_type=authorization_code&code=${code}`);

    const signOut = new URLSearchParams({
      id_token_hint: idToken,
      post_logout_redirect_uri: 'http://localhost:3001/',
      state,
    });
    const page = await browser.get(`/oidc/session/end?${signOut}`);
    expect(page.statusCode).toBe(200);
    const action = /id="op.logoutForm" method="post" action="([^"]+)"/.exec(page.body)?.[1];
    const done = await browser.post(new URL(action ?? '', t.config.publicUrl).pathname, {
      xsrf: hiddenField(page.body, 'xsrf'),
      logout: 'yes',
    });
    expect(done.statusCode).toBe(303);
    expect(String(done.headers.location)).toContain(`state=${state}`);

    const log = lines.join('');
    // The requests are logged, at info, with their paths.
    expect(log).toContain('"url":"/oidc/session/end?id_token_hint=');
    for (const secret of [
      idToken,
      idToken.split('.')[1] ?? idToken,
      code,
      accessToken,
      state,
      email,
      encodeURIComponent(email),
      password,
      verifier,
      ...cookieValues,
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain(`id_token_hint=${redacted}`);
  });

  it('redacts a secret parameter however its name is spelled', async () => {
    const hint = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl';
    for (const name of ['id_token_hint', 'ID_TOKEN_HINT', 'id%5Ftoken%5Fhint', 'id_token%5fhint']) {
      await newBrowser(t).get(`/oidc/session/end?x=1&${name}=${hint}&${name}=${hint}`);
    }
    const log = lines.join('');
    expect(log).toContain('"url":"/oidc/session/end?x=1&');
    expect(log).not.toContain('c2VjcmV0');
  });
});
