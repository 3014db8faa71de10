import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyItemNames, historyItems } from '../../src/domain/exam';
import { starterScreeningItems } from '../../src/domain/formulary';
import { scaleItemName } from '../../src/domain/scale-items';
import { deriveDose } from '../../src/domain/dose';
import type { Pump } from '../../src/domain/pump';
import { formatDate, localDate } from '../../src/domain/time';
import { weightKg } from '../../src/domain/weight';
import { assertAccessible } from './accessibility';
import type { LaunchedApp } from './harness';
import { launchApp } from './harness';
import { overflowing } from './overflow';
import type { NewPatient } from './steps';
import {
  addUser,
  adminPassword,
  checkScreen,
  createPatient,
  expectText,
  firstSignIn,
  heading,
  openSecondWindow,
  setUpClinic,
  signOut,
  submitSetUp,
  zone,
} from './steps';

const physicianPassword = 'Infusion-ward-7-Ana';
const nursePassword = 'Chairside-view-9-Nora';
const patient: NewPatient = {
  mrn: 'MRN-101',
  familyName: 'Ruiz',
  givenNames: 'Ana María',
  dateOfBirth: '1961-03-07',
  sex: 'Female',
  allergies: ['Penicillin (rash)'],
};
/** The weight recorded at the exam, in pounds: every dose must use its exact kilograms. */
const weightLb = '160';

/** "Signed by Ana Ruiz, MD — authored — 23-Nov-2026 14:05 UTC−05:00" */
const signatureLine = /Signed by Ana Ruiz, MD — authored — \d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2} UTC[−+]\d{2}:\d{2}/;

/** The clinic's volumetric pump, set in steps of 0.1 mL/h, as the administrator lists it. */
const e2ePump: Pump = { id: 'volumetric-pump', name: 'Volumetric pump', kind: 'infusion-pump', rateStepMlPerH: '0.1' };

/** The figures the app must show for a dose, worked out by the domain's own arithmetic. */
function expected(doseMgPerKg: string) {
  const derivation = deriveDose({
    basis: 'mg/kg',
    doseMgPerKg,
    weightKg: weightKg({ value: weightLb, unit: 'lb' }),
    doseMg: null,
    durationMin: 40,
    concentrationMgPerMl: '50',
    administration: 'bag',
    diluentVolumeMl: '100',
    pump: e2ePump,
  });
  const line = (quantity: string) => derivation.lines.find((candidate) => candidate.quantity === quantity);
  return {
    total: line('totalMg')?.shown ?? '',
    totalFormula: line('totalMg')?.formula ?? '',
    /** "≈ 87.09 mg over 40 min = 130.63 mg/h": an operand shown rounded says so. */
    rateFormula: line('rateMgPerH')?.formula ?? '',
    rateMgPerH: line('rateMgPerH')?.shown ?? '',
    /** The rate in the pump's steps of 0.1 mL/h, as the nurse programs it. */
    pumpRate: line('pumpRateMlPerH')?.shown ?? '',
    delivery: derivation.delivery?.text ?? '',
    drugVolume: line('drugVolumeMl')?.shown ?? '',
    drugVolumeLabel: line('drugVolumeMl')?.label ?? '',
  };
}

function dialog(page: Page, name: string): Locator {
  return page.getByRole('dialog', { name });
}

async function answer(page: Page, question: string, choice: string): Promise<void> {
  await page.getByRole('radiogroup', { name: question, exact: true }).getByLabel(choice, { exact: true }).check();
}

async function waitForSave(page: Page): Promise<void> {
  await expectText(page.getByRole('region', { name: 'Draft status and actions' }), /Draft saved at \d{2}:\d{2}/);
}

/** Signs the draft on screen through the signing dialog; the user ID only when asked for. */
async function sign(page: Page, what: 'exam' | 'infusion plan', withUserId: boolean): Promise<void> {
  await page
    .getByRole('region', { name: 'Draft status and actions' })
    .getByRole('button', { name: `Sign ${what}` })
    .click();
  const signing = dialog(page, `Sign this ${what}`);
  await signing.waitFor();
  await expectText(signing, 'legally binding equivalent of your handwritten signature');
  expect(await signing.getByLabel('User ID').count()).toBe(withUserId ? 1 : 0);
  if (withUserId) await signing.getByLabel('User ID').fill('ana.ruiz');
  await signing.getByLabel('Password', { exact: true }).fill(physicianPassword);
  await signing.getByRole('button', { name: `Sign ${what}` }).click();
  await signing.waitFor({ state: 'detached' });
  await expectText(page.getByRole('status').filter({ hasText: 'Signed.' }), 'This version can no longer change');
}

