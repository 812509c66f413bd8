/**
 * The app's coded errors: the code is the only thing callers switch on, and it doubles as the
 * key of the translated message (`errors.<code>` in the PWA's catalogues, one line in the CLI).
 */
export type VerifyErrorCode =
  /** The activation link or code is wrong, expired or already used (the server does not say which). */
  | 'activation.invalid'
  /** Not an activation link of a Sesame server (other path, no token, unsafe scheme). */
  | 'link.invalid'
  /** The server answered 429: too many attempts. */
  | 'rate_limited'
  /** The server could not be reached. */
  | 'network'
  /** The server answered, but not as the contract says (5xx, malformed body). */
  | 'server'
  /** The server no longer knows this device (removed from the security page, MFA reset). */
  | 'device.unauthorized'
  /** No such push request for this device (or not any more). */
  | 'push.not_found'
  /** The push request's 2 minutes are over. */
  | 'push.expired'
  /** The push request was already answered (here, or by a replay). */
  | 'push.already_answered'
  /** The number did not match the computer's: that sign-in was refused. */
  | 'push.wrong_number';

export class VerifyError extends Error {
  override readonly name = 'VerifyError';
  readonly code: VerifyErrorCode;
  constructor(code: VerifyErrorCode, message: string = code, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isVerifyError(error: unknown, code?: VerifyErrorCode): error is VerifyError {
  return error instanceof VerifyError && (code === undefined || error.code === code);
}
