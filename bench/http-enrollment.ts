/**
 * Enrollment of « another authenticator app » through the real pages, as a person does it at
 * their first sign-in: password → the choice of method → the app's page, whose key is read off
 * the screen (as one types it into the app) → its current code → « Terminer » → back to the
 * client with a code, redeemed for tokens. Returns what the app now holds.
 */
import { findLink, textOf } from './html-form.ts';
import { codeFromCallback, type OidcClient, redeemCode } from './oidc-client.ts';
import { type Credentials, passwordStep } from './password-step.ts';
import type { EnrolledAccount } from './totp-account-pool.ts';
import { decodeBase32, totpCode, totpStepAt } from './totp-code.ts';

export async function enrollOverHttp(
  client: OidcClient,
  credentials: Credentials,
): Promise<EnrolledAccount> {
  const { browser, request, reply: choosePage } = await passwordStep(client, credentials);
  const link = findLink(choosePage.text, '/enroll/other-app');
  if (link === undefined)
    throw new Error(`enrollment: HTTP ${choosePage.status}, no link to « other app »`);
  const appPage = await browser.open(link);
  const key = textOf(appPage.text, 'data-secret');
  if (key === undefined) throw new Error(`enrollment: HTTP ${appPage.status}, no key on the page`);
  const secret = decodeBase32(key);
  const step = totpStepAt(Date.now());
  const form = browser.formOn(appPage, '/enroll/other-app', 'enrollment page');
  const donePage = await browser.submit(form, { code: totpCode(secret, step) });
  const finished = await browser.submit(browser.formOn(donePage, '/enroll/done', 'done page'), {});
  await redeemCode(browser, client, codeFromCallback(client, finished, request), request);
  return { ...credentials, secret, lastStep: step };
}
