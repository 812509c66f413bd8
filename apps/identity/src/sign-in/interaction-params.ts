/** The path parameter of every sign-in page: oidc-provider's interaction uid. */
import { Type } from 'typebox';

export const InteractionParams = Type.Object({
  uid: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
});
