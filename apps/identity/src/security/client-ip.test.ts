import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipBucket } from './client-ip.ts';

describe('ipBucket (G-12)', () => {
  it('keys an IPv4 address on itself', () => {
    expect(ipBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('203.0.113.8')).not.toBe(ipBucket('203.0.113.7'));
  });

  it.each([
    '::ffff:203.0.113.7',
    '::FFFF:203.0.113.7',
    '::ffff:cb00:7107',
    '0:0:0:0:0:ffff:cb00:7107',
    '0000:0000:0000:0000:0000:FFFF:CB00:7107',
  ])('keys the IPv4-mapped form %s on the IPv4 address', (mapped) => {
    expect(ipBucket(mapped)).toBe('203.0.113.7');
  });

  it('puts every address of one /64 in one bucket, whatever its spelling', () => {
    const sameNetwork = [
      '2001:db8:1:2::1',
      '2001:DB8:1:2::FFFF',
      '2001:0db8:0001:0002:0000:0000:0000:0001',
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:db8:1:2::',
      '2001:db8:1:2::203.0.113.7',
    ];
    expect(new Set(sameNetwork.map(ipBucket))).toEqual(new Set(['2001:db8:1:2::/64']));
  });

  it('counts an embedded IPv4 address as two groups', () => {
    // 2001:db8::1:2:3:a.b.c.d is 2001:db8:0:1:2:3:xxxx:xxxx: its /64 is 2001:db8:0:1.
    expect(ipBucket('2001:db8::1:2:3:203.0.113.7')).toBe(ipBucket('2001:db8:0:1::9'));
    expect(ipBucket('1::2:3:4:5:203.0.113.7')).toBe('1:0:2:3::/64');
  });

  it('separates two /64 networks', () => {
    expect(ipBucket('2001:db8:1:2::1')).not.toBe(ipBucket('2001:db8:1:3::1'));
    expect(ipBucket('2001:db8::1')).not.toBe(ipBucket('2002:db8::1'));
    expect(ipBucket('::1')).not.toBe(ipBucket('fe80::1'));
  });

  it('ignores a zone id', () => {
    expect(ipBucket('fe80::1%eth0')).toBe(ipBucket('fe80::2'));
    expect(ipBucket('fe80::1%25en0')).toBe('fe80:0:0:0::/64');
  });

  it.each([
    '',
    'garbage',
    'unknown',
    '203.0.113.07',
    '203.0.113',
    '203.0.113.7:443',
    '[2001:db8::1]',
    '2001:db8::1::2',
    '2001:db8:1:2:3:4:5:6:7',
    '203.0.113.7, 198.51.100.1',
    ' 203.0.113.7',
  ])('puts the malformed value %j in the shared "invalid" bucket', (raw) => {
    expect(ipBucket(raw)).toBe('invalid');
  });

  it('any two addresses sharing their first 64 bits share a bucket (property)', () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    const groups = (n: number) => fc.array(group, { minLength: n, maxLength: n });
    fc.assert(
      fc.property(groups(4), groups(4), groups(4), (prefix, a, b) => {
        fc.pre(!(prefix.slice(0, 3).every((g) => g === '0') && prefix[3] === '0'));
        const first = ipBucket([...prefix, ...a].join(':'));
        expect(first).toBe(ipBucket([...prefix, ...b].join(':')));
        expect(first.endsWith('::/64')).toBe(true);
      }),
    );
  });
});
