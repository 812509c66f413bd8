import { X509Certificate as NodeX509 } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localCertificate } from './local-certificate.ts';

describe('local HTTPS certificate', () => {
  it('signs a server certificate for the LAN address with a local authority it keeps', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesame-ca-'));
    const first = await localCertificate(dir, ['192.168.1.20', 'localhost']);
    const server = new NodeX509(first.cert);
    const ca = new NodeX509(first.caCert);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.ca).toBe(false);
    expect(ca.ca).toBe(true);
    // The authority is made once: the phone trusts it once.
    const second = await localCertificate(dir, ['192.168.1.20']);
    expect(second.caCert).toBe(first.caCert);
    expect(new NodeX509(second.cert).verify(ca.publicKey)).toBe(true);
  });
});
