/**
 * The error catalogue: every coded error maps to one HTTP status and one message key of the
 * i18n catalogues. One handler (ui/error-handler.ts) renders them as HTML or JSON; 5xx never
 * carry details, and no message tells whether an account exists (G-11).
 */
import type { MessageKey } from './ui/i18n/messages.ts';

export const errorCatalogue = {
  'sign_in.failed': { status: 401, message: 'errors.signInFailed' },
  'sign_in.flow_expired': { status: 400, message: 'errors.flowExpired' },
  'sign_in.denied': {
    status: 403,
    message: 'errors.signInDenied',
    title: 'errors.signInDeniedTitle',
  },
  'request.csrf': { status: 403, message: 'errors.csrf' },
  'request.invalid': { status: 400, message: 'errors.invalidRequest' },
  'request.not_found': { status: 404, message: 'errors.notFound' },
  'request.too_many': { status: 429, message: 'errors.tooMany' },
  'admin.forbidden': {
    status: 403,
    message: 'errors.adminForbidden',
    title: 'errors.adminForbiddenTitle',
  },
  'admin.sign_in_failed': { status: 400, message: 'errors.adminSignInFailed' },
  'metrics.unauthorized': { status: 401, message: 'errors.metricsUnauthorized' },
  // The organization's branding (branding/change-branding.ts): what was refused, nothing stored.
  'branding.name_invalid': { status: 400, message: 'errors.brandingName' },
  'branding.logo_type': { status: 415, message: 'errors.brandingLogoType' },
  'branding.logo_too_large': { status: 413, message: 'errors.brandingLogoTooLarge' },
  'branding.colour_invalid': { status: 400, message: 'errors.brandingColour' },
  'branding.colour_contrast': { status: 400, message: 'errors.brandingContrast' },
  'branding.support_email_invalid': { status: 400, message: 'errors.brandingSupportEmail' },
  'branding.support_phone_invalid': { status: 400, message: 'errors.brandingSupportPhone' },
  'branding.support_url_invalid': { status: 400, message: 'errors.brandingSupportUrl' },
  // Groups and the MFA policy (policy/).
  'enroll.method_not_allowed': { status: 403, message: 'errors.methodNotAllowed' },
  'enroll.cannot_defer': { status: 403, message: 'errors.cannotDefer' },
  'group.name_taken': { status: 409, message: 'errors.groupNameTaken' },
  internal: { status: 500, message: 'errors.internal' },
} as const satisfies Record<string, { status: number; message: MessageKey; title?: MessageKey }>;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Where the user can start again (the application's sign-in), for a page that has expired. */
  readonly restartUrl: string | undefined;
  constructor(code: ErrorCode, options?: ErrorOptions & { restartUrl?: string }) {
    super(code, options);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.restartUrl = options?.restartUrl;
  }
}
