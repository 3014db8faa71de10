import type { Page } from 'playwright-core';

/**
 * What on the page runs past the window's right edge, or past its own box without a scroll
 * bar: text cut or spilling into a card's padding. Empty when the screen fits its width.
 * Text hidden for screen readers only (clipped to 1 px on purpose) is left out.
 */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('main *'))) {
      if (element.closest('.visually-hidden') !== null) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.display === 'inline') continue;
      const name = `${element.tagName.toLowerCase()}.${element.className.toString().trim().replace(/\s+/g, '.')}`;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1) found.push(`${name} ends at ${Math.round(box.right)} px`);
      const scrolls = ['auto', 'scroll'].includes(style.overflowX);
      if (!scrolls && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
        found.push(`${name} holds ${element.scrollWidth} px in ${element.clientWidth} px`);
      }
    }
    return found;
  });
}
