import { deviceApiPaths } from '@sesame/contracts';
import { compactVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateDeviceKeys } from './device-keys.ts';
import { removeDevice } from './remove-device.ts';
import { isVerifyError } from './verify-error.ts';

const issuer = 'https://id.example.com';

async function setup(respond: () => Response) {
  const keys = await generateDeviceKeys({ extractable: false });
  const seen: { url: string; init: RequestInit }[] = [];
  const fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    seen.push({ url: String(input), init });
    return respond();
  }) as typeof globalThis.fetch;
  const account = { id: 'dev-7', issuer, privateKey: keys.privateKey };
  return { keys, seen, run: () => removeDevice({ fetch, account, nowMs: 1_700_000_000_000 }) };
}

describe('removeDevice', () => {
  it('sends a signed DELETE /api/device/me bound to the method and URL', async () => {
    const { keys, seen, run } = await setup(() => new Response(null, { status: 204 }));
    expect(await run()).toBe('removed');
    const [request] = seen;
    expect(request?.url).toBe(`${issuer}${deviceApiPaths.me}`);
    expect(request?.init.method).toBe('DELETE');
    const headers = (request?.init.headers ?? {}) as Record<string, string>;
    const authorization = headers.authorization ?? '';
    expect(authorization).toMatch(/^Device [\w-]+\.[\w-]+\.[\w-]+$/);
    const { payload } = await compactVerify(
      authorization.slice('Device '.length),
      await importJWK(keys.publicJwk, 'ES256'),
    );
    expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({
      htm: 'DELETE',
      htu: `${issuer}${deviceApiPaths.me}`,
      iat: 1_700_000_000,
    });
  });

  it('reports a device the server no longer knows (401, 404) as unknown', async () => {
    expect(await (await setup(() => new Response(null, { status: 401 }))).run()).toBe('unknown');
    expect(await (await setup(() => new Response(null, { status: 404 }))).run()).toBe('unknown');
  });

  it('fails with coded errors otherwise', async () => {
    const failure = async (respond: () => Response) => {
      try {
        await (await setup(respond)).run();
      } catch (error) {
        return isVerifyError(error) ? error.code : 'other';
      }
      return 'none';
    };
    expect(await failure(() => new Response(null, { status: 500 }))).toBe('server');
    expect(await failure(() => new Response(null, { status: 429 }))).toBe('rate_limited');
    expect(
      await failure(() => {
        throw new TypeError('fetch failed');
      }),
    ).toBe('network');
  });
});
