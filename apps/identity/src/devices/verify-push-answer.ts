/**
 * The device's signed answer to a push (contract `PushAnswerPayload`): a compact JWS, ES256,
 * `typ` sesame-push-answer+jwt, `kid` = the device, signed with the key the device registered,
 * binding the request id, the decision, the number and the time. Checked like the device proof
 * (verify-device-proof.ts): one guard per check, a typed failure, no throw. The request that
 * carries it is already a signed device request; this binds the decision itself.
 */
import { PushAnswerPayload, pushAnswerMaxAgeSeconds, pushAnswerType } from '@sesame/contracts';
import { compileLater } from '../security/compile-later.ts';
import {
  decodeJwsHeader,
  parseJsonBytes,
  verifyDeviceSignature,
} from './verify-device-signature.ts';

export type PushAnswerFailure =
  | 'bad_header'
  | 'other_device'
  | 'bad_signature'
  | 'bad_payload'
  | 'wrong_challenge'
  | 'stale';

export type PushAnswerCheck =
  | { ok: true; answer: PushAnswerPayload }
  | { ok: false; reason: PushAnswerFailure };

const payloadCheck = compileLater(PushAnswerPayload);
const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export async function verifyPushAnswer(input: {
  jws: string;
  /** The device that signed the request carrying it (its proof was checked). */
  device: { id: string; public_jwk: string };
  /** The request id of the URL the answer was posted to. */
  challengeId: string;
  nowMs: number;
}): Promise<PushAnswerCheck> {
  const header = compactJws.test(input.jws) ? decodeJwsHeader(input.jws) : undefined;
  // Only ES256 (no `none`, no HMAC: RFC 8725 §3.1) and the answer's own type.
  if (header === undefined || header.alg !== 'ES256' || header.typ !== pushAnswerType)
    return fail('bad_header');
  // Signed by the device that sent it: an answer cannot be carried by another device.
  if (header.kid !== input.device.id) return fail('other_device');
  const signed = await verifyDeviceSignature(input.jws, input.device.public_jwk);
  // By that device's registered key, over these exact bytes.
  if (signed === undefined) return fail('bad_signature');
  const payload = parseJsonBytes(signed);
  // The claims are the contract's, nothing more.
  if (!payloadCheck.Check(payload)) return fail('bad_payload');
  // Bound to the device …
  if (payload.did !== input.device.id) return fail('other_device');
  // … and to this request (G-14: an answer to one push cannot settle another).
  if (payload.cid !== input.challengeId) return fail('wrong_challenge');
  const ageSeconds = Math.floor(input.nowMs / 1000) - payload.iat;
  // Fresh, both ways: signed within the request's 2 minutes, not dated ahead.
  if (Math.abs(ageSeconds) > pushAnswerMaxAgeSeconds) return fail('stale');
  return { ok: true, answer: payload };
}

function fail(reason: PushAnswerFailure): PushAnswerCheck {
  return { ok: false, reason };
}
