/**
 * The device API's push routes (contract push-api.ts), inside the device API's plugin (its strict
 * validator, raw bodies, error handler): the pending requests and their live stream, the signed
 * answer, the Web Push subscription, and the deployment's VAPID public key. Every route but the
 * public key needs a signed device request; answers are coded errors the app translates.
 */
import {
  DeviceApiError,
  PushAnswerRequest,
  PushAnswerResponse,
  PushRequestsResponse,
  PushSubscriptionBody,
  pushApiPaths,
  VapidKeyResponse,
} from '@sesame/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { AuditEvent } from '../audit/record-audit-event.ts';
import {
  type AnswerPushDeps,
  type AnswerPushResult,
  answerPushChallenge,
} from '../factors/push/answer-push-challenge.ts';
import { listDevicePushRequests } from '../factors/push/list-device-push-requests.ts';
import { pushRequestsChannel } from '../factors/push/push-challenge-kind.ts';
import type { PushService } from '../factors/push/push-service.ts';
import {
  deletePushSubscription,
  savePushSubscription,
} from '../factors/push/push-subscription-queries.ts';
import { type DeviceWithAccount, findDeviceWithAccount, touchDevice } from './device-queries.ts';
import { streamPushRequests } from './stream-push-requests.ts';
import { verifyPushAnswer } from './verify-push-answer.ts';

export interface DevicePushRoutesOptions extends AnswerPushDeps {
  push: PushService;
  /** The device behind a signed request, or undefined (device-api-routes.ts). */
  authenticate: (request: FastifyRequest) => Promise<DeviceWithAccount | undefined>;
  audit: (request: FastifyRequest) => Omit<AuditEvent, 'type' | 'accountId'>;
}

type PushApiCode =
  | 'device.unauthorized'
  | 'push.answer_invalid'
  | 'push.not_found'
  | 'push.expired'
  | 'push.already_answered'
  | 'push.wrong_number'
  | 'request.too_many';

/** Status and English fallback of each code; the app shows its own translated text. */
const pushApiErrors: Record<PushApiCode, { status: number; message: string }> = {
  'device.unauthorized': {
    status: 401,
    message: 'This device is not recognized. Add the account again.',
  },
  'push.answer_invalid': { status: 400, message: 'This answer is not valid.' },
  'push.not_found': { status: 404, message: 'There is no such request for this device.' },
  'push.expired': { status: 410, message: 'This request has expired.' },
  'push.already_answered': { status: 409, message: 'This request was already answered.' },
  'push.wrong_number': {
    status: 422,
    message: 'The number does not match the one on the computer: the sign-in was refused.',
  },
  'request.too_many': { status: 429, message: 'Too many attempts. Try again later.' },
};

const answerFailures: Record<Extract<AnswerPushResult, { ok: false }>['reason'], PushApiCode> = {
  not_found: 'push.not_found',
  expired: 'push.expired',
  already_answered: 'push.already_answered',
  wrong_number: 'push.wrong_number',
  throttled: 'request.too_many',
};

const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, DeviceApiError]));
const AnswerParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export async function devicePushRoutes(
  app: FastifyInstance,
  options: DevicePushRoutesOptions,
): Promise<void> {
  const { db, now, authenticate } = options;

  app.get(pushApiPaths.vapidKey, { schema: { response: { 200: VapidKeyResponse } } }, async () => ({
    publicKey: options.push.vapidPublicKey,
  }));

  app.get(
    pushApiPaths.requests,
    { schema: { response: { 200: PushRequestsResponse, ...errors(400, 401) } } },
    async (request, reply) => {
      const device = await authenticate(request);
      if (device === undefined) return sendPushError(reply, 'device.unauthorized');
      await touchDevice(db, device.id, now());
      return { requests: await listDevicePushRequests(db, device, now()) };
    },
  );

  app.get(pushApiPaths.stream, async (request, reply) => {
    const device = await authenticate(request);
    if (device === undefined) return sendPushError(reply, 'device.unauthorized');
    await streamPushRequests(reply, {
      events: options.events,
      channel: pushRequestsChannel(device.authenticator_id),
      // The device may be removed meanwhile: then the stream ends.
      list: async () =>
        (await findDeviceWithAccount(db, device.id)) === undefined
          ? undefined
          : listDevicePushRequests(db, device, now()),
      onError: (error) => request.log.warn({ err: error }, 'push request stream: a look failed'),
    });
  });

  app.post<{ Params: Static<typeof AnswerParams>; Body: Static<typeof PushAnswerRequest> }>(
    `${pushApiPaths.requests}/:id/answer`,
    {
      schema: {
        params: AnswerParams,
        body: PushAnswerRequest,
        response: { 200: PushAnswerResponse, ...errors(400, 401, 404, 409, 410, 422, 429) },
      },
    },
    async (request, reply) => {
      const device = await authenticate(request);
      if (device === undefined) return sendPushError(reply, 'device.unauthorized');
      const checked = await verifyPushAnswer({
        jws: request.body.answer,
        device,
        challengeId: request.params.id,
        nowMs: now(),
      });
      if (!checked.ok) {
        request.log.info({ reason: checked.reason }, 'push answer refused');
        return sendPushError(reply, 'push.answer_invalid');
      }
      const result = await answerPushChallenge(options, {
        device,
        answer: checked.answer,
        ip: request.ip,
        audit: options.audit(request),
      });
      if (!result.ok) return sendPushError(reply, answerFailures[result.reason]);
      return { outcome: result.outcome };
    },
  );

  app.put<{ Body: Static<typeof PushSubscriptionBody> }>(
    pushApiPaths.subscription,
    { schema: { body: PushSubscriptionBody, response: { 204: Type.Null(), ...errors(400, 401) } } },
    async (request, reply) => {
      const device = await authenticate(request);
      if (device === undefined) return sendPushError(reply, 'device.unauthorized');
      await savePushSubscription(db, options.box, {
        deviceId: device.id,
        subscription: request.body,
        nowMs: now(),
      });
      return reply.code(204).send(null);
    },
  );

  app.delete(
    pushApiPaths.subscription,
    { schema: { response: { 204: Type.Null(), ...errors(400, 401) } } },
    async (request, reply) => {
      const device = await authenticate(request);
      if (device === undefined) return sendPushError(reply, 'device.unauthorized');
      await deletePushSubscription(db, device.id);
      return reply.code(204).send(null);
    },
  );
}

function sendPushError(reply: FastifyReply, code: PushApiCode): FastifyReply {
  const { status, message } = pushApiErrors[code];
  return reply.code(status).send({ error: code, message });
}
