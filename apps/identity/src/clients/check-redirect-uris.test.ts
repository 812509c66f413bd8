/** The redirect URIs an administrator may register: exact, https or loopback http, no fragment. */
import { describe, expect, it } from 'vitest';
import { checkRedirectUris, maxRedirectUris, splitLines } from './check-redirect-uris.ts';

describe('checkRedirectUris', () => {
  it('keeps https and loopback http URIs exactly as given, once each', () => {
    const uris = [
      'https://courtage.example/callback?tenant=qc',
      'http://localhost:4100/cb',
      'http://127.0.0.1:4100/cb',
      'http://[::1]:4100/cb',
      'https://courtage.example/callback?tenant=qc',
    ];
    expect(checkRedirectUris(uris, { required: true })).toEqual({
      ok: true,
      uris: uris.slice(0, 4),
    });
  });

  it.each([
    ['http://courtage.example/cb', 'not_https'],
    ['http://localhost.courtage.example/cb', 'not_https'],
    ['https://courtage.example/cb#', 'fragment'],
    ['https://courtage.example/cb#state', 'fragment'],
    ['https://me:secret@courtage.example/cb', 'credentials'],
    ['/cb', 'not_absolute'],
    ['javascript:alert(1)', 'not_absolute'],
    ['custom.scheme:/cb', 'not_absolute'],
  ])('refuses %s (%s)', (uri, reason) => {
    expect(checkRedirectUris([uri], { required: true })).toEqual({ ok: false, uri, reason });
  });

  it('wants one redirect URI, at most ten; post-logout ones may be none', () => {
    expect(checkRedirectUris([], { required: true })).toMatchObject({ ok: false, reason: 'none' });
    expect(checkRedirectUris([], { required: false })).toEqual({ ok: true, uris: [] });
    const many = Array.from({ length: maxRedirectUris + 1 }, (_, i) => `https://a.example/${i}`);
    expect(checkRedirectUris(many, { required: true })).toMatchObject({ reason: 'too_many' });
  });

  it('reads one URI a line, blank lines ignored', () => {
    expect(splitLines(' https://a.example/1 \r\n\r\nhttps://a.example/2\n')).toEqual([
      'https://a.example/1',
      'https://a.example/2',
    ]);
  });
});
