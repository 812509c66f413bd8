/**
 * What « Créer un compte » does after the page has answered (the same answer, at once, whatever
 * follows: no enumeration). Under the limits — per source address, and per email address — the
 * account is made unverified and mailed its verification link; if the address is already an
 * account's, that account's owner is mailed instead (at a verified address only), pointing to the
 * sign-in and the password reset; if only the username is taken, the address given is told the
 * account could not be made. Nothing of it shows on the page.
 */
import type { Kysely } from 'kysely';
import { canonicalizeIdentifier } from '../accounts/canonical-identifier.ts';
import type { OperationOrigin } from '../accounts/operations/operation-deps.ts';
import { selfRegister } from '../accounts/operations/self-register.ts';
import type { PasswordHasher } from '../accounts/password-hasher.ts';
import { findAccountByIdentifier } from '../accounts/queries.ts';
import type { Database } from '../db/database.ts';
import { sendVerificationLink } from '../mail/email-verification.ts';
import { linkMail } from '../mail/link-mail.ts';
import { mailTextFor } from '../mail/mail-catalogue.ts';
import type { Mailer } from '../mail/mailer.ts';
import { findMailRecipient } from '../mail/verified-email.ts';
import { forgotPath } from '../password-reset/password-reset-routes.tsx';
import { resetAccountPolicy, resetIpPolicy } from '../password-reset/reset-limits.ts';
import type { AttemptLimiter } from '../security/attempt-limiter.ts';
import { ipBucket } from '../security/client-ip.ts';
import { isLocale, type Locale } from '../ui/i18n/messages.ts';

export interface RegistrationDeps {
  db: Kysely<Database>;
  now: () => number;
  hasher: PasswordHasher;
  mailer: Mailer;
  limiter: AttemptLimiter;
  publicUrl: string;
}

export interface Registration {
  username: string;
  email: string;
  name: string | undefined;
  password: string;
  locale: Locale;
  ip: string;
  origin: OperationOrigin;
}

/** The counters of a registration: its source address's, and the email address's. */
export function registrationLimits(ip: string, email: string) {
  return [
    { key: `register-ip:${ipBucket(ip)}`, policy: resetIpPolicy },
    { key: `register:${canonicalizeIdentifier(email)}`, policy: resetAccountPolicy },
  ];
}

export async function completeRegistration(
  deps: RegistrationDeps,
  input: Registration,
): Promise<void> {
  const reserved = await deps.limiter.reserveAll(
    registrationLimits(input.ip, input.email),
    deps.now(),
  );
  if (!reserved.allowed) return;
  const created = await selfRegister(deps, input);
  if (created.ok) {
    await sendVerificationLink(deps, created.accountId);
    return;
  }
  if (created.code !== 'accounts.identifier_taken') return;
  const owner = await findAccountByIdentifier(deps.db, canonicalizeIdentifier(input.email));
  if (owner !== undefined) {
    // The address is an account's: its owner hears of it, at its verified address only.
    const to = await findMailRecipient(deps.db, owner.id);
    if (to === undefined) return;
    const keys = {
      subject: 'registration.exists.subject',
      body: 'registration.exists.body',
      ignore: 'registration.exists.ignore',
    } as const;
    await deps.mailer.send(linkMail(to, { ...keys, vars: {} }, `${deps.publicUrl}${forgotPath}`));
    return;
  }
  // Only the username is taken: the registrant is told at the address they gave (theirs).
  const m = mailTextFor(isLocale(input.locale) ? input.locale : 'fr');
  await deps.mailer.send({
    to: input.email,
    subject: m('registration.unavailable.subject'),
    text: `${[m('greeting', { name: input.name ?? input.username }), '', m('registration.unavailable.body', { username: input.username }), '', m('signature')].join('\n')}\n`,
  });
}
