/**
 * Helpers of the mail tests: an identity app that mails through the tests' own SMTP server, an
 * account whose address is verified, and the links a mail carries.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { markEmailVerified } from '../src/mail/verified-email.ts';
import type { TestApp, TestAppOptions } from './build-test-app.ts';
import { type Backend, buildTestApp } from './build-test-app.ts';
import { type SmtpRig, startSmtpRig } from './smtp-rig.ts';

export function buildMailingApp(
  backend: Backend,
  smtp: SmtpRig,
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  return buildTestApp(
    backend,
    { SESAME_SMTP_URL: smtp.url, SESAME_MAIL_FROM: 'Sesame <securite@example.ca>', ...env },
    options,
  );
}

/**
 * For a suite: one SMTP server for all its tests, and a fresh app mailing through it for each
 * (the server's inbox emptied, its failures reset). Read `suite.t` and `suite.smtp` in the tests.
 */
export function mailingSuite(
  backend: Backend,
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): { readonly t: TestApp; readonly smtp: SmtpRig } {
  let smtp: SmtpRig | undefined;
  let t: TestApp | undefined;
  beforeAll(async () => {
    smtp = await startSmtpRig();
  });
  afterAll(async () => smtp?.close());
  beforeEach(async () => {
    if (smtp === undefined) throw new Error('no SMTP server');
    smtp.received.length = 0;
    smtp.failNext(0);
    t = await buildMailingApp(backend, smtp, env, options);
  });
  afterEach(async () => t?.close());
  return {
    get t() {
      if (t === undefined) throw new Error('no app');
      return t;
    },
    get smtp() {
      if (smtp === undefined) throw new Error('no SMTP server');
      return smtp;
    },
  };
}

/** An account with a verified address (the link's own journey is tested on its own). */
export async function createVerifiedUser(
  t: TestApp,
  input: { username: string; name?: string; password: string; email: string; locale?: 'fr' | 'en' },
): Promise<string> {
  const { locale, ...account } = input;
  const accountId = await t.createUser(account);
  await markEmailVerified(t.db, accountId, t.clock.now);
  if (locale !== undefined)
    await t.db.updateTable('accounts').set({ locale }).where('id', '=', accountId).execute();
  return accountId;
}

/** The links of a mail's text, in order. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]);
}
