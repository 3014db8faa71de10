import type { DateTime } from 'luxon';
import type { Locator, Page } from 'playwright-core';
import { expectText, heading, signIn } from './steps';

/** Steps of the course-of-treatment end-to-end test (issue 22) at the session and record screens. */

/** The demo clinic's discharge instructions begin so (src/cli/demo-course.ts). */
export const discharge = 'Do not drive, cycle, operate machinery or make important decisions until tomorrow morning.';

export function region(page: Page, name: string | RegExp): Locator {
  return page.getByRole('region', { name });
}

export async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

export async function charted(page: Page, text: string | RegExp): Promise<void> {
  await expectText(page.getByRole('status').filter({ hasText: /Charted|Signed/ }), text);
}

export async function fillVitals(form: Locator, vitals: readonly [string, string, string, string, string, string]) {
  const labels = [
    'Systolic BP (mmHg)',
    'Diastolic BP (mmHg)',
    'Heart rate (beats/min)',
    'SpO2 (%)',
    'Respiratory rate (breaths/min)',
    'Temperature (°C)',
  ];
  for (const [index, label] of labels.entries()) await form.getByLabel(label).fill(vitals[index] ?? '');
}

/**
 * Charts the form's entry as having happened `minutesAgo` before `base`, in clinic time: the
 * infusion is charted as it ran (minutes apart), so the check after the end is a recovery check.
 */
export async function happened(form: Locator, base: DateTime, minutesAgo: number): Promise<void> {
  const at = base.minus({ minutes: minutesAgo }).setZone('America/New_York');
  await form.getByLabel('Date it happened').fill(at.toFormat('dd-LLL-yyyy'));
  await form.getByLabel('Time it happened (HH:mm)').fill(at.toFormat('HH:mm'));
}

/** The User ID is asked only at the first signature of a sign-in. */
export async function signWith(form: Locator, account: { username: string; password: string }): Promise<void> {
  if ((await form.getByLabel('User ID').count()) > 0) await form.getByLabel('User ID').fill(account.username);
  await form.getByLabel('Password', { exact: true }).fill(account.password);
}

/** Signs in and waits for the Patients screen. */
export async function signInTo(page: Page, account: { username: string; password: string }): Promise<void> {
  await signIn(page, account.username, account.password);
  await heading(page, 'Patients');
}
