/**
 * Activation (the guide's step 7, "Terminé"): redeem the QR code's token, or the username and
 * activation code typed by hand, once, sending the public half of a key pair made on this
 * device. The answer is the only time the server sends the TOTP secret.
 */
import {
  type ActivateRequest,
  ActivateResponse,
  deviceApiPaths,
  type Platform,
} from '@sesame/contracts';
import { Check } from 'typebox/value';
import type { StoredAccount } from './account-store.ts';
import type { DeviceKeys } from './device-keys.ts';
import { VerifyError, type VerifyErrorCode } from './verify-error.ts';

export type ActivationCredential = { token: string } | { username: string; activationCode: string };

export type ActivateAccountOptions = ActivationCredential & {
  fetch: typeof globalThis.fetch;
  /** Origin of the identity server (from `parseActivationLink` or `parseIssuer`). */
  issuer: string;
  platform: Platform;
  deviceName: string;
  keys: DeviceKeys;
  nowMs: number;
};

export async function activateAccount(options: ActivateAccountOptions): Promise<StoredAccount> {
  const deviceName = options.deviceName.trim().slice(0, 64) || options.platform;
  const request: ActivateRequest = {
    publicKey: options.keys.publicJwk,
    platform: options.platform,
    deviceName,
  };
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if ('token' in options) {
    headers.authorization = `Activation ${options.token}`;
  } else {
    request.username = options.username.trim();
    request.activationCode = normalizeActivationCode(options.activationCode);
  }
  const body = await postJson(options, headers, JSON.stringify(request));
  // The server's answer is checked like any input: the secret and the id end up stored.
  if (!Check(ActivateResponse, body)) {
    throw new VerifyError('server', 'Malformed activation response');
  }
  return {
    id: body.deviceId,
    // The origin we talked to (and will sign requests for), not what the body claims.
    issuer: options.issuer,
    username: body.account.username,
    displayName: body.account.displayName,
    ...organizationOf(body.account, options.issuer),
    deviceName,
    platform: options.platform,
    secret: body.totp.secret,
    privateKey: options.keys.privateKey,
    createdAt: options.nowMs,
  };
}

/**
 * The organization's name and logo as the server sent them with the account. The logo is kept
 * only on the issuer's own origin (the one the activation went to): the app loads nothing from
 * elsewhere on a server's say-so.
 */
export function organizationOf(
  account: { organizationName?: string; organizationLogoUrl?: string },
  issuer: string,
): { organizationName?: string; organizationLogoUrl?: string } {
  const name = account.organizationName?.replace(/\s+/g, ' ').trim().slice(0, 80);
  const logo = sameOriginUrl(account.organizationLogoUrl, issuer);
  return {
    ...(name ? { organizationName: name } : {}),
    ...(logo === undefined ? {} : { organizationLogoUrl: logo }),
  };
}

function sameOriginUrl(url: string | undefined, issuer: string): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.origin === new URL(issuer).origin ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** What people type from the screen: `abcd-2345 ` → `ABCD2345` (the server normalizes the rest). */
export function normalizeActivationCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

async function postJson(
  options: ActivateAccountOptions,
  headers: Record<string, string>,
  body: string,
): Promise<unknown> {
  let response: Response;
  try {
    response = await options.fetch(`${options.issuer}${deviceApiPaths.activate}`, {
      method: 'POST',
      headers,
      body,
      // Never send the organization's cookies with an activation; never follow a redirect.
      credentials: 'omit',
      redirect: 'error',
    });
  } catch (error) {
    throw new VerifyError('network', 'Could not reach the server', { cause: error });
  }
  if (!response.ok) {
    const code = errorCodeForStatus(response.status);
    throw new VerifyError(code, `Activation refused (HTTP ${response.status})`);
  }
  try {
    return await response.json();
  } catch (error) {
    throw new VerifyError('server', 'Activation response is not JSON', { cause: error });
  }
}

/** Any refusal is "invalid or expired": the server does not say which (no oracle, G-16). */
export function errorCodeForStatus(status: number): VerifyErrorCode {
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'activation.invalid';
  return 'server';
}
