/**
 * Push approval from the device's side (contract push-api.ts): read the pending requests, answer
 * one, and keep the Web Push subscription up to date — every call a signed device request, the
 * answer also a JWS of its own (sign-push-answer.ts). The PWA and the CLI share these.
 */
import {
  PushAnswerResponse,
  type PushDecision,
  type PushRequest,
  PushRequestsResponse,
  type PushSubscriptionBody,
  pushAnswerPath,
  pushApiPaths,
  VapidKeyResponse,
} from '@sesame/contracts';
import { Check } from 'typebox/value';
import type { StoredAccount } from './account-store.ts';
import { deviceAuthorization } from './sign-device-request.ts';
import { signPushAnswer } from './sign-push-answer.ts';
import { VerifyError, type VerifyErrorCode } from './verify-error.ts';

export type PushAccount = Pick<StoredAccount, 'id' | 'issuer' | 'privateKey'>;

export interface PushCallOptions {
  fetch: typeof globalThis.fetch;
  account: PushAccount;
  nowMs: number;
}

export async function fetchPushRequests(options: PushCallOptions): Promise<PushRequest[]> {
  const body = await signedCall(options, 'GET', pushApiPaths.requests);
  if (!Check(PushRequestsResponse, body)) throw new VerifyError('server', 'Malformed requests');
  return body.requests;
}

export async function answerPushRequest(
  options: PushCallOptions & { requestId: string; decision: PushDecision; number?: string },
): Promise<'approved' | 'denied'> {
  const answer = await signPushAnswer({
    privateKey: options.account.privateKey,
    deviceId: options.account.id,
    requestId: options.requestId,
    decision: options.decision,
    nowMs: options.nowMs,
    ...(options.number === undefined ? {} : { number: options.number }),
  });
  const body = await signedCall(
    options,
    'POST',
    pushAnswerPath(options.requestId),
    JSON.stringify({ answer }),
  );
  if (!Check(PushAnswerResponse, body)) throw new VerifyError('server', 'Malformed answer');
  return body.outcome;
}

/** The deployment's VAPID public key: the `applicationServerKey` to subscribe with. */
export async function fetchVapidKey(
  options: Omit<PushCallOptions, 'account' | 'nowMs'> & {
    issuer: string;
  },
): Promise<string> {
  const response = await send(options.fetch, `${options.issuer}${pushApiPaths.vapidKey}`, {
    method: 'GET',
    headers: { accept: 'application/json' },
  });
  const body = await readBody(response);
  if (!Check(VapidKeyResponse, body)) throw new VerifyError('server', 'Malformed VAPID key');
  return body.publicKey;
}

export async function savePushSubscription(
  options: PushCallOptions & { subscription: PushSubscriptionBody },
): Promise<void> {
  await signedCall(options, 'PUT', pushApiPaths.subscription, JSON.stringify(options.subscription));
}

export async function removePushSubscription(options: PushCallOptions): Promise<void> {
  await signedCall(options, 'DELETE', pushApiPaths.subscription);
}

/** The server's coded refusals the app tells apart (the rest is `server`). */
const knownCodes: readonly VerifyErrorCode[] = [
  'device.unauthorized',
  'push.not_found',
  'push.expired',
  'push.already_answered',
  'push.wrong_number',
];

async function signedCall(
  options: PushCallOptions,
  method: string,
  path: string,
  body?: string,
): Promise<unknown> {
  const url = `${options.account.issuer}${path}`;
  const authorization = await deviceAuthorization({
    privateKey: options.account.privateKey,
    deviceId: options.account.id,
    method,
    url,
    nowMs: options.nowMs,
    ...(body === undefined ? {} : { body }),
  });
  const headers: Record<string, string> = { authorization, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await send(options.fetch, url, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  return readBody(response);
}

async function send(fetch: typeof globalThis.fetch, url: string, init: RequestInit) {
  try {
    return await fetch(url, { ...init, credentials: 'omit', redirect: 'error' });
  } catch (error) {
    throw new VerifyError('network', 'Could not reach the server', { cause: error });
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body;
  if (response.status === 429) throw new VerifyError('rate_limited', 'Too many requests');
  const code = (body as { error?: unknown } | undefined)?.error;
  const known = knownCodes.find((candidate) => candidate === code);
  throw new VerifyError(known ?? 'server', `Refused (HTTP ${response.status})`);
}
