import { ensureChromium } from './chromium';

/** vitest globalSetup for the end-to-end tests: a Chromium must exist before any test runs. */
export function setup(): void {
  const path = ensureChromium();
  process.env.CHROMIUM_PATH = path;
}
