import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ClinicWorld } from './clinic-harness';
import { physicianPassword } from './clinic-harness';
import { heading } from './steps';

/** Steps of the clinic-host end-to-end tests: enrolling, calling the host from a page, signing a plan. */

/** A waiting device asks every 2 s whether it was approved; a loaded machine may take one more round. */
export const approvalSeenMs = 6_000;

/** The device asks to be enrolled; its pairing code, as shown. */
export async function askToEnrol(page: Page): Promise<string> {
  await heading(page, 'Enrol this device');
  await page.getByRole('button', { name: 'Ask to enrol this device' }).click();
  const code = (await page.locator('.device-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  return code;
}

/** Enrolled out of band (the host's `devices approve`); the device moves on to signing in by itself. */
export async function enrolledDevice(clinic: ClinicWorld, page: Page, name: string): Promise<void> {
  const code = await askToEnrol(page);
  await clinic.approveOnHost(code, name);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: approvalSeenMs });
}

/** What a page of this origin can send: the app's own header, JSON, the context's cookies. */
export async function invokeFrom(
  page: Page,
  method: string,
  input: unknown,
): Promise<{ status: number; code: string }> {
  return page.evaluate(
    async ({ method, input }) => {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ledger-request': '1' },
        credentials: 'same-origin',
        body: JSON.stringify({ method, input }),
      });
      const body = (await response.json()) as { error?: { code?: string } };
      return { status: response.status, code: body.error?.code ?? 'none' };
    },
    { method, input },
  );
}

/** A mark on the page's window: gone if the page was reloaded. */
export async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { e2eSameWindow: true }));
}

export async function sameWindow(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { e2eSameWindow?: boolean }).e2eSameWindow === true);
}

/** Opens a route of the app the way a link does (no reload). */
export async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, route);
}

/** The `/api/invoke` answer to the next `records.sign` (or other) call from this page. */
export function answerTo(page: Page, method: string): Promise<unknown> {
  return page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/invoke') && (response.request().postData() ?? '').includes(`"${method}"`),
  );
}

/** Signs the plan on screen through the signing dialog; resolves when the host has answered, with that time. */
export async function signPlan(page: Page, withUserId: boolean): Promise<number> {
  const bar = page.getByRole('region', { name: 'Draft status and actions' });
  await expect
    .poll(() => bar.getByRole('button', { name: 'Sign infusion plan' }).getAttribute('aria-disabled'))
    .toBe(null);
  await bar.getByRole('button', { name: 'Sign infusion plan' }).click();
  const signing = page.getByRole('dialog', { name: 'Sign this infusion plan' });
  await signing.waitFor();
  if (withUserId) await signing.getByLabel('User ID').fill('ana.ruiz');
  await signing.getByLabel('Password', { exact: true }).fill(physicianPassword);
  const answered = answerTo(page, 'records.sign');
  await signing.getByRole('button', { name: 'Sign infusion plan' }).click();
  await answered;
  const at = Date.now();
  await signing.waitFor({ state: 'detached' });
  return at;
}

export function ledgerCounts(clinic: ClinicWorld): Record<string, number> {
  const count = (table: string) => clinic.ledger.raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    auditHead: clinic.auditHead(),
    patients: count('patients'),
    users: count('users'),
    devices: count('devices'),
  };
}
