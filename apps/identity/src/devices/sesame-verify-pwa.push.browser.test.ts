/**
 * Sesame Verify's PWA approves a push in a real browser (Debian's Chromium, an iPhone's screen):
 * after enrollment it asks for notifications with the iPhone note; a push started for the account
 * reaches the open app through its live stream and opens the request, which shows what is asked
 * first; the number typed approves it, a pick-3 request offers three numbers, and « Ce n'était pas
 * moi » denies it; a Web Push message handed to its service worker shows as a notification of
 * the request. French and English.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, phoneContext } from '../../test/chromium-kit.ts';
import { writeCityDatabaseFile } from '../../test/city-database-fixture.ts';
import { activationLinkFor, openPushRig, type PushRig } from '../../test/push-rig.ts';
import { setPushNumberMode } from '../factors/push/push-number-mode.ts';
import { pushOutcome } from '../factors/push/push-outcome.ts';

const labels = {
  fr: {
    next: 'Suivant',
    done: 'Terminé',
    later: 'Plus tard',
    number: 'Saisissez le nombre affiché sur votre ordinateur',
    approve: 'Approuver',
    deny: "Ce n'était pas moi",
    approved: 'Approuvé.',
    ios: 'iOS 16.4',
    place: 'Montréal, Canada',
  },
  en: {
    next: 'Next',
    done: 'Done',
    later: 'Not now',
    number: 'Enter the number shown on your computer',
    approve: 'Approve',
    deny: "It wasn't me",
    approved: 'Approved.',
    ios: 'iOS 16.4',
    place: 'Montreal, Canada',
  },
} as const;

/** The README's pictures of the app (docs/screenshots/sesame-verify/), overwritten each run. */
const shots = fileURLToPath(
  new URL('../../../../docs/screenshots/sesame-verify/', import.meta.url),
);
const shoot = (page: Page, name: string, lang: string) =>
  page.screenshot({ path: `${shots}phone-verify-${name}.${lang}.png`, fullPage: true });

describe.each(['fr', 'en'] as const)('the PWA approves a push (%s)', (lang) => {
  let rig: PushRig;
  beforeEach(async () => {
    // A city database, so that the request says where the computer is (« Lieu »).
    rig = await openPushRig(
      'sqlite',
      { SESAME_GEOIP_CITY_DB: writeCityDatabaseFile() },
      { listen: true },
    );
  });
  afterEach(() => rig.close());

  it('asks for notifications, then approves with the number and denies', async () => {
    const l = labels[lang];
    const { accountId, link } = await activationLinkFor(rig, 'camille');
    const browser = await launchChromium();
    try {
      const context = await phoneContext(browser, lang);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(link);
      await page.getByRole('button', { name: l.next }).click();
      await page.getByRole('button', { name: l.done }).click();
      const notify = page.getByTestId('screen-notifications');
      await notify.waitFor();
      expect(await notify.textContent()).toContain(l.ios);
      await shoot(page, '19-notifications', lang);
      await page.getByRole('button', { name: l.later }).click();
      await page.getByTestId('screen-accounts').waitFor();

      // Real time here: the browser's clock is the wall clock.
      rig.t.clock.now = Date.now();
      const authenticatorId = (
        await rig.t.db
          .selectFrom('authenticators')
          .select('id')
          .where('account_id', '=', accountId)
          .executeTakeFirstOrThrow()
      ).id;
      const phone = { accountId, authenticatorId };
      const push = await rig.start(phone);
      const asked = page.getByTestId('push-context');
      await asked.waitFor({ timeout: 5000 });
      const shown = await asked.textContent();
      for (const text of ['Espace client', 'Chrome 131', 'macOS', '203.0.113.7', l.place])
        expect(shown).toContain(text);
      await shoot(page, '20-push-request', lang);
      await page.getByLabel(l.number).fill(push.display);
      await page.getByRole('button', { name: l.approve }).click();
      await page.getByTestId('notice').waitFor();
      expect(await page.getByTestId('notice').textContent()).toContain(l.approved);
      await shoot(page, '21-push-approved', lang);
      const target = { id: push.id, accountId, flowId: push.flowId };
      expect(await pushOutcome(rig.deps, target)).toEqual({ status: 'approved' });

      await setPushNumberMode(rig.t.db, 'pick-3');
      rig.t.clock.now = Date.now();
      const picked = await rig.start(phone);
      await page.getByTestId('push-context').waitFor({ timeout: 5000 });
      expect(await page.getByRole('button', { name: picked.display, exact: true }).count()).toBe(1);
      await shoot(page, '22-push-pick-3', lang);
      await page.getByRole('button', { name: l.deny }).click();
      await page.getByTestId('notice').waitFor();
      await shoot(page, '23-push-denied', lang);
      const denied = { id: picked.id, accountId, flowId: picked.flowId };
      expect(await pushOutcome(rig.deps, denied)).toEqual({ status: 'denied', reason: 'not_me' });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('shows a Web Push message as a notification of the request', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-CA' : 'en-CA' });
      await context.grantPermissions(['notifications'], { origin: rig.t.config.publicUrl });
      const page = await context.newPage();
      await page.goto(`${rig.t.config.publicUrl}/app/`);
      // The app registers its service worker; CDP hands it a push as a push service would.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      const cdp = await context.newCDPSession(page);
      const registrationId = new Promise<string>((resolve) => {
        cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
          const ours = registrations.find((r) => r.scopeURL.endsWith('/app/') && !r.isDeleted);
          if (ours) resolve(ours.registrationId);
        });
      });
      await cdp.send('ServiceWorker.enable');
      const message = {
        type: 'push-request',
        id: 'a1b2c3',
        application: 'Espace client',
        expiresAt: Date.now() + 120_000,
      };
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin: new URL(rig.t.config.publicUrl).origin,
        registrationId: await registrationId,
        data: JSON.stringify(message),
      });
      const shown = () =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready;
          const [notification] = await registration.getNotifications();
          return notification
            ? { title: notification.title, body: notification.body, data: notification.data }
            : null;
        });
      await expect.poll(shown, { timeout: 5000 }).toEqual({
        title: lang === 'fr' ? 'Demande de connexion' : 'Sign-in request',
        body:
          lang === 'fr'
            ? 'Ouvrez Sesame Verify pour approuver la connexion à Espace client.'
            : 'Open Sesame Verify to approve the sign-in to Espace client.',
        data: { id: 'a1b2c3' },
      });
    } finally {
      await browser.close();
    }
  });
});
