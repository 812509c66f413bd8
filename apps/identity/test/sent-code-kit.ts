/**
 * Helpers of the email and SMS code tests: codes read from what really arrived (the tests' SMTP
 * server, the SMS provider's stand-in), an account that enrolled an app and an email code through
 * the real pages, and a second-factor step where a code was sent.
 */

import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { setOrgMfaRequired } from '../src/policy/mfa-policy.ts';
import { BrowserSession, hiddenField } from './browser-session.ts';
import type { Backend, TestApp } from './build-test-app.ts';
import { buildMailingApp, createVerifiedUser } from './mail-kit.ts';
import {
  atSecondFactor,
  enrollOtherApp,
  finishEnrollment,
  interactionPath,
  passwordStep,
} from './mfa-kit.ts';
import { idTokenClaims as redeemedClaims } from './security-page-kit.ts';
import { type ReceivedMail, type SmtpRig, startSmtpRig } from './smtp-rig.ts';

export const password = 'anse aux Meadows 1021';

/** The 6-digit code a mail or text message carries. */
export function codeIn(text: string): string {
  const code = /\b([0-9]{6})\b/.exec(text)?.[1];
  if (code === undefined) throw new Error(`no code in: ${text}`);
  return code;
}

/** Reads codes off the mail arriving at the SMTP server, each mail once, in order. */
export function mailCodes(smtp: SmtpRig) {
  const seen = new Set<ReceivedMail>();
  // Code mails only (notices of a method added also arrive).
  const isCode = (m: ReceivedMail) => /code de vérification|verification code/i.test(m.subject);
  return {
    async next(to: string): Promise<{ code: string; mail: ReceivedMail }> {
      const mail = await smtp.waitFor(to, (m) => isCode(m) && !seen.has(m));
      seen.add(mail);
      return { code: codeIn(mail.text), mail };
    },
    /** Mail to `to` not read yet (none expected: nothing was sent). */
    unread: (to?: string) =>
      smtp.received.filter(
        (m) => isCode(m) && !seen.has(m) && (to === undefined || m.to.includes(to)),
      ),
  };
}

export type MailCodes = ReturnType<typeof mailCodes>;

/** Enroll a sent-code method on the enrollment step; returns its authenticator's id. */
export async function enrollSentCode(
  browser: BrowserSession,
  base: string,
  slug: string,
  nextCode: () => Promise<string>,
): Promise<string> {
  const page = await browser.get(`${base}/enroll/${slug}`);
  if (page.statusCode !== 200) throw new Error(`no ${slug} page: ${page.statusCode}`);
  const csrf = hiddenField(page.body, 'csrf');
  const sent = await browser.post(`${base}/enroll/${slug}/send`, { csrf });
  if (sent.statusCode !== 303) throw new Error(`${slug} not sent: ${sent.statusCode} ${sent.body}`);
  const form = await browser.follow(sent);
  const authenticatorId = hiddenField(form.body, 'authenticatorId');
  const confirm = await browser.post(`${base}/enroll/${slug}`, {
    csrf,
    authenticatorId,
    code: await nextCode(),
  });
  if (confirm.statusCode !== 303) throw new Error(`${slug} refused: ${confirm.statusCode}`);
  return authenticatorId;
}

/**
 * An account with a verified address that enrolled another app and then an email code (step 9)
 * through the real pages. The organization's MFA setting is then `orgMfaRequired`.
 */
export async function emailCodeAccount(
  t: TestApp,
  codes: MailCodes,
  input: { username: string; email: string; orgMfaRequired?: boolean },
) {
  const accountId = await createVerifiedUser(t, { ...input, password });
  await setOrgMfaRequired(t.db, true);
  const browser = new BrowserSession(t.app, t.config.publicUrl);
  const base = interactionPath((await passwordStep(browser, input.username, password)).location);
  const secret = await enrollOtherApp(t, browser, base);
  const emailAuthenticatorId = await enrollSentCode(
    browser,
    base,
    'email-code',
    async () => (await codes.next(input.email)).code,
  );
  await finishEnrollment(browser, base);
  await setOrgMfaRequired(t.db, input.orgMfaRequired ?? false);
  t.clock.advance(60);
  return { accountId, secret, emailAuthenticatorId };
}

/** A fresh browser at the second-factor step, the sent-code method chosen, and a code sent. */
export async function codeSent(t: TestApp, username: string, authenticatorId: string) {
  const { b, base } = await atSecondFactor(t, username, password);
  const page = await b.get(`${base}/verify?authenticator=${authenticatorId}`);
  const csrf = hiddenField(page.body, 'csrf');
  const sent = await b.post(`${base}/verify/start`, { csrf, authenticatorId });
  return { b, base, page, sent, form: { csrf, authenticatorId } };
}

/** « Renvoyer le code » on the second-factor page. */
export function resend(
  b: BrowserSession,
  base: string,
  form: { csrf: string; authenticatorId: string },
) {
  return b.post(`${base}/verify/start`, form);
}

/**
 * A suite's mailing rig: one SMTP server for the suite, and for each test a fresh app that mails
 * through it and a reader of the codes that arrive. Read its fields inside the tests.
 */
export function withMailingApp(backend: Backend) {
  const rig = {} as { smtp: SmtpRig; t: TestApp; codes: MailCodes };
  beforeAll(async () => {
    rig.smtp = await startSmtpRig();
  });
  afterAll(() => rig.smtp.close());
  beforeEach(async () => {
    rig.t = await buildMailingApp(backend, rig.smtp);
    rig.smtp.received.length = 0;
    rig.codes = mailCodes(rig.smtp);
  });
  afterEach(() => rig.t.close());
  return rig;
}

/** The ID token's claims of a sign-in that ended at the client (`done`: its redirect). */
export async function idTokenClaims(
  t: TestApp,
  done: { headers: Record<string, unknown> },
  verifier: string,
): Promise<Record<string, unknown>> {
  return (await redeemedClaims(t, done, verifier)).claims;
}
