/**
 * The device API between the Sesame identity server and Sesame Verify (the PWA and the CLI):
 * request and response schemas, shared by both sides. Paths are relative to the identity
 * server's public URL.
 *
 * 1. Activation (once): `POST /api/device/activate`, authorized by the single-use activation
 *    token of the QR code (`Authorization: Activation <token>`), or, typed by hand, by the
 *    username and the activation code in the body. The device sends the public half of an ES256
 *    key pair it made itself; the server answers with the account and the TOTP secret (the only
 *    time the secret leaves the server).
 * 2. Every later request is signed by the device key: `Authorization: Device <JWS>` (see
 *    `DeviceProof`), so a copy of the server's database cannot act as the device.
 */
import { type Static, Type } from 'typebox';

export const deviceApiPaths = {
  activate: '/api/device/activate',
  me: '/api/device/me',
} as const;

/** Where a scanned QR code leads: `<publicUrl>/app/activate#token=<token>` (fragment: never sent to a server). */
export const activationLinkPath = '/app/activate';

export const Platform = Type.Union([
  Type.Literal('ios'),
  Type.Literal('android'),
  Type.Literal('other'),
]);
export type Platform = Static<typeof Platform>;

/** An EC P-256 public key as JWK (RFC 7517/7518): no private member `d` may be present. */
export const DevicePublicJwk = Type.Object(
  {
    kty: Type.Literal('EC'),
    crv: Type.Literal('P-256'),
    x: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }),
    y: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }),
  },
  { additionalProperties: false },
);
export type DevicePublicJwk = Static<typeof DevicePublicJwk>;

export const ActivateRequest = Type.Object(
  {
    publicKey: DevicePublicJwk,
    platform: Platform,
    deviceName: Type.String({ minLength: 1, maxLength: 64 }),
    /** Manual path only ("Saisir le code manuellement"): the username and the activation code. */
    username: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
    activationCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  },
  { additionalProperties: false },
);
export type ActivateRequest = Static<typeof ActivateRequest>;

export const AccountInfo = Type.Object({
  /** The identity server's public URL: the "organization" the account belongs to. */
  issuer: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  /** The organization's name, when it set one: the app shows it instead of the server's host. */
  organizationName: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  /** Its logo, on the issuer's origin (`<issuer>/branding/logo?v=…`), when it set one. */
  organizationLogoUrl: Type.Optional(Type.String({ maxLength: 300 })),
});
export type AccountInfo = Static<typeof AccountInfo>;

export const TotpSeed = Type.Object({
  /** Base32, no padding (RFC 4648). */
  secret: Type.String({ pattern: '^[A-Z2-7]+$' }),
  algorithm: Type.Literal('SHA1'),
  digits: Type.Literal(6),
  periodSeconds: Type.Literal(30),
});
export type TotpSeed = Static<typeof TotpSeed>;

export const ActivateResponse = Type.Object({
  deviceId: Type.String(),
  account: AccountInfo,
  totp: TotpSeed,
});
export type ActivateResponse = Static<typeof ActivateResponse>;

export const DeviceMeResponse = Type.Object({
  deviceId: Type.String(),
  deviceName: Type.String(),
  account: AccountInfo,
});
export type DeviceMeResponse = Static<typeof DeviceMeResponse>;

export const DeviceApiError = Type.Object({
  /** A stable code, e.g. `activation.invalid`, `device.unauthorized`, `request.invalid`. */
  error: Type.String(),
  message: Type.String(),
});
export type DeviceApiError = Static<typeof DeviceApiError>;

/**
 * The signed proof of a device request: a compact JWS, `alg` ES256, `kid` = deviceId, `typ`
 * `sesame-device+jwt`, whose payload binds the request (like DPoP, RFC 9449 §4.2):
 * method, full URL, issue time, a unique id, and the SHA-256 of the body when there is one.
 * The server accepts it once (jti), within `deviceProofMaxAgeSeconds` of its clock.
 */
export const DeviceProofPayload = Type.Object({
  htm: Type.String(),
  /** `deviceProofUrl(url)`: the absolute URL, query included, fragment dropped. */
  htu: Type.String(),
  iat: Type.Integer(),
  jti: Type.String({ minLength: 16, maxLength: 64 }),
  /** base64url(SHA-256(body)) for requests with a body. */
  bsh: Type.Optional(Type.String()),
});
export type DeviceProofPayload = Static<typeof DeviceProofPayload>;

export const deviceProofType = 'sesame-device+jwt';
export const deviceProofMaxAgeSeconds = 120;
