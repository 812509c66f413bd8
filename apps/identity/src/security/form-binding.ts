/**
 * CSRF for the forms of pages no one is signed in to (« Mot de passe oublié », the links sent by
 * mail), G-29: a random value in a cookie of this browser, set when the page is shown, and the
 * form's token an HMAC of it (security/csrf.ts); the Fetch Metadata and Origin checks besides.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { CookiePolicy } from './cookies.ts';
import { csrfToken, isCsrfSafe } from './csrf.ts';

export interface FormBindingOptions {
  cookies: CookiePolicy;
  csrfKey: Buffer;
  publicOrigin: string;
}

const cookieBase = 'sesame-form';

/** The token for this browser's forms, setting its cookie when it has none yet. */
export function formToken(
  options: FormBindingOptions,
  request: FastifyRequest,
  reply: FastifyReply,
): string {
  const name = options.cookies.name(cookieBase);
  let value = request.cookies[name];
  if (value === undefined || !/^[A-Za-z0-9_-]{22,64}$/.test(value)) {
    value = randomBytes(16).toString('base64url');
    reply.setCookie(name, value, options.cookies.options(3600));
  }
  return csrfToken(options.csrfKey, `form:${value}`);
}

/** A POST of such a form: refused (403) unless its token is this browser's. */
export function checkFormToken(
  options: FormBindingOptions,
  request: FastifyRequest,
  token: unknown,
): void {
  const value = request.cookies[options.cookies.name(cookieBase)];
  const safe =
    value !== undefined &&
    isCsrfSafe(request, {
      key: options.csrfKey,
      binding: `form:${value}`,
      publicOrigin: options.publicOrigin,
      token,
    });
  if (!safe) throw new AppError('request.csrf');
}
