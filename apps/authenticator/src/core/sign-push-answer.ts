/**
 * The device's answer to a push request (contract `PushAnswerPayload`): a compact JWS, ES256,
 * `kid` = deviceId, `typ` = `sesame-push-answer+jwt`, binding the request id, the decision, the
 * number the user typed or picked, this device and the time — signed with the device key, so
 * the server holds the device's own word for what its owner approved.
 */
import { type PushAnswerPayload, type PushDecision, pushAnswerType } from '@sesame/contracts';
import { CompactSign } from 'jose';

export interface SignPushAnswerOptions {
  privateKey: CryptoKey;
  deviceId: string;
  requestId: string;
  decision: PushDecision;
  /** Required to approve: the number shown on the computer. */
  number?: string;
  nowMs: number;
}

export async function signPushAnswer(options: SignPushAnswerOptions): Promise<string> {
  const payload: PushAnswerPayload = {
    cid: options.requestId,
    did: options.deviceId,
    dec: options.decision,
    iat: Math.floor(options.nowMs / 1000),
  };
  if (options.number !== undefined) payload.num = normalizePushNumber(options.number);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'ES256', kid: options.deviceId, typ: pushAnswerType })
    .sign(options.privateKey);
}

/** Digits only: « 482 915 » as typed with a space is 482915. */
export function normalizePushNumber(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}
