import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const screenshotsDir = fileURLToPath(new URL('../../assets/screenshots', import.meta.url));

/** Saves what the window shows as assets/screenshots/<name>.png, for the README. */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  // No caret blinking or hover states in the pictures.
  await page.mouse.move(0, 0);
  await page.screenshot({
    path: join(screenshotsDir, `${name}.png`),
    fullPage: options.fullPage ?? false,
    animations: 'disabled',
    caret: 'hide',
  });
}
