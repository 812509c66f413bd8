/** Checks and captures shared by the specs: horizontal overflow and the docs' screenshots. */
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { screenshotsDir } from './sesame-server.ts';

/** Nothing wider than the viewport: the page never scrolls sideways (phones included). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(widths.scrollWidth, `page is wider than the viewport: ${page.url()}`).toBeLessThanOrEqual(
    widths.innerWidth,
  );
}

/** Saves a full-page screenshot under docs/screenshots/ with a stable name (overwritten each run). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: join(screenshotsDir, name),
    fullPage: true,
    animations: 'disabled',
  });
}

/** A RegExp matching URLs that start with `prefix`, for `toHaveURL`. */
export function startingWith(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}
