/**
 * HTTPS for trying Sesame with a real phone on the local network (a PWA's camera and service
 * worker need a secure origin): a local certificate authority, made once and kept in the data
 * directory, and a server certificate for this machine's addresses signed by it. The phone trusts
 * the authority once (its certificate is served at /local-ca.crt); nothing here is for production,
 * where a real certificate sits on the reverse proxy.
 */
import { webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// @peculiar/x509 resolves its services through tsyringe, which needs this polyfill first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

const crypto = webcrypto as unknown as Crypto;
const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const dayMs = 86_400_000;

export interface LocalCertificate {
  key: string;
  cert: string;
  /** The authority to install on the phone, PEM. */
  caCert: string;
}

async function exportPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PRIVATE KEY-----\n`;
}

async function importPem(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  return crypto.subtle.importKey('pkcs8', der, algorithm, true, ['sign']);
}

async function loadOrCreateAuthority(dir: string, nowMs: number) {
  const certFile = join(dir, 'local-ca.crt');
  const keyFile = join(dir, 'local-ca.key');
  if (existsSync(certFile) && existsSync(keyFile)) {
    return {
      cert: new x509.X509Certificate(readFileSync(certFile, 'utf8')),
      key: await importPem(readFileSync(keyFile, 'utf8')),
    };
  }
  const keys = (await crypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: 'CN=Sesame local development CA',
      notBefore: new Date(nowMs - dayMs),
      notAfter: new Date(nowMs + 825 * dayMs),
      keys,
      signingAlgorithm: algorithm,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
          true,
        ),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, await exportPem(keys.privateKey), { mode: 0o600 });
  writeFileSync(certFile, cert.toString('pem'));
  return { cert, key: keys.privateKey };
}

/** A server certificate for `hosts` (names and IP addresses), valid 397 days (Apple's limit). */
export async function localCertificate(
  dir: string,
  hosts: string[],
  nowMs = Date.now(),
): Promise<LocalCertificate> {
  const authority = await loadOrCreateAuthority(dir, nowMs);
  const keys = (await crypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const names = hosts.map((host) =>
    /^[\d.]+$|:/.test(host)
      ? { type: 'ip' as const, value: host }
      : { type: 'dns' as const, value: host },
  );
  const cert = await x509.X509CertificateGenerator.create(
    {
      subject: `CN=${hosts[0] ?? 'localhost'}`,
      issuer: authority.cert.subject,
      notBefore: new Date(nowMs - dayMs),
      notAfter: new Date(nowMs + 397 * dayMs),
      publicKey: keys.publicKey,
      signingKey: authority.key,
      signingAlgorithm: algorithm,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(names),
      ],
    },
    crypto,
  );
  return {
    key: await exportPem(keys.privateKey),
    cert: cert.toString('pem'),
    caCert: authority.cert.toString('pem'),
  };
}
