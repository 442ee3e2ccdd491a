// Debian's Chromium for browser tests and benchmarks (never a downloaded browser), with
// the flags this closed network needs (tests/tools/system-packages.ts).
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tools/system-packages';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** A PC-sized window, in Japanese, in Japan's time zone, as the staff's machines are. */
export const desktopViewport: BrowserContextOptions = { viewport: { width: 1366, height: 768 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' };

/** A ChromeOS 2-in-1 tablet held in landscape: touch, and the app's large targets. */
export const tabletViewport: BrowserContextOptions = {
  viewport: { width: 1024, height: 768 },
  hasTouch: true,
  isMobile: false,
  locale: 'ja-JP',
  timezoneId: 'Asia/Tokyo',
};

/**
 * Collects the page errors and console errors of a context, so a test can assert there
 * were none. Chromium's own notes about refused requests are left out: tests that take
 * the server away or revoke a device cause them on purpose.
 */
export function collectPageErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  context.on('weberror', (error) => errors.push(String(error.error())));
  context.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  return errors;
}
