/** Readable English reasons for the codes of account validation and password policy. */
import type { EmailValidation, UsernameValidation } from '../accounts/canonical-identifier.ts';
import type { CreateAccountResult } from '../accounts/create-account.ts';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_ONLY_MIN_LENGTH,
  type PasswordPolicyViolation,
} from '../accounts/password-policy.ts';

type UsernameProblem = Extract<UsernameValidation, { ok: false }>['reason'];
type EmailProblem = Extract<EmailValidation, { ok: false }>['reason'];

const PASSWORD_PROBLEMS: Record<PasswordPolicyViolation, string> = {
  too_short: `password too short: at least ${PASSWORD_MIN_LENGTH} characters (${PASSWORD_ONLY_MIN_LENGTH} when no MFA is required)`,
  too_long: `password too long: at most ${PASSWORD_MAX_LENGTH} characters`,
  common: 'password too common or too easy to guess',
  contains_context: "password contains the username, email, name or the service's name",
};

const USERNAME_PROBLEMS: Record<UsernameProblem, string> = {
  empty: 'invalid username: empty',
  too_long: 'invalid username: at most 254 characters',
  invalid_characters: 'invalid username: only letters, digits and . _ - @ + are allowed',
};

const EMAIL_PROBLEMS: Record<EmailProblem, string> = {
  empty: 'invalid email: empty',
  too_long: 'invalid email: at most 254 characters',
  invalid_format: 'invalid email: expected an address like name@example.org',
};

export function describePasswordProblem(reason: string): string {
  return PASSWORD_PROBLEMS[reason as PasswordPolicyViolation] ?? `password refused: ${reason}`;
}

export function describeUsernameProblem(reason: string): string {
  return USERNAME_PROBLEMS[reason as UsernameProblem] ?? `invalid username: ${reason}`;
}

export function describeEmailProblem(reason: string): string {
  return EMAIL_PROBLEMS[reason as EmailProblem] ?? `invalid email: ${reason}`;
}

/** Why an account was not created, in the words of the CLI. */
export function describeCreateFailure(result: Extract<CreateAccountResult, { ok: false }>): string {
  switch (result.code) {
    case 'accounts.invalid_username':
      return describeUsernameProblem(result.reason);
    case 'accounts.invalid_email':
      return describeEmailProblem(result.reason);
    case 'accounts.weak_password':
      return describePasswordProblem(result.reason);
    case 'accounts.identifier_taken':
      return 'username or email already used by another account';
  }
}
