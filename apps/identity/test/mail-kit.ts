/**
 * Helpers of the mail tests: an identity app that mails through the tests' own SMTP server, an
 * account whose address is verified, and the links a mail carries.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { markEmailVerified } from '../src/mail/verified-email.ts';
import { type BrowserSession, hiddenField } from './browser-session.ts';
import type { TestApp, TestAppOptions } from './build-test-app.ts';
import { type Backend, buildTestApp } from './build-test-app.ts';
import { type ReceivedMail, type SmtpRig, startSmtpRig } from './smtp-rig.ts';

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

/** « Mot de passe oublié ? » in a browser: the form shown, then sent for `identifier`. */
export async function askForResetLink(browser: BrowserSession, identifier: string) {
  const page = await browser.get('/password/forgot?client=espace-client');
  return browser.post('/password/forgot?client=espace-client', {
    csrf: hiddenField(page.body, 'csrf'),
    identifier,
    client: hiddenField(page.body, 'client'),
  });
}

/** The path (and query) of the first link of the next mail to `email` matching `where`. */
export async function mailedLinkPath(
  smtp: SmtpRig,
  email: string,
  where: (mail: ReceivedMail) => boolean = () => true,
): Promise<string> {
  const mail = await smtp.waitFor(email, where);
  const [link] = linksIn(mail.text);
  if (link === undefined) throw new Error('no link in the mail');
  const url = new URL(link);
  return url.pathname + url.search;
}

/** Open a reset link and set `password` with its form; returns the final response. */
export async function setPasswordByLink(browser: BrowserSession, path: string, password: string) {
  const page = await browser.get(path);
  if (page.statusCode !== 200) return page;
  return browser.post('/password/reset', {
    csrf: hiddenField(page.body, 'csrf'),
    token: hiddenField(page.body, 'token'),
    client: hiddenField(page.body, 'client'),
    password,
  });
}
