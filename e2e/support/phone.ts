/**
 * The second device of the guide: an iPhone (Playwright's iPhone 13 screen, user agent, touch)
 * running Sesame Verify in its own Chromium, next to the desktop's. Its camera, when it needs
 * one, is Chromium's fake capture device playing a clip (fake-camera.ts), so each clip gets its
 * own browser. `test` adds a `phones` fixture that closes every phone after the test (Playwright
 * traces the phones' contexts along with the desktop's: `trace: 'retain-on-failure'`).
 */
import { rm } from 'node:fs/promises';
import {
  type Browser,
  type BrowserContext,
  test as base,
  devices,
  type Page,
  type PlaywrightWorkerArgs,
  type TestInfo,
} from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath, fakeCameraArgs } from './chromium.ts';
import { writeQrClip } from './fake-camera.ts';
import { verifyLabels } from './labels.ts';

export interface Phone {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions and console errors of the app: a test ends by expecting none. */
  problems: string[];
}

export class Phones {
  private readonly opened: Browser[] = [];
  /** The camera clips (about 14 MB each), removed after a passing test. */
  private readonly clips: string[] = [];

  private readonly playwright: PlaywrightWorkerArgs['playwright'];
  private readonly testInfo: TestInfo;

  constructor(playwright: PlaywrightWorkerArgs['playwright'], testInfo: TestInfo) {
    this.playwright = playwright;
    this.testInfo = testInfo;
  }

  /** A phone whose camera films the QR code of `text` (the desktop's activation link). */
  async withCameraOn(text: string): Promise<Phone> {
    const clip = this.testInfo.outputPath(`camera-${this.opened.length + 1}.y4m`);
    await writeQrClip(clip, text);
    this.clips.push(clip);
    return this.open(fakeCameraArgs(clip));
  }

  /** A phone without a camera clip (for the paths that type instead of scanning). */
  async withoutCamera(): Promise<Phone> {
    return this.open([]);
  }

  private async open(extraArgs: string[]): Promise<Phone> {
    const browser = await this.playwright.chromium.launch({
      executablePath: chromiumExecutablePath,
      args: [...chromiumArgs, ...extraArgs],
    });
    const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices['iPhone 13'];
    const context = await browser.newContext({
      viewport,
      userAgent,
      deviceScaleFactor,
      isMobile,
      hasTouch,
      locale: verifyLabels.locale,
      permissions: ['camera'],
    });
    this.opened.push(browser);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    return { page, context, problems };
  }

  async closeAll(): Promise<void> {
    for (const browser of this.opened) await browser.close();
    this.opened.length = 0;
    if (this.testInfo.status === this.testInfo.expectedStatus) {
      for (const clip of this.clips) await rm(clip, { force: true });
    }
    this.clips.length = 0;
  }
}

export const test = base.extend<{ phones: Phones }>({
  phones: async ({ playwright }, use, testInfo) => {
    const phones = new Phones(playwright, testInfo);
    await use(phones);
    await phones.closeAll();
  },
});

export { expect } from '@playwright/test';
