/**
 * The browser's answers to a ceremony (what @simplewebauthn/browser's startRegistration and
 * startAuthentication return), posted as JSON in a form field: parsed and checked for shape here,
 * at the edge, before @simplewebauthn/server verifies what they prove.
 */
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { Type } from 'typebox';
import { compileLater } from '../../security/compile-later.ts';

const Base64Url = Type.String({ pattern: '^[A-Za-z0-9_-]*$', maxLength: 8192 });
const Common = {
  id: Base64Url,
  rawId: Base64Url,
  type: Type.Literal('public-key'),
  clientExtensionResults: Type.Object({}, { additionalProperties: true }),
  authenticatorAttachment: Type.Optional(
    Type.Union([Type.Literal('platform'), Type.Literal('cross-platform')]),
  ),
};

const RegistrationJson = Type.Object({
  ...Common,
  response: Type.Object({
    clientDataJSON: Base64Url,
    attestationObject: Base64Url,
    transports: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 8 })),
  }),
});

const AuthenticationJson = Type.Object({
  ...Common,
  response: Type.Object({
    clientDataJSON: Base64Url,
    authenticatorData: Base64Url,
    signature: Base64Url,
    userHandle: Type.Optional(Base64Url),
  }),
});

const registrationCheck = compileLater(RegistrationJson);
const authenticationCheck = compileLater(AuthenticationJson);

function parseWith<T>(check: { Check(value: unknown): boolean }, text: string | undefined) {
  if (text === undefined || text === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return check.Check(value) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

/** A registration answer, or undefined when it is not one. */
export function parseRegistrationJson(text: string | undefined) {
  return parseWith<RegistrationResponseJSON>(registrationCheck, text);
}

/** An authentication answer (an assertion), or undefined when it is not one. */
export function parseAuthenticationJson(text: string | undefined) {
  return parseWith<AuthenticationResponseJSON>(authenticationCheck, text);
}
