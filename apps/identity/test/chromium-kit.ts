/**
 * Chromium for the tests that look at pages themselves (playwright-core on Debian's Chromium):
 * the browser, and a context as a phone (an iPhone's screen and agent) in French or English.
 */
import { type Browser, type BrowserContext, chromium, devices } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
}

export function phoneContext(browser: Browser, lang: 'fr' | 'en'): Promise<BrowserContext> {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices['iPhone 13'];
  return browser.newContext({
    viewport,
    userAgent,
    deviceScaleFactor,
    isMobile,
    hasTouch,
    locale: lang === 'fr' ? 'fr-CA' : 'en-CA',
  });
}
