import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { assertAccessible } from './accessibility';
import type { LaunchedApp } from './harness';
import { testPollMs } from './harness';
import { saveScreenshot } from './screenshots';

/** Steps shared by the end-to-end tests: waiting for text, signing in and out, setting up a clinic. */

export const zone = 'America/New_York';
export const adminPassword = 'Harbor-clinic-key-2026';
export const temporaryPassword = 'Temporary-pass-2026!';

export interface Account {
  username: string;
  name: string;
  credentials: string;
  role: 'Physician' | 'Nurse' | 'Auditor' | 'Administrator';
}

export interface NewPatient {
  mrn: string;
  familyName: string;
  givenNames: string;
  dateOfBirth: string;
  sex: 'Female' | 'Male' | 'Other' | 'Not known';
  allergies: 'Not recorded yet' | 'No known allergies' | readonly string[];
}

function pattern(text: string | RegExp): RegExp {
  return typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text;
}

/** Waits until the locator's text contains `text` (the UI updates after server answers). */
export async function expectText(locator: Locator, text: string | RegExp, timeout = 10_000): Promise<void> {
  await expect
    .poll(async () => (await locator.first().isVisible()) && (await locator.first().innerText()), { timeout })
    .toMatch(pattern(text));
}

export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Every screen is checked with axe and photographed for the README. */
export async function checkScreen(page: Page, screenshot: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await assertAccessible(page, screenshot);
  await saveScreenshot(page, screenshot, options);
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await heading(page, 'Sign in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await heading(page, 'Sign in');
}

/** The set-up wizard, filled in: the clinic and its first administrator, who is then signed in. */
export async function setUpClinic(page: Page, clinicName = 'Harbor Infusion Clinic'): Promise<void> {
  await heading(page, 'Set up the clinic');
  await page.getByLabel('Clinic name').fill(clinicName);
  await page.getByLabel('Address').fill('1 Harbor Way, Portland, ME');
  await chooseTimeZone(page, 'New York', zone);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Full name').fill('Alex Admin');
  await page.getByLabel('Password', { exact: true }).fill(adminPassword);
  await page.getByLabel('Password again').fill(adminPassword);
}

/** Searches the time-zone box and picks the zone from its list with the mouse; the choice is then stated in words. */
export async function chooseTimeZone(page: Page, search: string, zoneName: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Time zone' }).fill(search);
  await page.getByRole('option', { name: zoneName }).click();
  await expectText(page.getByText(/^Chosen /), zoneName);
}

export async function submitSetUp(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Set up the clinic' }).click();
  await heading(page, 'Users');
}

/** On the Users screen, as an administrator: an account with the shared temporary password. */
export async function addUser(page: Page, account: Account): Promise<void> {
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Full name').fill(account.name);
  await page.getByLabel('Credentials').fill(account.credentials);
  await page.getByLabel('Role').selectOption({ label: account.role });
  await page.getByLabel('Temporary password').fill(temporaryPassword);
  // The administrator's own password unlocks the clinic key that issues signing certificates.
  await page.getByLabel('Your password').fill(adminPassword);
  await page.getByRole('button', { name: 'Add user' }).click();
  await expectText(page.getByText(/^Account created for/), `Account created for ${account.name}`);
}

/** First sign-in of a new account: the temporary password is replaced by the user's own. */
export async function firstSignIn(page: Page, username: string, password: string): Promise<void> {
  await signIn(page, username, temporaryPassword);
  await heading(page, 'Choose your own password');
  await page.getByLabel('Temporary password').fill(temporaryPassword);
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('New password again').fill(password);
  await page.getByRole('button', { name: 'Save new password' }).click();
}

/** Fills the new-patient form (it must be open). */
export async function fillPatient(page: Page, patient: NewPatient): Promise<void> {
  await page.getByLabel('MRN').fill(patient.mrn);
  await page.getByLabel('Family name').fill(patient.familyName);
  await page.getByLabel('Given names').fill(patient.givenNames);
  await page.getByLabel('Date of birth').fill(patient.dateOfBirth);
  await page.getByRole('group', { name: 'Sex' }).getByLabel(patient.sex, { exact: true }).check();
  const allergyStatus = page.getByRole('group', { name: 'Allergy status' });
  if (typeof patient.allergies === 'string') {
    await allergyStatus.getByLabel(patient.allergies).check();
    return;
  }
  await allergyStatus.getByLabel('Has allergies (list them)').check();
  for (const [index, allergy] of patient.allergies.entries()) {
    if (index > 0) await page.getByRole('button', { name: 'Add an allergy' }).click();
    await page.getByLabel(`Allergy ${index + 1}`, { exact: true }).fill(allergy);
  }
}

/** Creates a patient from the Patients screen and waits for the new chart. */
export async function createPatient(page: Page, patient: NewPatient): Promise<void> {
  await page.getByRole('link', { name: 'New patient' }).click();
  await heading(page, 'New patient');
  await fillPatient(page, patient);
  await page.getByRole('button', { name: 'Create patient' }).click();
  await expectText(page.getByRole('status'), 'The patient record is created.');
}

/**
 * A second window on the same app, as a second person at another computer would have it:
 * its own tab storage, so its own server session.
 */
export async function openSecondWindow(app: LaunchedApp): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((pollMs: number) => {
    window.sessionStorage.setItem('ledger.pollMs', String(pollMs));
  }, testPollMs);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(app.url);
  return page;
}

/**
 * The start screen's supervision (issue 22): the first physician the clinic lists, on site (a
 * start without one is refused by the server), and every monitoring the clinic requires in use.
 */
export async function superviseAndMonitor(page: Page): Promise<void> {
  const select = page.getByLabel('Supervising physician');
  const first = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(first ?? '');
  await page.getByRole('group', { name: 'The physician is' }).getByLabel('On site').check();
  const required = page.getByRole('group', { name: 'Monitoring in use' }).getByLabel(/required by your clinic/);
  for (const box of await required.all()) await box.check();
}
