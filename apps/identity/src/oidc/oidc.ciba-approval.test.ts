/**
 * Approving a sensitive operation by CIBA (issue 7 §3), with openid-client as the application and
 * Sesame Verify's own core as the phone, over real HTTP on both backends: the application names the
 * client by its ID token and says what is asked; the phone shows that message, and only the number
 * the application shows, typed and signed, approves it; the application's token request then gets
 * tokens (amr swk), or `access_denied` for « Ce n'était pas moi » or a wrong number, and
 * `authorization_pending` meanwhile. Nothing else names the client: other hints are refused.
 */
import { answerPushRequest, fetchPushRequests, type StoredAccount } from '@sesame/authenticator';
import { backchannelNumber } from '@sesame/contracts';
import * as client from 'openid-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { discoverPortalClient, listenTestApp } from '../../test/listen-test-app.ts';
import { finishEnrollment, interactionPath } from '../../test/mfa-kit.ts';
import { scanEnrollmentQr } from '../../test/sesame-verify-phone.ts';

const password = 'rue du Petit-Champlain 1608';
const redirectUri = 'http://localhost:3001/callback';
const cibaGrant = 'urn:openid:params:grant-type:ciba';

describe.each(testBackends())('CIBA approvals of sensitive operations (%s)', (backend) => {
  let t: Awaited<ReturnType<typeof listenTestApp>>;
  let config: client.Configuration;
  let phone: StoredAccount;
  let idToken: string;
  beforeEach(async () => {
    t = await listenTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'marie', password });
    config = await discoverPortalClient(t);
    // The client signs in to the Espace client and enrolls Sesame Verify by its QR code.
    const browser = new BrowserSession(t.app, t.url);
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    const page = await browser.follow(await browser.get(url.pathname + url.search));
    const action = /action="([^"]+\/login)"/.exec(page.body)?.[1] as string;
    const posted = await browser.post(action, {
      csrf: hiddenField(page.body, 'csrf'),
      username: 'marie',
      password,
    });
    const base = interactionPath(posted.headers.location);
    phone = await scanEnrollmentQr(browser, base, {
      fetch,
      issuer: t.url,
      nowMs: t.clock.now,
      deviceName: 'iPhone de Marie',
    });
    const done = await finishEnrollment(browser, base);
    const tokens = await client.authorizationCodeGrant(
      config,
      new URL(String(done.headers.location)),
      {
        pkceCodeVerifier: verifier,
        expectedState: state,
      },
    );
    idToken = tokens.id_token as string;
  });
  afterEach(() => t.close());

  const ask = (bindingMessage = 'Ajouter le bénéficiaire Marie Tremblay ?') =>
    client.initiateBackchannelAuthentication(config, {
      scope: 'openid',
      id_token_hint: idToken,
      binding_message: bindingMessage,
    });
  /** The application's token request for the approval, once (no waiting between polls). */
  const tokenFor = (authReqId: string) =>
    client.genericGrantRequest(config, cibaGrant, { auth_req_id: authReqId }).then(
      (tokens) => ({ ok: true as const, claims: tokens.claims() }),
      (error: unknown) => ({ ok: false as const, error: (error as { error?: string }).error }),
    );
  const answer = (requestId: string, decision: 'approve' | 'deny', number?: string) =>
    answerPushRequest({
      fetch,
      account: phone,
      nowMs: t.clock.now,
      requestId,
      decision,
      ...(number === undefined ? {} : { number }),
    }).catch((error: unknown) => (error as { code?: string }).code);

  it('shows the binding message on the phone; the number the application shows approves it', async () => {
    const asked = await ask();
    expect(await tokenFor(asked.auth_req_id)).toEqual({
      ok: false,
      error: 'authorization_pending',
    });
    const [request] = await fetchPushRequests({ fetch, account: phone, nowMs: t.clock.now });
    expect(request).toMatchObject({
      application: 'Espace client',
      bindingMessage: 'Ajouter le bénéficiaire Marie Tremblay ?',
      mode: 'typed-6',
    });
    const number = await backchannelNumber(asked.auth_req_id);
    expect(JSON.stringify(request)).not.toContain(number);
    expect(await answer(request?.id as string, 'approve', number)).toBe('approved');
    const result = await tokenFor(asked.auth_req_id);
    expect(result.ok).toBe(true);
    expect(result.ok && result.claims).toMatchObject({ amr: ['swk'] });
    // Once: the same auth_req_id gives nothing more.
    expect((await tokenFor(asked.auth_req_id)).ok).toBe(false);
  });

  it("refuses on « Ce n'était pas moi »", async () => {
    const denied = await ask();
    const [first] = await fetchPushRequests({ fetch, account: phone, nowMs: t.clock.now });
    expect(await answer(first?.id as string, 'deny')).toBe('denied');
    expect(await tokenFor(denied.auth_req_id)).toEqual({ ok: false, error: 'access_denied' });
  });

  it('refuses a wrong number: the application gets access_denied', async () => {
    const asked = await ask();
    const [request] = await fetchPushRequests({ fetch, account: phone, nowMs: t.clock.now });
    const right = await backchannelNumber(asked.auth_req_id);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(await answer(request?.id as string, 'approve', wrong)).toBe('push.wrong_number');
    expect(await tokenFor(asked.auth_req_id)).toEqual({ ok: false, error: 'access_denied' });
  });

  it('names the client by its ID token only, and wants a short binding message', async () => {
    const refused = (params: Record<string, string>) =>
      client.initiateBackchannelAuthentication(config, { scope: 'openid', ...params }).then(
        () => 'accepted',
        (error: unknown) => (error as { error?: string }).error,
      );
    expect(await refused({ login_hint: 'marie', binding_message: 'Payer ?' })).toBe(
      'invalid_request',
    );
    expect(await refused({ id_token_hint: idToken })).toBe('invalid_binding_message');
    expect(await refused({ id_token_hint: idToken, binding_message: 'x'.repeat(121) })).toBe(
      'invalid_binding_message',
    );
    expect(await refused({ id_token_hint: idToken, binding_message: 'a\nb' })).toBe(
      'invalid_binding_message',
    );
  });
});
