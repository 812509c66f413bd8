/**
 * Activation of Sesame Verify (`POST /api/device/activate`): redeem the activation once, by the
 * QR code's token or by the username and the typed code, while the sign-in flow that showed it is
 * still at enrollment (G-44), then register the device. Every
 * refusal is the same `activation.invalid` to the caller (no oracle); the reason is for the logs.
 * The typed code has 40 bits, so its guesses are throttled per address, then per account (G-16,
 * G-07, G-46).
 */
import type { ActivateRequest } from '@sesame/contracts';
import type { Kysely } from 'kysely';
import { canonicalizeIdentifier } from '../accounts/canonical-identifier.ts';
import { type Account, findAccountById, findAccountByIdentifier } from '../accounts/queries.ts';
import type { AuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/database.ts';
import {
  type Activation,
  hashActivationCode,
  hashActivationToken,
  redeemActivation,
} from '../factors/authenticator-app/activation-queries.ts';
import {
  type RegisterDeviceDeps,
  type RegisteredDevice,
  registerDevice,
} from '../factors/authenticator-app/register-device.ts';
import type { AttemptLimiter } from '../security/attempt-limiter.ts';
import { accountPolicy } from '../security/attempt-policy.ts';
import { withAttemptLimit } from '../security/with-attempt-limit.ts';
import { activationIpLimitKey, activationIpPolicy } from './activation-ip-policy.ts';
import { checkDevicePublicKey } from './check-device-public-key.ts';

export interface ActivateDeviceDeps extends RegisterDeviceDeps {
  limiter: AttemptLimiter;
}

export type ActivationFailure =
  | 'invalid_key'
  | 'no_credentials'
  | 'ambiguous_credentials'
  | 'unknown_activation'
  | 'unknown_account'
  | 'account_locked'
  | 'throttled';

export type ActivateDeviceResult =
  | { ok: true; account: Account; device: RegisteredDevice }
  | { ok: false; reason: ActivationFailure };

/** `Activation <token>`: the token of the QR code's link (128 bits, base64url). */
const activationScheme = /^Activation ([A-Za-z0-9_-]{16,128})$/i;

export async function activateDevice(
  deps: ActivateDeviceDeps,
  input: {
    authorization: string | undefined;
    body: ActivateRequest;
    /** The client's address (`request.ip`): typed codes are limited per address first (G-46). */
    ip: string;
    audit?: Omit<AuditEvent, 'type' | 'accountId'>;
  },
): Promise<ActivateDeviceResult> {
  const { body } = input;
  // Checked before anything is redeemed: a bad key must not spend the activation.
  if (!(await checkDevicePublicKey(body.publicKey))) return { ok: false, reason: 'invalid_key' };
  const redeemed = await redeem(deps, input.authorization, body, input.ip);
  if (!redeemed.ok) return redeemed;
  const { activation, account } = redeemed;
  const device = await registerDevice(deps, {
    activation,
    publicKey: body.publicKey,
    platform: body.platform,
    deviceName: body.deviceName,
    ...(input.audit ? { audit: input.audit } : {}),
  });
  // The account gained a method from another flow meanwhile: this activation adds nothing.
  if (device === undefined) return { ok: false, reason: 'unknown_activation' };
  return { ok: true, account, device };
}

type Redeemed =
  | { ok: true; activation: Activation; account: Account }
  | { ok: false; reason: ActivationFailure };

async function redeem(
  deps: ActivateDeviceDeps,
  authorization: string | undefined,
  body: ActivateRequest,
  ip: string,
): Promise<Redeemed> {
  const typed = body.username !== undefined || body.activationCode !== undefined;
  // One way at a time: the QR code's token, or the typed code.
  if (authorization !== undefined && typed) return { ok: false, reason: 'ambiguous_credentials' };
  if (authorization !== undefined) return redeemToken(deps, authorization);
  // The typed path needs both the username and the code.
  if (body.username === undefined || body.activationCode === undefined) {
    return { ok: false, reason: 'no_credentials' };
  }
  return redeemCode(deps, { username: body.username, typedCode: body.activationCode, ip });
}

async function redeemToken(deps: ActivateDeviceDeps, authorization: string): Promise<Redeemed> {
  const token = activationScheme.exec(authorization)?.[1];
  // Not the Activation scheme, or not a token's shape.
  if (token === undefined) return { ok: false, reason: 'no_credentials' };
  const activation = await redeemActivation(
    deps.db,
    { tokenHash: hashActivationToken(token) },
    deps.now(),
  );
  // Unknown, replaced by a newer one, expired, or already used: one atomic statement decides.
  if (activation === undefined) return { ok: false, reason: 'unknown_activation' };
  return withAccount(deps.db, activation);
}

async function redeemCode(
  deps: ActivateDeviceDeps,
  { username, typedCode, ip }: { username: string; typedCode: string; ip: string },
): Promise<Redeemed> {
  const canonical = canonicalizeIdentifier(username);
  const account = canonical === '' ? undefined : await findAccountByIdentifier(deps.db, canonical);
  // G-10: one counter per canonical subject; unknown names are counted too (no oracle).
  const key = account ? `activation:${account.id}` : `activation:identifier:${canonical}`;
  const limits = [
    // G-46: the address first, so that an address refused moves no account's counter.
    { key: activationIpLimitKey(ip), policy: activationIpPolicy },
    { key, policy: accountPolicy },
  ];
  // Locked after repeated wrong codes: not even evaluated. Released only on a redeemed code.
  const checked = await withAttemptLimit(deps.limiter, { limits, nowMs: deps.now() }, async () => {
    if (account === undefined) return { ok: false as const, reason: 'unknown_account' as const };
    const codeHash = hashActivationCode(deps.box, account.id, typedCode);
    const activation = await redeemActivation(deps.db, { codeHash }, deps.now());
    // Wrong code (counted), or expired, replaced or used.
    if (activation === undefined)
      return { ok: false as const, reason: 'unknown_activation' as const };
    return { ok: true as const, activation };
  });
  if (checked.limited) return { ok: false, reason: 'throttled' };
  if (!checked.value.ok) return checked.value;
  const { activation } = checked.value;
  return withAccount(deps.db, activation);
}

async function withAccount(db: Kysely<Database>, activation: Activation): Promise<Redeemed> {
  const account = await findAccountById(db, activation.account_id);
  // The account went away, or an administrator locked it, since the QR code was shown.
  if (account === undefined || account.locked === 1) return { ok: false, reason: 'account_locked' };
  return { ok: true, activation, account };
}
