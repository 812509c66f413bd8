import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { newBrowser } from '../../test/sign-in-kit.ts';

const registered = 'http://localhost:3001/callback';

/** Near misses of the registered redirect URI: each must be refused (exact match only). */
const unregistered = [
  '//evil.example/callback',
  '/\\evil.example/callback',
  'https://evil.example/callback',
  'http://localhost:3001/callback/../x',
  'http://localhost:3001/x/../callback',
  'http://localhost:3001/callback?x=1',
  'http://localhost:3001/callback#x',
  'http://localhost:3001/callback/',
  'http://localhost:3001/callbackx',
  'http://localhost:3001/CALLBACK',
  'HTTP://LOCALHOST:3001/callback',
  'https://localhost:3001/callback',
  'http://localhost:3002/callback',
  'http://localhost/callback',
  'http://localhost:3001.evil.com/callback',
  'http://a@localhost:3001/callback',
  'http://localhost:3001@evil.example/callback',
  'http://localhost:3001\\@evil.example/callback',
  'http://localhost:3001%2F@evil.example/callback',
  'http://localhost:3001/%63allback',
  'http://localhost:3001/callback%2F..%2Fx',
  'http%3A%2F%2Flocalhost%3A3001%2Fcallback',
  'http://localhost:3001/callback%00',
  ' http://localhost:3001/callback',
  'javascript:alert(1)//http://localhost:3001/callback',
];

describe.each(testBackends())('redirect URIs (G-30) (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
  });
  afterEach(() => t.close());

  async function authorize(params: Record<string, string>) {
    return newBrowser(t).get(authorizeUrl(params).url);
  }

  /** Refused on an error page of ours: no redirect, no echo of the URI. */
  function expectErrorPage(response: Awaited<ReturnType<typeof authorize>>, uri: string) {
    expect(response.statusCode).toBe(400);
    expect(response.headers.location).toBeUndefined();
    expect(String(response.headers['content-type'])).toContain('text/html');
    expect(response.body).toContain('<code>invalid_redirect_uri</code>');
    expect(response.body).not.toContain(uri);
    expect(response.body).not.toContain('evil');
  }

  it('accepts the registered redirect URI', async () => {
    const response = await authorize({ redirect_uri: registered });
    expect(response.statusCode).toBe(303);
    expect(String(response.headers.location)).toMatch(/^\/interaction\//);
  });

  it.each(unregistered)('refuses %j with an error page', async (uri) => {
    expectErrorPage(await authorize({ redirect_uri: uri }), uri);
  });

  it.each(['query', 'fragment', 'form_post'])(
    'refuses an unregistered URI whatever the response mode (%s)',
    async (mode) => {
      const uri = 'https://evil.example/callback';
      const response = await authorize({ redirect_uri: uri, response_mode: mode });
      expectErrorPage(response, uri);
    },
  );

  it('does not redirect an unregistered URI even when another parameter is wrong too', async () => {
    const uri = 'https://evil.example/callback';
    const noPkce = await authorize({ redirect_uri: uri, code_challenge: '' });
    expectErrorPage(noPkce, uri);
    const badType = await authorize({ redirect_uri: uri, response_type: 'token' });
    expect(badType.headers.location).toBeUndefined();
    expect(badType.statusCode).toBe(400);
  });

  describe('post_logout_redirect_uri', () => {
    async function endSession(params: Record<string, string>) {
      const query = new URLSearchParams({ client_id: 'espace-client', ...params });
      return newBrowser(t).get(`/oidc/session/end?${query}`);
    }

    it('accepts the registered one', async () => {
      const response = await endSession({ post_logout_redirect_uri: 'http://localhost:3001/' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('/oidc/session/end/confirm');
    });

    it.each([
      'https://evil.example/',
      'http://localhost:3001',
      'http://localhost:3001/x',
      'http://localhost:3001/?next=https://evil.example',
      'http://localhost:3001.evil.com/',
      'http://a@localhost:3001/',
      '//evil.example/',
    ])('refuses %j', async (uri) => {
      const response = await endSession({ post_logout_redirect_uri: uri });
      expect(response.statusCode).toBe(400);
      expect(response.headers.location).toBeUndefined();
      expect(response.body).not.toContain('/oidc/session/end/confirm');
      expect(response.body).toContain('<code>invalid_request</code>');
      expect(response.body).not.toContain('evil');
    });
  });
});
