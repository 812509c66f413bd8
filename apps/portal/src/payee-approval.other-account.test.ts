/**
 * The approval must be the signed-in client's own: tokens for another account add no payee (an
 * issuer or a mix-up answering for someone else). With a stub issuer, so that it can misbehave;
 * in English, to see that page's wording too.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPortalApp } from './app.ts';
import type { ApprovalPoll, PortalOidcClient } from './oidc-client.ts';
import { signedIn, testConfig, unreachableOidc } from './testing/portal-test-kit.ts';

let app: FastifyInstance;
afterEach(() => app?.close());

function build(poll: ApprovalPoll) {
  const { sessions, cookie, csrfToken } = signedIn();
  const oidc: PortalOidcClient = {
    ...unreachableOidc,
    requestApproval: async () => ({
      authReqId: 'req-1',
      expiresInSeconds: 120,
      intervalSeconds: 0,
    }),
    pollApproval: async () => poll,
  };
  app = buildPortalApp(testConfig, { sessions, oidc });
  const headers = {
    cookie: `${cookie}; portal_lang=en`,
    'content-type': 'application/x-www-form-urlencoded',
  };
  const post = (url: string, form: Record<string, string>) =>
    app.inject({ method: 'POST', url, headers, payload: new URLSearchParams(form).toString() });
  return { csrfToken, post, get: (url: string) => app.inject({ url, headers }) };
}

describe('the approval of a payee', () => {
  it("adds nothing when the tokens are another account's", async () => {
    const { csrfToken, post, get } = build({ status: 'approved', sub: 'someone-else' });
    expect((await post('/payees', { csrf: csrfToken, name: 'Jean Dupuis' })).statusCode).toBe(303);
    const waiting = await get('/payees/approval');
    expect(waiting.body).toContain('Add the payee Jean Dupuis?');
    expect(waiting.body).toContain('Open Sesame Verify and enter this number');
    expect((await post('/payees/approval/status', { csrf: csrfToken })).headers.location).toBe(
      '/payees/approval',
    );
    expect((await get('/payees/approval')).body).toContain(
      'We could not confirm your approval. The payee was not added.',
    );
    expect((await get('/dashboard')).body).toContain('You have no payees yet.');
  });

  it('shows the payee once the tokens are the client’s own', async () => {
    const { csrfToken, post, get } = build({ status: 'approved', sub: 'user-1' });
    await post('/payees', { csrf: csrfToken, name: 'Jean Dupuis' });
    expect((await post('/payees/approval/status', { csrf: csrfToken })).headers.location).toBe(
      '/dashboard',
    );
    const dashboard = await get('/dashboard');
    expect(dashboard.body).toContain('Payee Jean Dupuis added. You approved it in Sesame Verify.');
  });
});
