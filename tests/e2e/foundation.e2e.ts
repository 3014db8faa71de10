import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAge, localDate } from '../../src/domain/time';
import { assertAccessible } from './accessibility';
import type { LaunchedApp } from './harness';
import { launchApp } from './harness';
import { expectTimeZoneSearch, openOnComputerIn } from './time-zone-steps';
import type { NewPatient } from './steps';
import {
  addUser,
  adminPassword,
  checkScreen,
  expectText,
  fillPatient,
  heading,
  setUpClinic,
  signIn,
  signOut,
  submitSetUp,
  temporaryPassword,
  zone,
} from './steps';

const physicianPassword = 'Infusion-ward-7-Ana';

const patients: readonly NewPatient[] = [
  {
    mrn: 'MRN-001',
    familyName: 'Ruiz',
    givenNames: 'Ana María',
    dateOfBirth: '1945-07-14',
    sex: 'Female',
    allergies: ['Penicillin (rash)', 'Latex'],
  },
  {
    mrn: 'MRN-002',
    familyName: 'Ångström',
    givenNames: 'Zoë',
    dateOfBirth: '07-Mar-1988',
    sex: 'Female',
    allergies: 'No known allergies',
  },
  {
    mrn: 'MRN-003',
    familyName: 'Żółć',
    givenNames: 'Łukasz',
    dateOfBirth: '1979-11-30',
    sex: 'Male',
    allergies: 'Not recorded yet',
  },
  { mrn: 'MRN-004', familyName: '王', givenNames: '小明', dateOfBirth: '2001-02-03', sex: 'Male', allergies: ['花生'] },
  {
    mrn: 'MRN-005',
    familyName: 'الحسن',
    givenNames: 'عائشة',
    dateOfBirth: '1990-09-14',
    sex: 'Female',
    allergies: 'No known allergies',
  },
];

function results(page: Page): Locator {
  return page.getByRole('list', { name: 'Patients found' }).getByRole('link');
}

async function search(page: Page, query: string): Promise<string[]> {
  const box = page.getByRole('searchbox', { name: 'Find a patient' });
  await box.fill('');
  await box.pressSequentially(query, { delay: 20 });
  await expectText(page.getByRole('status').filter({ hasText: /match|All patients/ }), query === '' ? 'A–Z' : query);
  return (await results(page).locator('.result-name').allInnerTexts()).map((name) => name.trim());
}

/**
 * The clinic's session settings: PCL-5 no longer asked; the discharge criteria reworded,
 * reordered from the keyboard, one retired and one added. An empty new criterion is refused
 * in words, next to the field and in the summary.
 */
