/** The path parameter of every sign-in page: oidc-provider's interaction uid (or a step-up's id). */
import { Type } from 'typebox';

/** An opaque record id as Sesame's URLs and cookies carry it (flows, step-ups, methods). */
export const opaqueIdPattern = '^[A-Za-z0-9_-]{1,64}$';

export const InteractionParams = Type.Object({
  uid: Type.String({ pattern: opaqueIdPattern }),
});
