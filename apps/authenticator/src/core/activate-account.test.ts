import { ActivateRequest, deviceApiPaths } from '@sesame/contracts';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { activateAccount } from './activate-account.ts';
import { generateDeviceKeys } from './device-keys.ts';
import { isVerifyError } from './verify-error.ts';

const issuer = 'https://id.example.com';
const nowMs = Date.UTC(2026, 0, 15, 10, 0, 0);
const goodResponse = {
  deviceId: 'dev-42',
  account: { issuer, username: 'demo', displayName: 'Dominique Demo' },
  totp: {
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    algorithm: 'SHA1',
    digits: 6,
    periodSeconds: 30,
  },
};

interface Seen {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: () => Response | Promise<Response>, seen: Seen[] = []) {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(input), init: init ?? {} });
    return respond();
  }) as typeof fetch;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function activate(fetch: typeof globalThis.fetch, manual = false) {
  const keys = await generateDeviceKeys({ extractable: false });
  const credential = manual
    ? { username: ' demo ', activationCode: 'abcd-2345' }
    : { token: 'q1w2e3r4t5y6u7i8o9p0aZ' };
  return activateAccount({
    fetch,
    issuer,
    platform: 'ios',
    deviceName: 'iPhone',
    keys,
    nowMs,
    ...credential,
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return isVerifyError(error) ? error.code : 'not a VerifyError';
  }
  return undefined;
}

describe('activateAccount', () => {
  it('redeems the token with the public key and returns the account to store', async () => {
    const seen: Seen[] = [];
    const account = await activate(
      fakeFetch(() => json(200, goodResponse), seen),
      false,
    );
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.url).toBe(`${issuer}${deviceApiPaths.activate}`);
    expect(request?.init.method).toBe('POST');
    const headers = request?.init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Activation q1w2e3r4t5y6u7i8o9p0aZ');
    const body = JSON.parse(String(request?.init.body));
    expect(Value.Check(ActivateRequest, body)).toBe(true);
    expect(body).toMatchObject({ platform: 'ios', deviceName: 'iPhone' });
    expect(body.publicKey.d).toBeUndefined();
    expect(body.username).toBeUndefined();
    expect(account).toMatchObject({
      id: 'dev-42',
      issuer,
      username: 'demo',
      displayName: 'Dominique Demo',
      deviceName: 'iPhone',
      platform: 'ios',
      secret: goodResponse.totp.secret,
      createdAt: nowMs,
    });
    expect(account.privateKey.type).toBe('private');
  });

  it('keeps the organization’s name, and its logo only on the issuer’s origin', async () => {
    const named = await activate(
      fakeFetch(() =>
        json(200, {
          ...goodResponse,
          account: {
            ...goodResponse.account,
            organizationName: '  Caisse   Laurentienne ',
            organizationLogoUrl: `${issuer}/branding/logo?v=a0aa2b0de881a507`,
          },
        }),
      ),
    );
    expect(named.organizationName).toBe('Caisse Laurentienne');
    expect(named.organizationLogoUrl).toBe(`${issuer}/branding/logo?v=a0aa2b0de881a507`);
    const elsewhere = await activate(
      fakeFetch(() =>
        json(200, {
          ...goodResponse,
          account: {
            ...goodResponse.account,
            organizationLogoUrl: 'https://tracker.example/l.png',
          },
        }),
      ),
    );
    expect(elsewhere.organizationLogoUrl).toBeUndefined();
    expect(elsewhere.organizationName).toBeUndefined();
  });

  it('sends the username and the activation code on the manual path, no Authorization', async () => {
    const seen: Seen[] = [];
    await activate(
      fakeFetch(() => json(200, goodResponse), seen),
      true,
    );
    const headers = seen[0]?.init.headers as Record<string, string>;
    expect(headers.authorization).toBeUndefined();
    const body = JSON.parse(String(seen[0]?.init.body));
    expect(body).toMatchObject({ username: 'demo', activationCode: 'ABCD2345' });
    expect(Value.Check(ActivateRequest, body)).toBe(true);
  });

  it('maps a refusal (401, expired or used) to activation.invalid', async () => {
    const refused = fakeFetch(() =>
      json(401, { error: 'activation.invalid', message: 'Invalid or expired activation' }),
    );
    expect(await codeOf(activate(refused))).toBe('activation.invalid');
    expect(await codeOf(activate(fakeFetch(() => json(410, {}))))).toBe('activation.invalid');
  });

  it('maps 429 to rate_limited, 5xx to server, a failed fetch to network', async () => {
    expect(await codeOf(activate(fakeFetch(() => json(429, {}))))).toBe('rate_limited');
    expect(await codeOf(activate(fakeFetch(() => json(503, {}))))).toBe('server');
    const offline = fakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    expect(await codeOf(activate(offline))).toBe('network');
  });

  it.each([
    ['not JSON', () => new Response('<html>', { status: 200 })],
    [
      'missing secret',
      () => json(200, { ...goodResponse, totp: { ...goodResponse.totp, secret: undefined } }),
    ],
    [
      'secret not Base32',
      () => json(200, { ...goodResponse, totp: { ...goodResponse.totp, secret: 'abc!' } }),
    ],
    ['8 digits', () => json(200, { ...goodResponse, totp: { ...goodResponse.totp, digits: 8 } })],
    ['no device id', () => json(200, { ...goodResponse, deviceId: 42 })],
    ['no account', () => json(200, { deviceId: 'x', totp: goodResponse.totp })],
  ])('refuses a malformed response: %s', async (_name, respond) => {
    expect(await codeOf(activate(fakeFetch(respond)))).toBe('server');
  });
});
