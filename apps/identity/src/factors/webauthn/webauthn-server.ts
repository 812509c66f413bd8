/**
 * @simplewebauthn/server, loaded at the first passkey ceremony rather than at start: with the
 * ASN.1 and certificate packages it brings, ≈ 270 files, 165 ms and 5 MiB of heap that an
 * installation whose clients use no passkey never needs (bench/README.md, "Start-up").
 */
export type WebAuthnServer = typeof import('@simplewebauthn/server');

let loading: Promise<WebAuthnServer> | undefined;

export function webauthnServer(): Promise<WebAuthnServer> {
  loading ??= import('@simplewebauthn/server');
  return loading;
}
