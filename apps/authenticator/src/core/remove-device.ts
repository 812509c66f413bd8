/**
 * Removing an account: the device asks the server to forget it (`DELETE /api/device/me`, signed
 * with its key), then the caller deletes the account locally.
 */
import { deviceApiPaths } from '@sesame/contracts';
import type { StoredAccount } from './account-store.ts';
import { deviceAuthorization } from './sign-device-request.ts';
import { VerifyError } from './verify-error.ts';

/** `removed`: the server forgot the device; `unknown`: it did not know it (any more). */
export type RemoveDeviceResult = 'removed' | 'unknown';

export async function removeDevice(options: {
  fetch: typeof globalThis.fetch;
  account: Pick<StoredAccount, 'id' | 'issuer' | 'privateKey'>;
  nowMs: number;
}): Promise<RemoveDeviceResult> {
  const url = `${options.account.issuer}${deviceApiPaths.me}`;
  const authorization = await deviceAuthorization({
    privateKey: options.account.privateKey,
    deviceId: options.account.id,
    method: 'DELETE',
    url,
    nowMs: options.nowMs,
  });
  let response: Response;
  try {
    response = await options.fetch(url, {
      method: 'DELETE',
      headers: { authorization, accept: 'application/json' },
      credentials: 'omit',
      redirect: 'error',
    });
  } catch (error) {
    throw new VerifyError('network', 'Could not reach the server', { cause: error });
  }
  if (response.ok) return 'removed';
  // 401/404: the device was already removed (from the security page, by an admin reset…).
  if (response.status === 401 || response.status === 404) return 'unknown';
  if (response.status === 429) throw new VerifyError('rate_limited', 'Too many requests');
  throw new VerifyError('server', `Removal refused (HTTP ${response.status})`);
}
