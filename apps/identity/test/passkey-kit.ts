/**
 * A software authenticator for the passkey tests: an ES256 key pair made with node:crypto, and
 * the bytes a real authenticator returns — attestation 'none' at registration, signed assertions
 * after — built from the server's options with @simplewebauthn/server's own CBOR encoder. Each
 * answer may be made wrong on purpose (origin, RP ID, flags, counter) to test the server's checks.
 * Also the page-reading helpers: enroll a passkey through the real pages, answer a page's ceremony.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { BrowserSession, hiddenField, openSignIn } from './browser-session.ts';
import type { TestApp } from './build-test-app.ts';
import { finishEnrollment, interactionPath, passwordStep } from './mfa-kit.ts';
import { redeemCode } from './sign-in-kit.ts';

const flagUp = 0x01;
const flagUv = 0x04;
const flagBe = 0x08;
const flagBs = 0x10;
const flagAt = 0x40;

/** What an answer says, when a test makes it say something else. */
export interface AnswerOverrides {
  origin?: string;
  rpId?: string;
  userPresent?: boolean;
  userVerified?: boolean;
  /** The signature counter to report (default: one more than the last). */
  counter?: number;
  challenge?: string;
  /** The user handle a discoverable credential returns (default: the one registered). */
  userHandle?: string;
}

interface AuthenticatorDefaults {
  origin: string;
  rpId: string;
  userVerified?: boolean;
  /** A synced passkey (backup eligible and backed up). */
  synced?: boolean;
  /** Its key: ES256 (P-256) by default, or EdDSA (Ed25519). */
  algorithm?: 'ES256' | 'EdDSA';
}

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(16).toString('base64url');
  private readonly keys;
  private userHandle: string | undefined;
  counter = 0;
  private readonly defaults: AuthenticatorDefaults;
  constructor(defaults: AuthenticatorDefaults) {
    this.defaults = defaults;
    this.keys =
      defaults.algorithm === 'EdDSA'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  }

  register(
    options: PublicKeyCredentialCreationOptionsJSON,
    overrides: AnswerOverrides = {},
  ): RegistrationResponseJSON {
    this.userHandle = options.user.id;
    const clientDataJSON = this.clientData('webauthn.create', options.challenge, overrides);
    const credentialId = Buffer.from(this.credentialId, 'base64url');
    const attested = Buffer.concat([
      Buffer.alloc(16), // AAGUID: none
      Buffer.from([credentialId.length >> 8, credentialId.length & 0xff]),
      credentialId,
      Buffer.from(this.coseKey()),
    ]);
    const authData = this.authData(overrides, flagAt, 0, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', new Uint8Array(authData)],
      ]) as never,
    );
    return this.answer(clientDataJSON, {
      attestationObject: Buffer.from(attestationObject).toString('base64url'),
      transports: ['internal'],
    });
  }

  assert(
    options: PublicKeyCredentialRequestOptionsJSON,
    overrides: AnswerOverrides = {},
  ): AuthenticationResponseJSON {
    const counter = overrides.counter ?? this.counter + 1;
    this.counter = Math.max(this.counter, counter);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, overrides);
    const authData = this.authData(overrides, 0, counter);
    const signed = Buffer.concat([authData, createHash('sha256').update(clientDataJSON).digest()]);
    const digest = this.defaults.algorithm === 'EdDSA' ? null : 'sha256';
    const signature = sign(digest, signed, this.keys.privateKey);
    const userHandle = overrides.userHandle ?? this.userHandle;
    return this.answer(clientDataJSON, {
      authenticatorData: authData.toString('base64url'),
      signature: signature.toString('base64url'),
      ...(userHandle === undefined ? {} : { userHandle }),
    });
  }

  /** The credential as the browser's JSON carries it, with the ceremony's own response fields. */
  private answer<R extends object>(clientDataJSON: Buffer, response: R) {
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key' as const,
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
      response: { clientDataJSON: clientDataJSON.toString('base64url'), ...response },
    };
  }

  private clientData(type: string, challenge: string, overrides: AnswerOverrides): Buffer {
    const origin = overrides.origin ?? this.defaults.origin;
    const data = { type, challenge: overrides.challenge ?? challenge, origin, crossOrigin: false };
    return Buffer.from(JSON.stringify(data));
  }

  private authData(overrides: AnswerOverrides, extra: number, counter: number, tail?: Buffer) {
    const rpIdHash = createHash('sha256')
      .update(overrides.rpId ?? this.defaults.rpId)
      .digest();
    let flags = extra;
    if (overrides.userPresent ?? true) flags |= flagUp;
    if (overrides.userVerified ?? this.defaults.userVerified ?? true) flags |= flagUv;
    if (this.defaults.synced) flags |= flagBe | flagBs;
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([rpIdHash, Buffer.from([flags]), count, ...(tail ? [tail] : [])]);
  }

  /** The public key as COSE (EC2, P-256, ES256). */
  private coseKey(): Uint8Array {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    const x = new Uint8Array(Buffer.from(jwk.x as string, 'base64url'));
    // OKP, EdDSA, Ed25519 (RFC 8152 §13.2).
    if (this.defaults.algorithm === 'EdDSA')
      return isoCBOR.encode(
        new Map<number, unknown>([
          [1, 1],
          [3, -8],
          [-1, 6],
          [-2, x],
        ]) as never,
      );
    return isoCBOR.encode(
      new Map<number, unknown>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, x],
        [-3, new Uint8Array(Buffer.from(jwk.y as string, 'base64url'))],
      ]) as never,
    );
  }
}

