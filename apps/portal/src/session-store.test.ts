import { describe, expect, it } from 'vitest';
import {
  ABSOLUTE_TTL_MS,
  createSessionStore,
  IDLE_TTL_MS,
  isValidCsrfToken,
  PRE_AUTH_TTL_MS,
  type SignedInUser,
  sessionCookieOptions,
} from './session-store.ts';

const user: SignedInUser = {
  sub: 'u1',
  name: 'Marie Tremblay',
  email: 'marie@example.com',
  amr: ['pwd', 'otp'],
  acr: undefined,
  authTime: 1,
  idToken: 'id.token.value',
};
const preAuth = { codeVerifier: 'v', state: 's', nonce: 'n' };

function storeWithClock(startMs = 1_000_000) {
  const clock = { ms: startMs };
  return { clock, store: createSessionStore({ now: () => clock.ms }) };
}

describe('session store', () => {
  it('makes 256-bit base64url ids and CSRF tokens, different each time', () => {
    const { store } = storeWithClock();
    const a = store.create({ user });
    const b = store.create({ user });
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.csrfToken).not.toBe(b.csrfToken);
    expect(store.get(a.id)?.user).toEqual(user);
  });

  it('forgets unknown, missing and destroyed ids', () => {
    const { store } = storeWithClock();
    const session = store.create({ user });
    expect(store.get(undefined)).toBeUndefined();
    expect(store.get('nope')).toBeUndefined();
    store.destroy(session.id);
    expect(store.get(session.id)).toBeUndefined();
  });

  it('expires after 30 minutes idle, and activity keeps it alive', () => {
    const { clock, store } = storeWithClock();
    const session = store.create({ user });
    clock.ms += IDLE_TTL_MS - 1;
    expect(store.get(session.id)).toBeDefined();
    clock.ms += IDLE_TTL_MS - 1;
    expect(store.get(session.id)).toBeDefined();
    clock.ms += IDLE_TTL_MS;
    expect(store.get(session.id)).toBeUndefined();
  });

  it('expires after 12 hours whatever the activity', () => {
    const { clock, store } = storeWithClock();
    const session = store.create({ user });
    const start = clock.ms;
    while (clock.ms + 20 * 60 * 1000 < start + ABSOLUTE_TTL_MS) {
      clock.ms += 20 * 60 * 1000;
      expect(store.get(session.id)).toBeDefined();
    }
    clock.ms = start + ABSOLUTE_TTL_MS;
    expect(store.get(session.id)).toBeUndefined();
  });

  it('gives a sign-in in progress 10 minutes', () => {
    const { clock, store } = storeWithClock();
    const session = store.create({ preAuth });
    clock.ms += PRE_AUTH_TTL_MS - 1;
    expect(store.get(session.id)?.preAuths).toEqual([preAuth]);
    clock.ms += 1;
    expect(store.get(session.id)).toBeUndefined();
  });

  it('drops the oldest sessions when full', () => {
    const store = createSessionStore({ maxSessions: 3 });
    const ids = [1, 2, 3, 4].map(() => store.create({ preAuth }).id);
    expect(store.size).toBe(3);
    expect(store.get(ids[0])).toBeUndefined();
    expect(store.get(ids[3])).toBeDefined();
  });
});

describe('isValidCsrfToken', () => {
  it('accepts only the exact token of the session', () => {
    const session = createSessionStore().create({ user });
    expect(isValidCsrfToken(session, session.csrfToken)).toBe(true);
    expect(isValidCsrfToken(session, `${session.csrfToken}x`)).toBe(false);
    expect(isValidCsrfToken(session, session.csrfToken.slice(1))).toBe(false);
    expect(isValidCsrfToken(session, '')).toBe(false);
    expect(isValidCsrfToken(session, undefined)).toBe(false);
    expect(isValidCsrfToken(session, [session.csrfToken])).toBe(false);
  });
});

describe('sessionCookieOptions', () => {
  it('is HttpOnly, SameSite=Lax, Path=/', () => {
    expect(sessionCookieOptions('http://portal.test')).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: false,
    });
  });

  it('is Secure over https and on localhost', () => {
    expect(sessionCookieOptions('https://portal.test').secure).toBe(true);
    expect(sessionCookieOptions('http://localhost:3001').secure).toBe(true);
  });
});
