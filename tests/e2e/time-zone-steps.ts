import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LaunchedApp } from './harness';
import { expectText, heading } from './steps';

/** The app in a window of a computer set to `timezoneId`, as its browser engine reports it. */
export async function openOnComputerIn(app: LaunchedApp, timezoneId: string): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(app.url);
  return page;
}

/**
 * On the set-up screen: the time-zone box searches by former name and by today's offset, works
 * from the keyboard (Enter chooses without submitting, arrows move, Escape keeps the choice),
 * and offers UTC when asked for by name.
 */
export async function expectTimeZoneSearch(page: Page): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Time zone' });
  const chosen = page.getByText(/^Chosen /);

  await box.fill('kiev');
  await expectText(page.getByRole('option', { name: /Kyiv, Ukraine/ }), 'formerly Europe/Kiev');
  expect(await page.getByRole('option').count()).toBe(1);
  await box.press('Enter');
  await expectText(chosen, 'Kyiv, Ukraine (Europe/Kyiv)');
  await heading(page, 'Set up the clinic');

  await box.fill('UTC+05:30');
  await expectText(page.getByRole('option').filter({ hasText: 'Kolkata, India' }), 'UTC+05:30');
  for (const text of await page.getByRole('option').allInnerTexts()) expect(text).toContain('UTC+05:30');
  expect(await box.getAttribute('aria-expanded')).toBe('true');
  const first = await box.getAttribute('aria-activedescendant');
  await box.press('ArrowDown');
  const second = await box.getAttribute('aria-activedescendant');
  expect(second).not.toBe(first);
  await expectText(page.locator(`[id="${second}"]`), 'UTC+05:30');
  await box.press('Escape');
  expect(await box.getAttribute('aria-expanded')).toBe('false');
  await expectText(chosen, 'Europe/Kyiv');

  await box.fill('utc');
  await box.press('Enter');
  await expectText(chosen, 'UTC (Coordinated Universal Time)');
}
