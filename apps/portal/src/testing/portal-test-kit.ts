/** Shared fixtures of the portal's route tests (tests only). */
import { loadPortalConfig, type PortalConfig } from '../config.ts';
import type { PortalOidcClient } from '../oidc-client.ts';
import { createSessionStore, type SessionStore, type SignedInUser } from '../session-store.ts';

export const testConfig: PortalConfig = loadPortalConfig({
  PORTAL_CLIENT_SECRET: 'test-secret',
  SESAME_ISSUER: 'http://id.test:3000/oidc',
  SESAME_ACCOUNT_URL: 'http://id.test:3000/account',
});

/** For route tests that never reach the issuer: any call to it fails the request. */
export const unreachableOidc: PortalOidcClient = {
  buildAuthorizationRequest: () => Promise.reject(new Error('issuer not expected')),
  finishSignIn: () => Promise.reject(new Error('issuer not expected')),
  buildEndSessionUrl: () => Promise.reject(new Error('issuer not expected')),
  requestApproval: () => Promise.reject(new Error('issuer not expected')),
  pollApproval: () => Promise.reject(new Error('issuer not expected')),
};

export const marie: SignedInUser = {
  sub: 'user-1',
  name: 'Marie Tremblay',
  email: 'marie@example.com',
  amr: ['pwd', 'otp'],
  acr: 'urn:sesame:mfa',
  authTime: 1_760_000_000,
  idToken: 'header.payload.signature',
};

/** A session store holding one signed-in session, with its cookie header and CSRF token. */
export function signedIn(): { sessions: SessionStore; cookie: string; csrfToken: string } {
  const sessions = createSessionStore();
  const session = sessions.create({ user: marie });
  return { sessions, cookie: `portal_session=${session.id}`, csrfToken: session.csrfToken };
}