/** An authenticator for the test app's public URL. */
export function softwareAuthenticator(
  publicUrl: string,
  options: Pick<AuthenticatorDefaults, 'userVerified' | 'synced' | 'algorithm'> = {},
): SoftwareAuthenticator {
  const url = new URL(publicUrl);
  return new SoftwareAuthenticator({ origin: url.origin, rpId: url.hostname, ...options });
}

/** A page's WebAuthn form: where it posts, its hidden fields and its options. */
export function ceremonyForm<T>(html: string) {
  const form = /<form[^>]*data-webauthn="(create|get)"[^>]*>/.exec(html)?.[0];
  if (form === undefined) throw new Error('no WebAuthn form on the page');
  const attribute = (name: string) =>
    unescapeHtml(new RegExp(`${name}="([^"]*)"`).exec(form)?.[1] ?? '');
  const section = html.slice(html.indexOf(form));
  return {
    action: attribute('action'),
    options: JSON.parse(attribute('data-options')) as T,
    csrf: hiddenField(section, 'csrf'),
    challengeId: hiddenField(section, 'challengeId'),
  };
}

function unescapeHtml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** Register `key` on the flow's enrollment page (step 9, or a step-up's), named `label`. */
export async function enrollPasskey(
  browser: BrowserSession,
  base: string,
  key: SoftwareAuthenticator,
  overrides: AnswerOverrides = {},
  label = 'Clé bleue',
) {
  const page = await browser.get(`${base}/enroll/passkey`);
  if (page.statusCode !== 200) return { page, response: page };
  const form = ceremonyForm<PublicKeyCredentialCreationOptionsJSON>(page.body);
  const fields = {
    csrf: form.csrf,
    challengeId: form.challengeId,
    label,
    attestation: JSON.stringify(key.register(form.options, overrides)),
  };
  return { page, form, fields, response: await browser.post(form.action, fields) };
}

/** Answer the WebAuthn form of a page (the second factor's, or the sign-in page's). */
export function answerPage(
  html: string,
  key: SoftwareAuthenticator,
  overrides: AnswerOverrides = {},
): { action: string; fields: Record<string, string> } {
  const form = ceremonyForm<PublicKeyCredentialRequestOptionsJSON>(html);
  const fields: Record<string, string> = {
    csrf: form.csrf,
    challengeId: form.challengeId,
    assertion: JSON.stringify(key.assert(form.options, overrides)),
  };
  const authenticatorId = /name="authenticatorId" value="([^"]*)"/.exec(html)?.[1];
  if (authenticatorId !== undefined) fields.authenticatorId = authenticatorId;
  return { action: form.action, fields };
}

/**
 * An account that registered `key` at step 9 through the real pages, and finished (« Terminer »).
 * Returns the enrollment's final response (the client's redirect) and the PKCE verifier.
 */
export async function enrollPasskeyAccount(
  t: TestApp,
  username: string,
  password: string,
  key: SoftwareAuthenticator,
) {
  const browser = new BrowserSession(t.app, t.config.publicUrl);
  const { location, verifier } = await passwordStep(browser, username, password);
  const base = interactionPath(location);
  const { response } = await enrollPasskey(browser, base, key);
  if (response.statusCode !== 303) throw new Error(`passkey refused: ${response.statusCode}`);
  return { done: await finishEnrollment(browser, base), verifier };
}

/** The claims of the ID token a sign-in's final redirect leads to. */
export async function idTokenClaims(
  t: TestApp,
  response: { headers: Record<string, unknown> },
  verifier: string,
): Promise<{ amr?: string[]; acr?: string; sub?: string }> {
  const code = new URL(String(response.headers.location)).searchParams.get('code');
  if (code === null) throw new Error(`no code in ${String(response.headers.location)}`);
  const tokens = await redeemCode(t.app, code, verifier);
  const payload = String(tokens.body.id_token).split('.')[1] as string;
  return JSON.parse(Buffer.from(payload, 'base64url').toString());
}

/** The sign-in page of a new browser (its interaction), where « Se connecter avec une clé d'accès » is. */
export async function passkeySignInPage(t: TestApp) {
  const browser = new BrowserSession(t.app, t.config.publicUrl);
  const { page, verifier } = await openSignIn(browser);
  return { browser, page, verifier };
}
