/**
 * The SMS code's screens in Chromium on a phone's width, French and English, through a listening
 * identity server whose SMS provider is the local stand-in of the Messages API: step 9 with
 * « Code par SMS » offered first among the code methods' others, its enrollment (the number held
 * on the account, the risk said), the code sent, and a later sign-in's « Envoyer un code par SMS »
 * then the code with « Renvoyer le code ». The README's pictures (docs/screenshots/sent-codes/).
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeUrl } from '../../../test/browser-session.ts';
import type { TestApp } from '../../../test/build-test-app.ts';
import { launchChromium, phoneContext } from '../../../test/chromium-kit.ts';
import { listenTestApp } from '../../../test/listen-test-app.ts';
import { codeIn, password } from '../../../test/sent-code-kit.ts';
import { type SmsApiStandIn, startSmsApiStandIn } from '../../../test/sms-api-stand-in.ts';
import { cliActor } from '../../accounts/operations/actor.ts';
import { setPhoneNumber } from '../../accounts/operations/set-phone-number.ts';

const phone = '+15145550100';
const shots = new URL('../../../../../docs/screenshots/sent-codes/', import.meta.url).pathname;
const words = {
  fr: {
    choose: 'Choisir Code par SMS',
    send: 'Envoyer un code par SMS',
    activate: 'Activer',
    finish: 'Terminer',
  },
  en: {
    choose: 'Choose SMS code',
    send: 'Send a code by SMS',
    activate: 'Activate',
    finish: 'Finish',
  },
} as const;

describe('the SMS code screens (Chromium, phone width)', () => {
  let api: SmsApiStandIn;
  let t: TestApp & { url: string };
  beforeAll(async () => {
    api = await startSmsApiStandIn();
    t = await listenTestApp('sqlite', api.env, { orgMfaRequired: true });
  });
  afterAll(async () => {
    await t.close();
    await api.close();
  });

  async function signIn(page: Page, username: string) {
    // The client's redirect at the end goes to a portal that is not running here: not followed.
    await page.route('http://localhost:3001/**', (route) => route.fulfill({ body: 'client' }));
    await page.goto(`${t.url}${authorizeUrl().url}`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('form button[type="submit"]').first().click();
  }

  const lastCode = () => codeIn(api.lastTo(phone)?.body ?? '');

  for (const lang of ['fr', 'en'] as const) {
    it(`enrolls and signs in with an SMS code (${lang})`, async () => {
      const w = words[lang];
      const username = `samuel.${lang}`;
      const accountId = await t.createUser({ username, password });
      await setPhoneNumber({ db: t.db, now: () => t.clock.now }, cliActor, {
        accountId,
        phoneNumber: phone,
      });
      const browser = await launchChromium();
      try {
        const context = await phoneContext(browser, lang);
        const page = await context.newPage();
        await signIn(page, username);
        await page.getByRole('link', { name: w.choose }).click();
        await page.getByRole('button', { name: w.send }).waitFor();
        expect(await page.textContent('main')).toContain('+1 •••••• 0100');
        await page.screenshot({ path: `${shots}sms-enroll.phone.${lang}.png`, fullPage: true });
        await page.getByRole('button', { name: w.send }).click();
        await page.locator('input[name="code"]').waitFor();
        await page.screenshot({
          path: `${shots}sms-enroll-sent.phone.${lang}.png`,
          fullPage: true,
        });
        await page.locator('input[name="code"]').fill(lastCode());
        await page.getByRole('button', { name: w.activate }).click();
        await page.getByRole('button', { name: w.finish }).click();
        await page.waitForURL('http://localhost:3001/**');
        await context.close();

        // A later sign-in, in another browser: the SMS code is the account's method.
        t.clock.advance(60);
        const later = await (await phoneContext(browser, lang)).newPage();
        await signIn(later, username);
        await later.getByRole('button', { name: w.send }).waitFor();
        await later.screenshot({ path: `${shots}sms-verify.phone.${lang}.png`, fullPage: true });
        await later.getByRole('button', { name: w.send }).click();
        await later.locator('input[name="code"]').waitFor();
        await later.screenshot({
          path: `${shots}sms-verify-sent.phone.${lang}.png`,
          fullPage: true,
        });
        const scrolls = await later.evaluate(
          () => document.documentElement.scrollWidth > window.innerWidth,
        );
        expect(scrolls).toBe(false);
        await later.locator('input[name="code"]').fill(lastCode());
        await later.locator('form button[type="submit"]').first().click();
        await later.waitForURL('http://localhost:3001/**');
      } finally {
        await browser.close();
      }
    }, 60_000);
  }
});
