// Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core.
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.BROADSHEET_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/**
 * Records console errors and uncaught page errors, so a test can assert there were none.
 * @param {import('playwright-core').Page} page
 */
export function collectPageErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}
