/**
 * Push approval between the identity server and Sesame Verify (issue 7). A sign-in asks the
 * device to approve it; the computer shows a number the user types in the app (or picks among
 * three). Every call is a signed device request (`DeviceProof`); the answer itself is a compact
 * JWS signed with the device key, binding the request id, the number, the decision, the device
 * and the time, so that the server holds a proof of what the device's owner approved.
 *
 * Pull first: the app reads its pending requests when it opens or comes back to the foreground,
 * and keeps a stream of new ones while open. Web Push (VAPID) only wakes it (G-47).
 */
import { type Static, Type } from 'typebox';

export const pushApiPaths = {
  /** GET: the requests waiting for this device. */
  requests: '/api/device/push/requests',
  /** GET: a server-sent event stream of this device's requests (`event: requests`). */
  stream: '/api/device/push/stream',
  /** PUT: the device's Web Push subscription; DELETE: forget it. */
  subscription: '/api/device/push/subscription',
  /** GET: the deployment's VAPID public key (the subscription's `applicationServerKey`). */
  vapidKey: '/api/device/push/vapid-key',
} as const;

/** POST: the device's answer to one request. */
export function pushAnswerPath(requestId: string): string {
  return `${pushApiPaths.requests}/${encodeURIComponent(requestId)}/answer`;
}

/**
 * How the number is matched (the organization's `push-number` setting): the 6 digits shown on
 * the computer typed in the app (the default, NIST 800-63B-4 §3.1.3.2), 2 digits typed, or the
 * 2-digit number picked among three.
 */
export const PushNumberMode = Type.Union([
  Type.Literal('typed-6'),
  Type.Literal('typed-2'),
  Type.Literal('pick-3'),
]);
export type PushNumberMode = Static<typeof PushNumberMode>;

/** What the app shows before anything else: who asks, from where, when. */
export const PushRequest = Type.Object({
  id: Type.String(),
  /** The application signing in (« Espace client »). */
  application: Type.String(),
  /** The browser and system of the computer, from its user agent (« Chrome 131 », « macOS »). */
  browser: Type.Union([Type.String(), Type.Null()]),
  system: Type.Union([Type.String(), Type.Null()]),
  ip: Type.String(),
  /** Its city and country (« Montréal, Canada »), when the server has a GeoIP database. */
  place: Type.Optional(Type.Object({ fr: Type.String(), en: Type.String() })),
  /** Milliseconds since the epoch. */
  createdAt: Type.Integer(),
  expiresAt: Type.Integer(),
  mode: PushNumberMode,
  /** pick-3 only: the three numbers to choose from, one of them shown on the computer. */
  choices: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{2}$' }))),
  /**
   * An operation an application asks the client to approve (CIBA's binding message: « Ajouter le
   * bénéficiaire Marie Tremblay ? »), shown first; absent for a sign-in.
   */
  bindingMessage: Type.Optional(Type.String({ maxLength: 200 })),
});
export type PushRequest = Static<typeof PushRequest>;

export const PushRequestsResponse = Type.Object({ requests: Type.Array(PushRequest) });
export type PushRequestsResponse = Static<typeof PushRequestsResponse>;

export const PushDecision = Type.Union([Type.Literal('approve'), Type.Literal('deny')]);
export type PushDecision = Static<typeof PushDecision>;

/** The answer's JWS: `alg` ES256, `kid` = deviceId, `typ` = `pushAnswerType`. */
export const pushAnswerType = 'sesame-push-answer+jwt';
/** An answer signed longer ago than this (or dated ahead by as much) is refused. */
export const pushAnswerMaxAgeSeconds = 120;

export const PushAnswerPayload = Type.Object(
  {
    /** The request (challenge) id. */
    cid: Type.String({ minLength: 1, maxLength: 64 }),
    /** The device id: the same as the header's `kid`. */
    did: Type.String({ minLength: 1, maxLength: 64 }),
    dec: PushDecision,
    /** The number typed or picked; required to approve. */
    num: Type.Optional(Type.String({ pattern: '^[0-9]{1,8}$' })),
    /** Seconds since the epoch. */
    iat: Type.Integer(),
  },
  { additionalProperties: false },
);
export type PushAnswerPayload = Static<typeof PushAnswerPayload>;

export const PushAnswerRequest = Type.Object(
  { answer: Type.String({ minLength: 1, maxLength: 2048 }) },
  { additionalProperties: false },
);
export type PushAnswerRequest = Static<typeof PushAnswerRequest>;

export const PushAnswerResponse = Type.Object({
  outcome: Type.Union([Type.Literal('approved'), Type.Literal('denied')]),
});
export type PushAnswerResponse = Static<typeof PushAnswerResponse>;

/** A browser's `PushSubscription.toJSON()`: an https endpoint and its RFC 8291 keys. */
export const PushSubscriptionBody = Type.Object({
  endpoint: Type.String({ pattern: '^https://', maxLength: 1024 }),
  expirationTime: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  keys: Type.Object({
    p256dh: Type.String({ pattern: '^[A-Za-z0-9_-]{80,100}$' }),
    auth: Type.String({ pattern: '^[A-Za-z0-9_-]{16,32}$' }),
  }),
});
export type PushSubscriptionBody = Static<typeof PushSubscriptionBody>;

export const VapidKeyResponse = Type.Object({
  /** base64url of the uncompressed P-256 point. */
  publicKey: Type.String(),
});
export type VapidKeyResponse = Static<typeof VapidKeyResponse>;

/** The encrypted payload of a Web Push message: which request, for whom to show it. */
export const PushMessage = Type.Object({
  type: Type.Literal('push-request'),
  id: Type.String(),
  application: Type.String(),
  expiresAt: Type.Integer(),
  /** An operation the application asks to approve (CIBA), not a sign-in. */
  operation: Type.Optional(Type.Boolean()),
});
export type PushMessage = Static<typeof PushMessage>;

/** The event of the request stream: the whole list of pending requests, each time it changes. */
export const pushStreamEvent = 'requests';