/** Ketamine 50 mg/mL in a bag of 0.9% sodium chloride, on the clinic's volumetric pump. */
async function chooseDrugInABag(page: Page): Promise<void> {
  await page.getByLabel('Drug', { exact: true }).selectOption({ label: 'Ketamine hydrochloride' });
  await page.getByLabel('Concentration (mg/mL)').selectOption({ label: '50 mg/mL' });
  await page
    .getByRole('group', { name: 'How it is given' })
    .getByLabel('In an infusion bag with diluent (infusion pump)')
    .check();
  await page
    .getByLabel('Infusion pump', { exact: true })
    .selectOption({ label: 'Volumetric pump (steps of 0.1 mL/h)' });
  await page.getByLabel('Diluent', { exact: true }).fill('0.9% sodium chloride');
}

async function amend(page: Page, reason: string): Promise<void> {
  await page.getByRole('button', { name: 'Amend infusion plan' }).click();
  const amending = dialog(page, 'Amend this infusion plan');
  await amending.getByLabel('Reason for the amendment').fill(reason);
  await amending.getByRole('button', { name: 'Start the amendment' }).click();
  await amending.waitFor({ state: 'detached' });
  await expectText(page.locator('.record-meta'), 'Draft');
}

describe('clinical record, end to end in Chromium', () => {
  let app: LaunchedApp;
  let page: Page;
  let nurse: Page;
  const today = localDate(new Date(), zone);

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('sets up the clinic with a physician and a nurse', async () => {
    await setUpClinic(page);
    await submitSetUp(page);
    await addUser(page, { username: 'ana.ruiz', name: 'Ana Ruiz', credentials: 'MD', role: 'Physician' });
    await addUser(page, { username: 'nora.kim', name: 'Nora Kim', credentials: 'RN', role: 'Nurse' });
  });

  it("lets the administrator configure the clinic's formulary, with limits", async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Formulary' }).click();
    await heading(page, 'Formulary');
    // The app ships no drugs and no doses.
    await expectText(page.locator('.empty-state'), 'No drugs configured');
    await assertAccessible(page, 'formulary, empty');

    await page.getByRole('button', { name: 'Add a drug' }).click();
    await page.getByLabel('Drug name').fill('Ketamine hydrochloride');
    await page.getByLabel('Drug code').fill('ketamine');
    await page.getByLabel('Concentration 1 (mg/mL)').fill('10');
    await page.getByRole('button', { name: 'Add a concentration' }).click();
    await page.getByLabel('Concentration 2 (mg/mL)').fill('50');
    const bounds: [string, string, string][] = [
      ['Dose per kg (mg/kg)', 'Hard limit minimum', '0.05'],
      ['Dose per kg (mg/kg)', 'Configured range minimum', '0.1'],
      ['Dose per kg (mg/kg)', 'Configured range maximum', '1'],
      ['Dose per kg (mg/kg)', 'Hard limit maximum', '2'],
      ['Total dose (mg)', 'Configured range maximum', '100'],
      ['Total dose (mg)', 'Hard limit maximum', '200'],
      ['Duration (min)', 'Hard limit minimum', '20'],
      ['Duration (min)', 'Configured range minimum', '40'],
    ];
    for (const [row, column, value] of bounds) {
      await page.getByRole('textbox', { name: `${row} ${column}`, exact: true }).fill(value);
    }
    // The clinic's pump and the step its rate is set in: plans then show what that rate delivers.
    await page.getByRole('button', { name: 'Add a pump' }).click();
    await page.getByLabel('Pump 1 name').fill(e2ePump.name);
    await page.getByLabel('Pump 1 kind').selectOption({ label: 'Infusion pump (bags)' });
    await page.getByLabel('Pump 1 rate step (mL/h)').selectOption({ label: '0.1 mL/h' });
    await page.getByLabel('Age of the weight, configured range (days)').fill('30');
    await page.getByLabel('Age of the weight, hard limit (days)').fill('90');

    // Bounds out of order are refused in words, next to the table and in the summary.
    await page.getByRole('textbox', { name: 'Total dose (mg) Configured range maximum', exact: true }).fill('300');
    await page.getByRole('button', { name: 'Save as version 1' }).click();
    await expectText(page.getByRole('alert'), 'Bounds must increase');
    await page.getByRole('textbox', { name: 'Total dose (mg) Configured range maximum', exact: true }).fill('100');
    // A bound that is not a number is refused in words on its field, never as an internal error.
    const hardMinimum = page.getByRole('textbox', { name: 'Dose per kg (mg/kg) Hard limit minimum', exact: true });
    await hardMinimum.fill('abc');
    await page.getByRole('button', { name: 'Save as version 1' }).click();
    await expectText(page.getByRole('alert'), 'Enter the limit as a number');
    await hardMinimum.fill('0.05');
    // The drug's RxNorm code (optional, for exports) is digits only; anything else is refused on its field.
    const rxNormCode = page.getByLabel('RxNorm code');
    await rxNormCode.fill('ketamine');
    await page.getByRole('button', { name: 'Save as version 1' }).click();
    await expectText(page.getByRole('alert'), 'Enter the RxNorm code (RxCUI) as digits only');
    await rxNormCode.fill('6130');

    await page.getByRole('button', { name: 'Save as version 1' }).click();
    // Saving changes what every later plan is checked against: password again, and a reason.
    const confirm = page.getByRole('dialog', { name: 'Save formulary version 1' });
    await expectText(confirm, 'Dose per kg (mg/kg), hard limit minimum: Not configured → 0.05 mg/kg');
    await confirm.getByLabel('Reason for this change').fill('Ketamine limits agreed by the clinic');
    await confirm.getByLabel('Your password').fill(adminPassword);
    await confirm.getByRole('button', { name: 'Save version 1' }).click();
    await expectText(page.getByRole('status'), 'Version 1 is saved and in force');
    await expectText(page.getByRole('region', { name: 'History' }), 'Ketamine limits agreed by the clinic');
    await expectText(page.getByRole('region', { name: 'Version in force' }), 'Alex Admin');
    await checkScreen(page, '13-formulary', { fullPage: true });
    await signOut(page);
  });

  it('lets the physician record an exam and sign it with user ID and password', async () => {
    await firstSignIn(page, 'ana.ruiz', physicianPassword);
    await heading(page, 'Patients');
    await createPatient(page, patient);
    await heading(page, 'RUIZ, Ana María');
    await page.getByRole('button', { name: 'New exam' }).click();
    await heading(page, 'New exam');

    // A new exam starts on the clinic's today, for the exam and for the weight (issue 20, point 16).
    expect(await page.getByLabel('Exam date').inputValue()).toBe(formatDate(today));
    expect(await page.getByLabel('Date taken').inputValue()).toBe(formatDate(today));
    // Signing an empty exam says what is missing, each linked to its field.
    // Unavailable (aria-disabled) while something blocks signing; choosing it still lists every reason.
    await page.getByRole('button', { name: 'Sign exam' }).click({ force: true });
    const summary = page.getByRole('alert').filter({ hasText: 'This exam cannot be signed yet' });
    await expectText(summary, 'Enter the indication');
    expect(await summary.getByRole('button', { name: 'Enter the exam date' }).count()).toBe(0);
    await summary.getByRole('button', { name: 'Enter the indication' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('exam-indication-text');

    await page.getByLabel('Common indication').selectOption({ label: 'Fibromyalgia (M79.7)' });
    expect(await page.getByLabel('ICD-10 code').inputValue()).toBe('M79.7');
    for (const name of historyItemNames) await answer(page, historyItems[name], 'No');
    await page.getByLabel('Current medications').fill('Duloxetine 60 mg daily');
    await page.getByLabel('Allergies reviewed with the patient').check();
    for (const item of starterScreeningItems) await answer(page, item.label, 'No');
    const vitals: [string, string][] = [
      ['Systolic blood pressure (mmHg)', '122'],
      ['Diastolic blood pressure (mmHg)', '78'],
      ['Heart rate (beats/min)', '72'],
      ['SpO2 (%)', '98'],
      ['Respiratory rate (breaths/min)', '14'],
      ['Temperature (°C)', '36.8'],
    ];
    for (const [label, value] of vitals) await page.getByLabel(label).fill(value);
    await page.getByRole('group', { name: 'Unit' }).getByLabel('lb', { exact: true }).check();
    await page.getByLabel('Weight (lb)').fill(weightLb);
    await expectText(page.locator('#exam-weight-value-readback'), 'Reads as 160 lb = 72.5747792 kg');
    await page.getByRole('group', { name: 'Source' }).getByLabel('Measured here').check();
    await page.getByLabel('Height (cm)').fill('168');
    // Each item by its published words, named after its questionnaire: no two selects share a name.
    const phq9 = page.getByRole('group', { name: 'PHQ-9' });
    for (const [index, score] of ['1', '2', '1', '0', '1', '2', '1', '0', '0'].entries()) {
      await phq9.getByRole('combobox', { name: scaleItemName('phq9', index), exact: true }).selectOption(score);
    }
    expect(await page.getByRole('combobox', { name: /item 1:/ }).count()).toBe(3);
    expect(await phq9.getByRole('combobox').first().locator('option').allTextContents()).toEqual([
      'Not answered',
      '0 Not at all',
      '1 Several days',
      '2 More than half the days',
      '3 Nearly every day',
    ]);
    await expectText(phq9, 'PHQ-9: Total 8 of 27');
    await page.getByLabel(/^Pain now/).selectOption('7');
    await page.getByLabel('Findings', { exact: true }).fill('Widespread tenderness; no focal neurological deficit.');
    await page.getByRole('group', { name: 'Candidacy decision' }).getByLabel('Candidate', { exact: true }).check();
    await page.getByLabel('Rationale for the decision').fill('Refractory to first-line treatment.');
    await waitForSave(page);
    await expect.poll(() => summary.count()).toBe(0);
    await checkScreen(page, '14-exam', { fullPage: true });

    // The first signing of the session asks for the user ID as well as the password.
    await page
      .getByRole('region', { name: 'Draft status and actions' })
      .getByRole('button', { name: 'Sign exam' })
      .click();
    await assertAccessible(page, 'signing dialog');
    await page.keyboard.press('Escape');
    await dialog(page, 'Sign this exam').waitFor({ state: 'detached' });
    await sign(page, 'exam', true);
    await heading(page, `Exam of ${formatDate(today)}`);
    await expectText(page.locator('.record-meta'), 'Signed');
    await expectText(page.getByRole('list', { name: 'Signatures' }), signatureLine);
    await expectText(page.locator('main'), '160 lb = 72.5747792 kg, measured on');
    await assertAccessible(page, 'signed exam');
  });

  it('lets the physician write a plan past a soft limit, which needs a reason before it is signed', async () => {
    await page.getByRole('link', { name: 'Chart' }).click();
    await heading(page, 'RUIZ, Ana María');
    await expectText(page.getByRole('table'), 'Exam of');
    await assertAccessible(page, 'chart with records');
    await page.getByRole('button', { name: 'New plan' }).click();
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await heading(page, 'New infusion plan');

    await chooseDrugInABag(page);
    // A mistyped figure is said in words next to its field and is kept as typed; nothing else is held back.
    const volume = page.getByLabel('Diluent volume (mL)');
    await volume.fill('1OO');
    await expectText(page.getByRole('region', { name: 'Draft status and actions' }), 'not saved yet');
    await expectText(page.locator('#plan-diluentVolumeMl-error'), 'Enter the diluent volume (mL) as a number');
    expect(await volume.inputValue()).toBe('1OO');
    await volume.fill('100');
    await page.getByRole('group', { name: 'Dose basis' }).getByLabel('Per kg of body weight (mg/kg)').check();
    await page.getByLabel('Dose (mg/kg)').fill('1.2');
    await page.getByLabel('Duration of each infusion (min)').fill('40');
    await page.getByLabel('Monitoring interval (min)').fill('15');
    await page.getByLabel('Number of infusions in the series').fill('6');
    await page.getByLabel('Interval between infusions (days)').fill('7');

    const panel = page.getByRole('complementary', { name: 'Arithmetic and checks' });
    const first = expected('1.2');
    await expectText(panel, first.totalFormula);
    await expectText(panel, first.rateFormula);
    await expectText(panel, 'rounded to 0.1 mL/h');
    await expectText(panel, '72.5747792 kg, measured on');
    await expectText(panel, "outside your clinic's configured range: 0.1–1 mg/kg");
    // Point 2: the rate in the pump's steps delivers a little less than signed, and the form says so.
    await expectText(panel, 'The pump rate changes the dose');
    await expectText(panel, first.delivery);

    // Point 5: the button does not pretend; what blocks signing stands beside it.
    const bar = page.getByRole('region', { name: 'Draft status and actions' });
    const signButton = bar.getByRole('button', { name: 'Sign infusion plan' });
    expect(await signButton.getAttribute('aria-disabled')).toBe('true');
    await expectText(bar.locator('.sign-blockers'), "Give a reason for going outside your clinic's configured range");
    await checkScreen(page, '15-plan-blocked', { fullPage: true });

    // Signing is refused until the reason is given.
    await page.getByRole('button', { name: 'Sign infusion plan' }).click({ force: true });
    await expectText(
      page.getByRole('alert').filter({ hasText: 'This plan cannot be signed yet' }),
      "Give a reason for going outside your clinic's configured range",
    );
    await panel
      .getByLabel('Reason for going outside the range')
      .fill('Partial response at 1 mg/kg over four infusions; well tolerated.');
    await waitForSave(page);
    await expect.poll(() => signButton.getAttribute('aria-disabled')).toBe(null);
    await checkScreen(page, '15-plan', { fullPage: true });

    // Point 8: before the password, the dialog shows what the signer attests to.
    await signButton.click();
    const attesting = dialog(page, 'Sign this infusion plan');
    const attestation = attesting.getByRole('region', { name: 'What you are signing' });
    await expectText(attestation, 'RUIZ, Ana María');
    await expectText(attestation, 'Ketamine hydrochloride');
    await expectText(attestation, first.total);
    await expectText(attestation, first.pumpRate);
    await expectText(attestation, '6 infusions');
    await expectText(attestation, 'Partial response at 1 mg/kg over four infusions; well tolerated.');
    await checkScreen(page, '15-plan-signing-dialog');
    await page.keyboard.press('Escape');
    await attesting.waitFor({ state: 'detached' });

    // Later signings in the same session need the password only.
    await sign(page, 'infusion plan', false);
    await heading(page, 'Infusion plan: Ketamine hydrochloride');
    await expectText(page.locator('main'), 'Partial response at 1 mg/kg');
    await expectText(page.getByRole('list', { name: 'Signatures' }), signatureLine);
    await assertAccessible(page, 'signed plan');
  });

  it('lets the physician amend the plan; the history shows both versions and what changed', async () => {
    await amend(page, 'Dose reduced after review of tolerance');
    await page.getByLabel('Dose (mg/kg)').fill('0.8');
    const panel = page.getByRole('complementary', { name: 'Arithmetic and checks' });
    await expectText(panel, 'within every range your clinic configured');
    await waitForSave(page);
    await sign(page, 'infusion plan', false);
    await expectText(page.locator('.record-meta'), 'Amended');

    await page.getByRole('link', { name: 'Version history' }).click();
    await heading(page, 'Infusion plan: Ketamine hydrochloride — version history');
    const versions = page.locator('.versions > li');
    await expectText(versions.nth(0), /Version 1\s+Superseded/);
    await expectText(versions.nth(1), /Version 2\s+Amended/);
    await versions.nth(0).getByRole('link', { name: 'See current version' }).waitFor();
    await expectText(versions.nth(1), 'Dose reduced after review of tolerance');
    const diff = versions.nth(1).getByRole('table', { name: 'Changes from version 1 to version 2' });
    await expectText(
      diff.getByRole('row').filter({ hasText: 'Dose (mg/kg)' }),
      /Dose \(mg\/kg\)\s+Before:\s+1\.2\s+After:\s+0\.8/,
    );
    await expectText(diff, 'Total dose (mg), as worked out');
    await page.getByRole('button', { name: 'Verify signatures' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'intact' }), 'Every signed version is intact');
    await checkScreen(page, '16-history', { fullPage: true });
  });

  it('shows the nurse the amended plan at chairside, read-only and large', async () => {
    nurse = await openSecondWindow(app);
    await firstSignIn(nurse, 'nora.kim', nursePassword);
    await heading(nurse, 'Patients');
    await nurse.getByRole('searchbox', { name: 'Find a patient' }).fill('MRN-101');
    await nurse.getByRole('list', { name: 'Patients found' }).getByRole('link').first().click();
    await heading(nurse, 'RUIZ, Ana María');
    await nurse.getByRole('link', { name: 'Chairside view' }).click();
    await heading(nurse, 'Chairside plan');

    const now = expected('0.8');
    const figures = nurse.locator('.key-figures');
    await expectText(figures, now.pumpRate.replace(' ', '\\s*') === now.pumpRate ? now.pumpRate : now.pumpRate);
    await expectText(figures.locator('.key-figure-primary'), new RegExp(now.pumpRate.replace(' ', '\\s*')));
    await expectText(figures, new RegExp(now.total.replace(' ', '\\s*')));
    await expectText(figures, new RegExp(now.rateMgPerH.replace(' ', '\\s*')));
    await expectText(nurse.locator('main'), 'Series of 6 infusions, every 7 days');
    await expectText(nurse.getByRole('region', { name: 'Patient identification' }), /ALLERGIES\s+Penicillin \(rash\)/i);
    await expectText(nurse.getByRole('list', { name: 'Signatures' }), signatureLine);
    // Nothing on the chairside screen can be edited.
    expect(await nurse.locator('main').locator('input, select, textarea').count()).toBe(0);
    const sizes = await nurse.evaluate(() =>
      [...document.querySelectorAll('.key-figure-value')].map((element) =>
        parseFloat(getComputedStyle(element).fontSize),
      ),
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(32);
    expect(sizes[0]).toBeGreaterThanOrEqual(48);
    // What the nurse draws up is among the large figures (issue 20, point 14).
    const drawUp = figures.locator('.key-figure').filter({ hasText: now.drugVolumeLabel });
    await expectText(drawUp.locator('.key-figure-value'), new RegExp(now.drugVolume.replace(' ', '\\s*')));
    await checkScreen(nurse, '17-chairside', { fullPage: true });
    // On tablets too, every figure fits its card: nothing cut or running into the padding.
    for (const [width, height] of [
      [768, 1024],
      [1024, 768],
      [1280, 800],
    ] as const) {
      await nurse.setViewportSize({ width, height });
      // Charts resize on their own after the window does (a ResizeObserver): wait for the layout to settle.
      await expect.poll(() => overflowing(nurse)).toEqual([]);
      if (width !== 1280) await checkScreen(nurse, `17-chairside-${width}`, { fullPage: true });
    }
  });

  it('tells the nurse at once when the plan on screen is amended or discontinued, without swapping the figures', async () => {
    const before = expected('0.8');
    await page.getByRole('link', { name: 'Record', exact: true }).click();
    await amend(page, 'Dose raised slightly at the patient’s request');
    await page.getByLabel('Dose (mg/kg)').fill('0.9');
    await waitForSave(page);
    await sign(page, 'infusion plan', false);

    const alert = nurse.getByRole('alert').filter({ hasText: 'This plan was amended' });
    await expectText(
      alert,
      /This plan was amended at \d{2}:\d{2} UTC[−+]\d{2}:\d{2} — the figures below are out of date\./,
    );
    // The old figures stay on screen, marked out of date, until the nurse asks for the current plan.
    await expectText(nurse.locator('.key-figure-primary'), new RegExp(before.pumpRate.replace(' ', '\\s*')));
    await expectText(nurse.locator('main'), 'out of date');
    await checkScreen(nurse, '18-chairside-amended', { fullPage: true });
    await alert.getByRole('button', { name: 'Show the current plan' }).click();
    const after = expected('0.9');
    await expectText(nurse.locator('.key-figure-primary'), new RegExp(after.pumpRate.replace(' ', '\\s*')));
    await expect.poll(() => alert.count()).toBe(0);

    await page.getByRole('button', { name: 'Discontinue plan' }).click();
    const stopping = dialog(page, 'Discontinue this infusion plan');
    await stopping.getByLabel('Reason for discontinuing').fill('Patient chose to stop the series.');
    await stopping.getByLabel('Your password').fill(physicianPassword);
    await stopping.getByRole('button', { name: 'Discontinue the plan' }).click();
    await stopping.waitFor({ state: 'detached' });
    await expectText(page.locator('main'), 'No infusion may start from this plan');

    await expectText(
      nurse.getByRole('alert').filter({ hasText: 'discontinued' }),
      /This plan was discontinued at \d{2}:\d{2} UTC[−+]\d{2}:\d{2} — do not start or continue an infusion/,
    );
    await assertAccessible(nurse, 'chairside, discontinued');
  });

  it('surfaces a plan weight 2.2 times the exam weight; signing needs the acknowledgement and its reason', async () => {
    await page.getByRole('link', { name: 'Chart' }).click();
    await heading(page, 'RUIZ, Ana María');
    await page.getByRole('button', { name: 'New plan' }).click();
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await heading(page, 'New infusion plan');
    await chooseDrugInABag(page);
    await page.getByLabel('Diluent volume (mL)').fill('100');
    await page.getByRole('group', { name: 'Dose basis' }).getByLabel('Per kg of body weight (mg/kg)').check();
    await page.getByLabel('Dose (mg/kg)').fill('0.5');
    await page.getByLabel('Duration of each infusion (min)').fill('40');
    await page.getByLabel('Monitoring interval (min)').fill('15');
    await page.getByLabel('Number of infusions in the series').fill('6');
    await page.getByLabel('Interval between infusions (days)').fill('7');

    // The exam recorded 160 lb (72.5747792 kg); "160" entered as kilograms is 2.2046 times that.
    await page.getByRole('group', { name: 'Weight used' }).getByLabel('Entered for this plan').check();
    const entered = page.getByRole('group', { name: 'Weight entered for this plan' });
    await entered.getByLabel('Weight (kg)').fill(weightLb);
    await entered.getByLabel('Date taken').fill(formatDate(today));
    await entered.getByRole('group', { name: 'Source' }).getByLabel('Stated by the patient').check();
    const check = page.locator('.weight-check');
    await expectText(check, 'Weight check: near the factor between pounds and kilograms');
    await expectText(check, /differs from the previous weight, 160 lb = 72\.5747792 kg \(measured on .*, exam\)/);
    await expectText(check, /Weight entered\s+160 kg, stated by the patient on/);
    await expectText(check, /Previous weight\s+160 lb = 72\.5747792 kg, measured on .* \(signed exam\)/);

    // Signing is refused until the weight is acknowledged, with a reason.
    await page.getByRole('button', { name: 'Sign infusion plan' }).click({ force: true });
    const summary = page.getByRole('alert').filter({ hasText: 'This plan cannot be signed yet' });
    await expectText(summary, 'Confirm that you have checked this weight');
    await page.getByLabel('I have checked this weight and keep it as entered').check();
    await page.getByRole('button', { name: 'Sign infusion plan' }).click({ force: true });
    await expectText(summary, 'Give the reason for keeping this weight');
    const reason = 'Weighed again on the clinic scale today: 160 kg.';
    await page.getByLabel('Reason for keeping this weight').fill(reason);
    await waitForSave(page);
    await expect.poll(() => summary.count()).toBe(0);
    await assertAccessible(page, 'plan with a weight check');

    // The signing dialog shows what is being signed: the weight check and the reason.
    await page
      .getByRole('region', { name: 'Draft status and actions' })
      .getByRole('button', { name: 'Sign infusion plan' })
      .click();
    const signing = dialog(page, 'Sign this infusion plan');
    await expectText(signing, 'Weight check you acknowledged');
    await expectText(signing, 'differs from the previous weight');
    await expectText(signing, reason);
    await page.keyboard.press('Escape');
    await signing.waitFor({ state: 'detached' });
    await sign(page, 'infusion plan', false);
    await heading(page, 'Infusion plan: Ketamine hydrochloride');
    await expectText(page.locator('main'), 'Weight check at signing');
    await expectText(page.locator('main'), reason);
    await assertAccessible(page, 'signed plan with a weight check');
  });
});