async function configureSessions(page: Page): Promise<void> {
  const section = page.getByRole('region', { name: 'Infusion sessions' });
  const scales = section.getByRole('group', { name: 'Pre-session scales' });
  for (const scale of ['Pain now', 'PHQ-9', 'GAD-7', 'PCL-5']) {
    expect(await scales.getByRole('checkbox', { name: new RegExp(`^${scale}`) }).isChecked()).toBe(true);
  }
  await scales.getByRole('checkbox', { name: /^PCL-5/ }).uncheck();

  const criteria = section.getByRole('group', { name: 'Discharge criteria' });
  await criteria.getByLabel('Criterion 1', { exact: true }).fill('Alert, oriented, and back to baseline');
  // Keyboard only: focus follows the criterion that moved.
  await criteria.getByRole('button', { name: 'Move up criterion 2' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Move down criterion 1');
  expect(await criteria.getByLabel('Criterion 1', { exact: true }).inputValue()).toBe(
    'Vital signs within the patient’s baseline range',
  );
  await criteria.getByRole('button', { name: 'Retire criterion 4' }).click();
  const retired = criteria.getByRole('list', { name: 'Retired criteria' });
  await expectText(retired, 'Nausea controlled');

  await criteria.getByRole('button', { name: 'Add a criterion' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/criteria-5-label$/);
  await section.getByRole('button', { name: 'Save session settings' }).click();
  await expectText(section.getByRole('alert'), 'Discharge criterion 5: Enter the criterion');
  await expectText(criteria.locator('.field-invalid'), 'Enter the criterion');
  await assertAccessible(page, 'session settings with an error');

  await criteria.getByLabel('Criterion 5', { exact: true }).fill('Pain controlled');
  await section.getByRole('button', { name: 'Save session settings' }).click();
  await expectText(section.getByRole('status').filter({ hasText: 'saved' }), 'Session settings saved as version 1');
  await expectText(section, 'Version 1, saved by Alex Admin');
  expect(await criteria.getByRole('textbox').count()).toBe(5);
}

describe('foundation, end to end in Chromium', () => {
  let app: LaunchedApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await app?.close();
  });

  it("proposes this computer's own time zone under its current name, and never UTC without saying so", async () => {
    // Computers that give their zone under a legacy name: the current name is proposed, and why.
    for (const [computerZone, proposed] of [
      ['Asia/Calcutta', 'Kolkata, India (Asia/Kolkata)'],
      ['Europe/Kiev', 'Kyiv, Ukraine (Europe/Kyiv)'],
    ] as const) {
      const other = await openOnComputerIn(app, computerZone);
      await heading(other, 'Set up the clinic');
      await expect.poll(() => other.getByRole('combobox', { name: 'Time zone' }).inputValue()).toContain(proposed);
      await expectText(other.getByText(/^Chosen /), proposed);
      await expectText(other.getByText(/^Proposed from this computer/), `uses the old name ${computerZone}`);
      await other.context().close();
    }
    // A computer on UTC proposes nothing, says so, and the form asks for a choice.
    const onUtc = await openOnComputerIn(app, 'Etc/UTC');
    await heading(onUtc, 'Set up the clinic');
    expect(await onUtc.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe('');
    await expectText(onUtc.getByText(/^No time zone is chosen yet/), 'No time zone is chosen yet.');
    await expectText(onUtc.getByText(/set to UTC rather than to a place/), 'no time zone is proposed');
    await onUtc.getByRole('button', { name: 'Set up the clinic' }).click();
    await expectText(onUtc.getByRole('alert'), "Choose the clinic's time zone");
    await expectTimeZoneSearch(onUtc);
    await assertAccessible(onUtc, 'set-up, time zone search');
    await onUtc.context().close();
  });

  it('sets up the clinic and its first administrator', async () => {
    await heading(page, 'Set up the clinic');
    // An empty form is refused in words, in a summary and next to each field.
    await page.getByRole('button', { name: 'Set up the clinic' }).click();
    await expectText(page.getByRole('alert'), /There are \d+ problems/);
    await expectText(page.getByRole('alert'), 'Enter the clinic name');

    await setUpClinic(page);
    const rules = page.getByRole('list', { name: 'Password rules' });
    await expectText(rules.getByRole('listitem').filter({ hasText: 'At least 12 characters' }), ', met');
    await checkScreen(page, '01-setup', { fullPage: true });

    await submitSetUp(page);
    // The administrator just created is signed in, and the screen says so in words.
    await expectText(
      page.getByRole('status').filter({ hasText: 'Set-up complete' }),
      'Set-up complete. You are signed in as Alex Admin (Administrator).',
    );
    await expectText(page.getByRole('banner'), 'Harbor Infusion Clinic');
    await expectText(page.getByRole('banner'), /Signed in as\s+Alex Admin/);
    await expectText(page.getByRole('banner'), 'Administrator');
  });

  it('lets the administrator add a physician and a nurse', async () => {
    await addUser(page, { username: 'ana.ruiz', name: 'Ana Ruiz', credentials: 'MD', role: 'Physician' });
    await addUser(page, { username: 'nora.kim', name: 'Nora Kim', credentials: 'RN', role: 'Nurse' });
    const rows = page.getByRole('table').getByRole('row');
    await expectText(rows.filter({ hasText: 'nora.kim' }), 'Must change at next sign-in');
    await expectText(rows.filter({ hasText: 'ana.ruiz' }), 'Ana Ruiz, MD');
    await checkScreen(page, '03-users', { fullPage: true });

    await page.getByRole('link', { name: 'Clinic settings' }).click();
    await heading(page, 'Clinic settings');
    await expect.poll(() => page.getByLabel('Auto-lock after (minutes)').inputValue()).toBe('10');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Time zone' }).inputValue())
      .toContain('New York, United States (America/New_York)');
    // The set-up notice belonged to the first screen only.
    expect(await page.getByText('Set-up complete').count()).toBe(0);
    await configureSessions(page);
    await checkScreen(page, '11-clinic-settings', { fullPage: true });

    await signOut(page);
    await checkScreen(page, '02-sign-in');
  });

  it('makes the physician replace the temporary password at first sign-in', async () => {
    await signIn(page, 'ana.ruiz', temporaryPassword);
    await heading(page, 'Choose your own password');
    await page.getByLabel('Temporary password').fill(temporaryPassword);
    await page.getByLabel('New password', { exact: true }).fill(physicianPassword);
    await page.getByLabel('New password again').fill(physicianPassword);
    await checkScreen(page, '10-change-password');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await heading(page, 'Patients');
    await expectText(page.getByRole('banner'), 'Ana Ruiz, MD');
    await expectText(page.getByRole('banner'), 'Physician');
  });

  it('creates patients with names in any script', async () => {
    // A save with nothing filled in keeps the form and says what is missing.
    await page.getByRole('link', { name: 'New patient' }).click();
    await heading(page, 'New patient');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await expectText(page.getByRole('alert'), 'Enter the family name');
    await expectText(page.getByRole('alert'), "Choose the patient's sex");
    await assertAccessible(page, 'patient form with errors');

    for (const [index, patient] of patients.entries()) {
      if (index > 0) {
        await page.getByRole('link', { name: 'New patient' }).click();
        await heading(page, 'New patient');
      }
      await fillPatient(page, patient);
      if (index === 0) {
        await page.getByLabel('Preferred name').fill('Anita');
        await page.getByLabel('Contact name').fill('Luis Ruiz');
        await page.getByLabel('Relationship').fill('Son');
        await page.getByLabel('Contact phone').fill('+1 207 555 0142');
        await expectText(page.locator('#patient-dateOfBirth-readback'), 'Reads as 14-Jul-1945');
        await checkScreen(page, '05-patient-form', { fullPage: true });
      }
      await page.getByRole('button', { name: 'Create patient' }).click();
      await expectText(page.getByRole('status'), 'The patient record is created.');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
      await heading(page, 'Patients');
    }
  });

  it('finds patients as you type, by name without accents, MRN or date of birth', async () => {
    expect(await search(page, '')).toEqual([
      'ÅNGSTRÖM, Zoë',
      'RUIZ, Ana María',
      'ŻÓŁĆ, Łukasz',
      'الحسن, عائشة',
      '王, 小明',
    ]);
    await checkScreen(page, '04-patients-search');
    expect(await search(page, 'zoe')).toEqual(['ÅNGSTRÖM, Zoë']);
    expect(await search(page, 'lukasz')).toEqual(['ŻÓŁĆ, Łukasz']);
    expect(await search(page, 'ZOLC')).toEqual(['ŻÓŁĆ, Łukasz']);
    expect(await search(page, 'MRN-00')).toHaveLength(5);
    expect(await search(page, 'mrn-004')).toEqual(['王, 小明']);
    expect(await search(page, '14-Jul-1945')).toEqual(['RUIZ, Ana María']);
    expect(await search(page, '1990-09-14')).toEqual(['الحسن, عائشة']);
    expect(await search(page, 'عائشة')).toEqual(['الحسن, عائشة']);
    expect(await search(page, 'maria')).toEqual(['RUIZ, Ana María']);
  });

  it('opens the chart with two identifiers and the allergies in the banner', async () => {
    await results(page).filter({ hasText: 'RUIZ, Ana María' }).click();
    const banner = page.getByRole('region', { name: 'Patient identification' });
    await heading(page, 'RUIZ, Ana María');
    const age = formatAge('1945-07-14', localDate(new Date(), zone));
    await expectText(banner, `Born 14-Jul-1945 (${age})`);
    await expectText(banner, 'MRN MRN-001');
    await expectText(banner, 'Preferred name Anita');
    await expectText(banner, /ALLERGIES\s+Penicillin \(rash\), Latex/i);
    await checkScreen(page, '06-chart', { fullPage: true });

    // "None known" and "not recorded" read differently.
    await page.getByRole('link', { name: 'Patients', exact: true }).first().click();
    await search(page, 'zoe');
    await results(page).first().click();
    await expectText(page.getByRole('region', { name: 'Patient identification' }), 'No known allergies');
    await page.getByRole('link', { name: 'Patients', exact: true }).first().click();
    await search(page, 'lukasz');
    await results(page).first().click();
    await expectText(page.getByRole('region', { name: 'Patient identification' }), 'Allergies not recorded');
  });

  it('locks after inactivity without losing what was typed, and unlocks with the password', async () => {
    await page.getByRole('link', { name: 'Edit patient details' }).click();
    await heading(page, 'Edit patient details');
    await expectText(page.getByRole('region', { name: 'Patient identification' }), 'ŻÓŁĆ, Łukasz');
    await page.getByRole('textbox', { name: /^Phone/ }).click();
    await page.getByRole('textbox', { name: /^Phone/ }).pressSequentially('+48 22 555 0101');
    await page.getByLabel('Preferred name').fill('Łukek');
    await checkScreen(page, '12-patient-edit');

    app.advanceClock(11 * 60_000);
    const lock = page.getByRole('dialog', { name: 'Screen locked' });
    await lock.waitFor({ timeout: 10_000 });
    expect(await lock.getAttribute('aria-modal')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('unlock-password');
    // The app behind stays mounted but inert, and Tab never leaves the dialog.
    expect(await page.locator('.app-shell').getAttribute('inert')).not.toBeNull();
    for (let press = 0; press < 5; press += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    }
    await checkScreen(page, '07-locked');

    await lock.getByLabel('Password').fill('not-my-password-1');
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expectText(lock.getByRole('alert'), '4 more tries');
    await lock.getByLabel('Password').fill(physicianPassword);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await lock.waitFor({ state: 'detached' });

    expect(await page.getByRole('textbox', { name: /^Phone/ }).inputValue()).toBe('+48 22 555 0101');
    expect(await page.getByLabel('Preferred name').inputValue()).toBe('Łukek');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectText(page.getByRole('status'), 'The changes are saved.');
    await expectText(page.getByRole('region', { name: 'Patient identification' }), 'Preferred name Łukek');
    await signOut(page);
  });

  it('locks the nurse account after five wrong passwords', async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await signIn(page, 'nora.kim', `wrong-password-${attempt}`);
      // The same words as for an unknown username, so sign-in never reveals which accounts exist.
      await expectText(page.getByRole('alert'), 'After 5 wrong tries in a row an account locks for 15 minutes');
    }
    await signIn(page, 'nora.kim', 'wrong-password-5');
    await expectText(page.getByRole('alert'), 'This account is locked after 5 wrong passwords');
    // Even the right password is refused now.
    await signIn(page, 'nora.kim', temporaryPassword);
    await expectText(page.getByRole('alert'), 'This account is locked');
    await checkScreen(page, '09-account-locked');
  });

  it('shows the audit log and verifies its chain', async () => {
    await signIn(page, 'admin', adminPassword);
    await heading(page, 'Users');
    await expectText(page.getByRole('table').getByRole('row').filter({ hasText: 'nora.kim' }), 'Locked until');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await heading(page, 'Audit log');
    const table = page.getByRole('table');
    await expectText(table, 'auth.account-locked');
    await expectText(table, 'patient.viewed');
    await page.getByRole('button', { name: 'Full check' }).click();
    await expectText(page.getByText('The audit chain is intact'), 'intact');
    await checkScreen(page, '08-audit-log');
    // Pages of 25, newest first; the first entry of all is the clinic's creation.
    const older = page.getByRole('button', { name: 'Load older entries' });
    await older.waitFor();
    while (await older.isVisible()) {
      const before = await table.getByRole('row').count();
      await older.click();
      // A last page can come back empty, which removes the button without adding rows.
      await expect
        .poll(async () => (await table.getByRole('row').count()) > before || !(await older.isVisible()))
        .toBe(true);
    }
    await expectText(table.getByRole('row').last(), 'clinic.created');
    await expectText(table, 'session-configuration.updated');
    await signOut(page);
  });
});
