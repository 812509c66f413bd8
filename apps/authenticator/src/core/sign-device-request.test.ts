import { DeviceProofPayload, deviceProofType } from '@sesame/contracts';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { generateDeviceKeys } from './device-keys.ts';
import { bodyHash, signDeviceRequest } from './sign-device-request.ts';

const nowMs = Date.UTC(2026, 0, 15, 10, 0, 0);
const url = 'https://id.example.com/api/device/me';

async function verify(jws: string, jwk: JsonWebKey) {
  const key = await importJWK(jwk, 'ES256');
  const { payload, protectedHeader } = await compactVerify(jws, key);
  return { header: protectedHeader, payload: JSON.parse(new TextDecoder().decode(payload)) };
}

describe('signDeviceRequest', () => {
  it('makes a JWS that verifies with the public JWK, with the contract header and payload', async () => {
    const keys = await generateDeviceKeys({ extractable: false });
    const jws = await signDeviceRequest({
      privateKey: keys.privateKey,
      deviceId: 'dev-123',
      method: 'delete',
      url,
      nowMs,
      jti: 'abcdefghijklmnopqrstuv',
    });
    const { header, payload } = await verify(jws, keys.publicJwk);
    expect(header).toEqual({ alg: 'ES256', kid: 'dev-123', typ: deviceProofType });
    expect(payload).toEqual({
      htm: 'DELETE',
      htu: url,
      iat: Math.floor(nowMs / 1000),
      jti: 'abcdefghijklmnopqrstuv',
    });
    expect(Value.Check(DeviceProofPayload, payload)).toBe(true);
  });

  it('signs the query with the URL, and drops only the fragment', async () => {
    const keys = await generateDeviceKeys({ extractable: false });
    const jws = await signDeviceRequest({
      privateKey: keys.privateKey,
      deviceId: 'dev-123',
      method: 'GET',
      url: `${url}?lang=fr&since=1700000000#top`,
      nowMs,
    });
    const { payload } = await verify(jws, keys.publicJwk);
    expect(payload.htu).toBe(`${url}?lang=fr&since=1700000000`);
  });

  it('binds the body by its SHA-256, and makes a new jti every time', async () => {
    const keys = await generateDeviceKeys({ extractable: false });
    const body = JSON.stringify({ deviceName: 'iPhone' });
    const sign = () =>
      signDeviceRequest({
        privateKey: keys.privateKey,
        deviceId: 'dev-1',
        method: 'POST',
        url,
        body,
        nowMs,
      });
    const [first, second] = await Promise.all([sign(), sign()]);
    const a = await verify(first, keys.publicJwk);
    const b = await verify(second, keys.publicJwk);
    expect(a.payload.bsh).toBe(await bodyHash(body));
    // SHA-256 of the body, base64url without padding.
    expect(a.payload.bsh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.payload.jti).not.toBe(b.payload.jti);
    expect(Value.Check(DeviceProofPayload, a.payload)).toBe(true);
  });

  it('does not verify with another device key', async () => {
    const keys = await generateDeviceKeys({ extractable: false });
    const other = await generateDeviceKeys({ extractable: false });
    const jws = await signDeviceRequest({
      privateKey: keys.privateKey,
      deviceId: 'dev-1',
      method: 'GET',
      url,
      nowMs,
    });
    expect(decodeProtectedHeader(jws).kid).toBe('dev-1');
    await expect(verify(jws, other.publicJwk)).rejects.toThrow();
  });

  it('exports only the public members of the key', async () => {
    const keys = await generateDeviceKeys({ extractable: true });
    expect(Object.keys(keys.publicJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    const locked = await generateDeviceKeys({ extractable: false });
    expect(locked.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', locked.privateKey)).rejects.toThrow();
  });
});
