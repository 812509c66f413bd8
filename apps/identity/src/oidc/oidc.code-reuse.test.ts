import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, portalRedirectUri } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  basicAuth,
  clientSecret,
  newBrowser,
  redeemCode,
  signInForCode,
  tokenRequest,
  userinfoStatus,
} from '../../test/sign-in-kit.ts';
import { ttlSeconds } from './create-provider.ts';

const password = 'rivière gelée 2026';

describe.each(testBackends())('authorization code and token hygiene (G-31) (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    await t.createUser({ username: 'claire', password });
  });
  afterEach(() => t.close());

  const freshCode = (params: Record<string, string> = {}) =>
    signInForCode(newBrowser(t), 'claire', password, params);

  describe('codes', () => {
    it('redeems a code once; a second use is refused and revokes what the first gave', async () => {
      const { code, verifier } = await freshCode();
      const first = await redeemCode(t.app, code, verifier);
      expect(first.status).toBe(200);
      expect(await userinfoStatus(t.app, first.body.access_token as string)).toBe(200);

      const second = await redeemCode(t.app, code, verifier);
      expect(second).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      expect(await userinfoStatus(t.app, first.body.access_token as string)).toBe(401);
      const refresh = await tokenRequest(t.app, {
        grant_type: 'refresh_token',
        refresh_token: first.body.refresh_token as string,
      });
      expect(refresh).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });

    it('lets exactly one of 10 parallel redemptions of one code succeed', async () => {
      const { code, verifier } = await freshCode();
      const results = await Promise.all(
        Array.from({ length: 10 }, () => redeemCode(t.app, code, verifier)),
      );
      const winners = results.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      for (const loser of results.filter((r) => r.status !== 200)) {
        expect(loser).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      }
      // The code was used more than once: what it gave is revoked (RFC 6749 §4.1.2).
      const token = winners[0]?.body.access_token as string;
      expect(await userinfoStatus(t.app, token)).toBe(401);
    });

    it('binds the code to its redirect URI and PKCE verifier', async () => {
      const { code, verifier } = await freshCode();
      const otherUri = await tokenRequest(t.app, {
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        redirect_uri: `${portalRedirectUri}/other`,
      });
      expect(otherUri).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

      const next = await freshCode();
      const wrong = await redeemCode(t.app, next.code, `${next.verifier.slice(0, -4)}AAAA`);
      expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      const missing = await tokenRequest(t.app, {
        grant_type: 'authorization_code',
        code: next.code,
        redirect_uri: portalRedirectUri,
      });
      expect(missing.status).toBe(400);
    });

    it(`expires a code after ${ttlSeconds.AuthorizationCode} s`, async () => {
      expect(ttlSeconds.AuthorizationCode).toBeLessThanOrEqual(60);
      const early = await freshCode();
      t.clock.advance(ttlSeconds.AuthorizationCode - 1);
      expect((await redeemCode(t.app, early.code, early.verifier)).status).toBe(200);

      const late = await freshCode();
      t.clock.advance(ttlSeconds.AuthorizationCode);
      const expired = await redeemCode(t.app, late.code, late.verifier);
      expect(expired).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });
  });

  describe('PKCE at the authorization endpoint', () => {
    async function authorizeError(params: Record<string, string>) {
      const response = await newBrowser(t).get(authorizeUrl(params).url);
      expect(response.statusCode).toBe(303);
      const location = new URL(String(response.headers.location), t.config.publicUrl);
      expect(location.searchParams.get('code')).toBeNull();
      return location.searchParams.get('error');
    }

    it('refuses a request without code_challenge', async () => {
      expect(await authorizeError({ code_challenge: '', code_challenge_method: '' })).toBe(
        'invalid_request',
      );
    });

    it('refuses the plain method', async () => {
      const challenge = 'a'.repeat(43);
      expect(
        await authorizeError({ code_challenge: challenge, code_challenge_method: 'plain' }),
      ).toBe('invalid_request');
    });
  });

  describe('client authentication at the token endpoint', () => {
    it.each([
      ['no credentials', null, 400, 'invalid_request'],
      ['a wrong secret', basicAuth('espace-client', 'not-the-secret'), 401, 'invalid_client'],
      ['an unknown client', basicAuth('someone-else', clientSecret), 401, 'invalid_client'],
      ['a wrong secret in the body', null, 401, 'invalid_client'],
    ])('refuses %s', async (label, authorization, status, error) => {
      const { code, verifier } = await freshCode();
      const form = {
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        redirect_uri: portalRedirectUri,
        ...(label.endsWith('body') ? { client_id: 'espace-client', client_secret: 'nope' } : {}),
      };
      const response = await tokenRequest(t.app, form, authorization);
      expect(response).toMatchObject({ status, body: { error } });
      // The code survives a refused client: the real client can still redeem it.
      expect((await redeemCode(t.app, code, verifier)).status).toBe(200);
    });
  });

  describe('refresh tokens', () => {
    const refresh = (token: string) =>
      tokenRequest(t.app, { grant_type: 'refresh_token', refresh_token: token });

    it('rotates; an old refresh token used again is refused and revokes the family', async () => {
      const { code, verifier } = await freshCode();
      const issued = await redeemCode(t.app, code, verifier);
      const first = issued.body.refresh_token as string;
      const rotated = await refresh(first);
      expect(rotated.status).toBe(200);
      const second = rotated.body.refresh_token as string;
      expect(second).toBeTruthy();
      expect(second).not.toBe(first);

      expect(await refresh(first)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      expect(await refresh(second)).toMatchObject({
        status: 400,
        body: { error: 'invalid_grant' },
      });
      expect(await userinfoStatus(t.app, rotated.body.access_token as string)).toBe(401);
    });

    it('ends at the absolute lifetime of the refresh token', async () => {
      const { code, verifier } = await freshCode();
      const issued = await redeemCode(t.app, code, verifier);
      t.clock.advance(ttlSeconds.RefreshToken);
      const response = await refresh(issued.body.refresh_token as string);
      expect(response).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });
  });

  describe('discovery and response types', () => {
    it('advertises neither `none` client auth, nor implicit/hybrid, nor the password grant', async () => {
      const response = await t.app.inject({ url: '/oidc/.well-known/openid-configuration' });
      const metadata = response.json() as Record<string, string[]>;
      expect(metadata.token_endpoint_auth_methods_supported).not.toContain('none');
      expect(metadata.response_types_supported).toEqual(['code']);
      expect(metadata.grant_types_supported).not.toContain('implicit');
      expect(metadata.grant_types_supported).not.toContain('password');
      expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    });

    it.each(['token', 'id_token', 'code id_token', 'code token', 'id_token token'])(
      'refuses response_type=%s',
      async (responseType) => {
        const response = await newBrowser(t).get(authorizeUrl({ response_type: responseType }).url);
        const location = String(response.headers.location ?? '');
        expect(location).not.toMatch(/^\/interaction\//);
        expect(location).not.toMatch(/[#&?](access_token|id_token|code)=/);
      },
    );
  });
});
