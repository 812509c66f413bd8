/**
 * A sign-in page that has really expired is not a dead end (issue 6, §5): it says so and offers
 * « Recommencer la connexion », which starts a new sign-in at the Espace client.
 */
import { expect, test } from '@playwright/test';
import { SignInPage } from './pages/sign-in-page.ts';
import { saveScreenshot } from './support/page-checks.ts';
import { identityUrl, portalUrl } from './support/sesame-server.ts';

for (const lang of ['fr', 'en'] as const) {
  test(`an expired sign-in page leads back to the Espace client (${lang})`, async ({ page }) => {
    // A sign-in page whose interaction this browser does not have (expired, or an old link).
    await page.goto(`${identityUrl}/interaction/an-old-sign-in/enroll?lang=${lang}`);
    const restart = page.getByRole('link', {
      name: lang === 'fr' ? 'Recommencer la connexion' : 'Start signing in again',
    });
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(restart).toHaveAttribute('href', `${portalUrl}/login`);
    await saveScreenshot(page, `06-expired.${lang}.png`);
    await restart.click();
    await new SignInPage(page, lang === 'fr' ? 'fr' : 'en').expectLoaded();
  });
}
