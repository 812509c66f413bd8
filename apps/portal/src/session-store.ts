/**
 * Server-side sessions of the portal, in memory. The browser holds only an opaque, random
 * 256-bit id in the `portal_session` cookie; everything else (PKCE verifier, claims, id_token,
 * CSRF token) stays here. Expiry is enforced on the server: 12 h absolute, 30 min idle
 * (SECURITY-GOALS G-26, G-27; NIST 800-63B §2.2.3), 10 min for a sign-in in progress.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';

/** Never a `sesame-…` cookie nor `sesame_lang`: those are the identity server's, and cookies are
 * shared by every port of a host. */
export const SESSION_COOKIE = 'portal_session';

export const ABSOLUTE_TTL_MS = 12 * 60 * 60 * 1000;
export const IDLE_TTL_MS = 30 * 60 * 1000;
export const PRE_AUTH_TTL_MS = 10 * 60 * 1000;
const MAX_SESSIONS = 10_000;

/** What the callback needs to check the authorization response (state, nonce, PKCE). */
export interface PreAuth {
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
}

/** The signed-in client, from the ID token (and userinfo for missing profile claims). */
export interface SignedInUser {
  readonly sub: string;
  readonly name: string | undefined;
  readonly email: string | undefined;
  readonly amr: readonly string[];
  readonly acr: string | undefined;
  /** Seconds since the epoch, as in the ID token. */
  readonly authTime: number | undefined;
  readonly idToken: string;
}

export interface PortalSession {
  readonly id: string;
  readonly csrfToken: string;
  readonly createdAtMs: number;
  lastSeenAtMs: number;
  /**
   * The sign-ins in progress in this browser, newest last: one per tab that went to /login, so
   * that a second tab never breaks the first (G-45). Each is used once, found by its `state`.
   */
  readonly preAuths: PreAuth[];
  readonly user: SignedInUser | undefined;
  /** The payee waiting for the client's approval in Sesame Verify (one at a time). */
  payeeApproval?: PayeeApproval;
  /** Shown once on the next dashboard: the payee just added. */
  addedPayee?: string;
}

/** A CIBA request in progress for adding a payee; only this session knows its `auth_req_id`. */
export interface PayeeApproval {
  readonly payeeName: string;
  readonly bindingMessage: string;
  readonly authReqId: string;
  /** What the client types in Sesame Verify: backchannelNumber(authReqId). */
  readonly number: string;
  readonly expiresAtMs: number;
  intervalSeconds: number;
  /** No token request before this time (the issuer's interval, lengthened by slow_down). */
  nextPollAtMs: number;
  /** Set once the request is over without the payee: what the waiting page then says. */
  outcome?: 'denied' | 'expired' | 'failed';
}

export interface SessionStore {
  create(data: { preAuth?: PreAuth; user?: SignedInUser }): PortalSession;
  /** The live session with this id, its idle timer refreshed; undefined when unknown or expired. */
  get(id: string | undefined): PortalSession | undefined;
  destroy(id: string | undefined): void;
  readonly size: number;
}

export interface SessionStoreOptions {
  /** Clock in milliseconds; injectable for tests. */
  now?: () => number;
  maxSessions?: number;
}

export function createSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const now = options.now ?? Date.now;
  const maxSessions = options.maxSessions ?? MAX_SESSIONS;
  const sessions = new Map<string, PortalSession>();

  function makeRoom(): void {
    if (sessions.size < maxSessions) return;
    for (const session of sessions.values()) {
      if (isExpired(session, now())) sessions.delete(session.id);
    }
    // Still full: drop the oldest, so unauthenticated /login requests cannot exhaust memory.
    while (sessions.size >= maxSessions) {
      const oldest = sessions.keys().next().value;
      if (oldest === undefined) break;
      sessions.delete(oldest);
    }
  }

  return {
    create(data) {
      makeRoom();
      const at = now();
      const session: PortalSession = {
        id: createSessionId(),
        csrfToken: randomBytes(32).toString('base64url'),
        createdAtMs: at,
        lastSeenAtMs: at,
        preAuths: data.preAuth === undefined ? [] : [data.preAuth],
        user: data.user,
      };
      sessions.set(session.id, session);
      return session;
    },
    get(id) {
      if (id === undefined) return undefined;
      const session = sessions.get(id);
      if (session === undefined) return undefined;
      const at = now();
      if (isExpired(session, at)) {
        sessions.delete(id);
        return undefined;
      }
      session.lastSeenAtMs = at;
      return session;
    },
    destroy(id) {
      if (id !== undefined) sessions.delete(id);
    },
    get size() {
      return sessions.size;
    },
  };
}

/** Pure expiry rule: absolute and idle limits, and a shorter life for a sign-in in progress. */
/** At most this many sign-ins in progress per browser: the oldest goes first. */
export const MAX_PRE_AUTHS = 5;

/** Add a sign-in in progress to a pre-auth session. */
export function addPreAuth(session: PortalSession, preAuth: PreAuth): void {
  session.preAuths.push(preAuth);
  if (session.preAuths.length > MAX_PRE_AUTHS) session.preAuths.shift();
}

/** Take (once) the sign-in in progress that an authorization response's `state` names. */
export function takePreAuth(
  session: PortalSession | undefined,
  state: unknown,
): PreAuth | undefined {
  if (session === undefined || typeof state !== 'string') return undefined;
  const index = session.preAuths.findIndex((preAuth) => preAuth.state === state);
  if (index < 0) return undefined;
  return session.preAuths.splice(index, 1)[0];
}

export function isExpired(session: PortalSession, nowMs: number): boolean {
  // ASVS 7.3.2: absolute lifetime, whatever the activity.
  if (nowMs - session.createdAtMs >= ABSOLUTE_TTL_MS) return true;
  // ASVS 7.3.1: inactivity timeout.
  if (nowMs - session.lastSeenAtMs >= IDLE_TTL_MS) return true;
  // A pre-auth session only waits for the callback.
  return session.user === undefined && nowMs - session.createdAtMs >= PRE_AUTH_TTL_MS;
}

/** Constant-time comparison of the submitted CSRF token with the session's (G-29). */
export function isValidCsrfToken(session: PortalSession, submitted: unknown): boolean {
  if (typeof submitted !== 'string') return false;
  const expected = Buffer.from(session.csrfToken);
  const actual = Buffer.from(submitted);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Secure whenever the browser allows it: https, or localhost (a secure context over http). */
export function sessionCookieOptions(publicUrl: string): CookieSerializeOptions {
  const url = new URL(publicUrl);
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: url.protocol === 'https:' || url.hostname === 'localhost',
    maxAge: ABSOLUTE_TTL_MS / 1000,
  };
}
