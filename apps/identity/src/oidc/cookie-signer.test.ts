/**
 * oidc-provider's cookie signatures, made by Sesame's signer instead of keygrip: the same
 * signatures (cookies signed before the change stay valid), checked against every key in order.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCookieSigner } from './cookie-signer.ts';

// keygrip's signature: HMAC-SHA1, base64 with `/` → `_`, `+` → `-` and no `=` (its index.js).
const keygripSign = (data: string, key: string) =>
  createHmac('sha1', key)
    .update(data)
    .digest('base64')
    .replace(/\/|\+|=/g, (x) => ({ '/': '_', '+': '-', '=': '' })[x] as string);

describe('cookie signer', () => {
  const data = 'sesame-session=Gm0rY2i3L5w_aZ8';

  it('signs as keygrip signs, with the first key', () => {
    const signer = createCookieSigner(['first key', 'older key']);
    expect(signer.sign(data)).toBe(keygripSign(data, 'first key'));
  });

  it('tells which key made a signature, and -1 for anything else', () => {
    const signer = createCookieSigner(['first key', 'older key']);
    expect(signer.index(data, keygripSign(data, 'first key'))).toBe(0);
    expect(signer.index(data, keygripSign(data, 'older key'))).toBe(1);
    expect(signer.verify(data, keygripSign(data, 'older key'))).toBe(true);
    expect(signer.index(data, keygripSign(data, 'another key'))).toBe(-1);
    expect(signer.index(`${data}x`, keygripSign(data, 'first key'))).toBe(-1);
    expect(signer.index(data, '')).toBe(-1);
    expect(signer.index(data, `${keygripSign(data, 'first key')}=`)).toBe(-1);
    expect(signer.index(data, keygripSign(data, 'first key').slice(1))).toBe(-1);
  });

  it('needs a key', () => {
    expect(() => createCookieSigner([])).toThrow(TypeError);
  });
});
