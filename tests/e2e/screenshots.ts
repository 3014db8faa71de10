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
  const shot = () =>
    page.screenshot({ path: join(screenshotsDir, `${name}.png`), animations: 'disabled', caret: 'hide' });
  const viewport = page.viewportSize();
  if (options.fullPage !== true || viewport === null) {
    await shot();
    return;
  }
  // A whole page is taken through a window as tall as the page, so that bars kept in view
  // (position: sticky) sit where the page ends rather than where the window happened to end.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  try {
    await shot();
  } finally {
    await page.setViewportSize(viewport);
  }
}
