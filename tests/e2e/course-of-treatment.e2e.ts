import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleItemName } from '../../src/domain/scale-items';
import { Decimal } from '../../src/domain/quantity';
import { openLedger } from '../../src/services/ledger';
import { allNdjsonResources } from '../export/support/export-reader';
import { requiredBindingErrors } from '../export/support/fhir-bindings';
import { r4Report } from '../export/support/r4-validator';
import { serviceExportFiles } from '../export/support/service-export';
import { assertAccessible } from './accessibility';
import type { Seeded } from './course-of-treatment-seed';
import {
  examPatientId,
  nurse,
  physician,
  relief,
  scenarioPdfs,
  seed,
  seriesAsCharted,
  seriesPatientId,
  verifiedPdfText,
} from './course-of-treatment-seed';
import { charted, discharge, fillVitals, go, happened, region, signInTo, signWith } from './course-of-treatment-steps';
import type { LaunchedApp } from './harness';
import { launchApp } from './harness';
import { overflowing } from './overflow';
import { saveScreenshot } from './screenshots';
import { expectText, heading, signOut } from './steps';

/**
 * Issue 22 end to end in Chromium: an exam with a stale ECG and PHQ-9 item 9 above 0 is flagged
 * and acknowledged before it is signed; the nurse charts one more infusion of a series with its
 * supervising physician, monitoring, a handover, a recovery check and the discharge
 * instructions; the course view shows the change from baseline; the physician signs a course
 * review; every PDF verifies in pdfsig and the export's FHIR validates.
 */
describe('the course of treatment (issue 22), end to end in Chromium', () => {
  let app: LaunchedApp | undefined;
  let page: Page;
  let tempDir: string;
  let dbPath: string;
  let seeded: Seeded;
  let sessionId = 0;
  let reviewRecordId = 0;

  beforeAll(async () => {
    tempDir = mkdtempSync(join(tmpdir(), 'dosing-ledger-course-'));
    dbPath = join(tempDir, 'ledger.sqlite');
    seeded = seed(dbPath);
    app = await launchApp({ dbPath });
    page = app.page;
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await app?.close();
    if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
  });

  it('flags the suicide risk and the stale ECG, refuses to sign until both are answered, then signs', async () => {
    await signInTo(page, physician);
    await go(page, `#/patients/${examPatientId}/records/${seeded.examRecordId}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Suicide risk flagged' });
    await expectText(alert, /Suicide risk flagged: PHQ-9 item 9 scored 1 of 3/);
    const results = region(page, 'Pre-treatment results');
    await expectText(results, /ECG\s+Stale\s*[—-]?\s*240 days old, limit 180 days/);

    await page.getByRole('button', { name: 'Sign exam' }).click({ force: true });
    const refusal = page.getByRole('alert').filter({ hasText: 'This exam cannot be signed yet' });
    await expectText(refusal, 'Suicide risk flagged (PHQ-9 item 9 scored 1 of 3');
    await expectText(refusal, 'record what was done');
    await expectText(refusal, /missing or stale \(ECG: Stale — 240 days old, limit 180 days\)/);
    await assertAccessible(page, 'flagged exam draft');
    await region(page, 'Suicide risk').evaluate((element) => element.scrollIntoView());
    await saveScreenshot(page, '45-exam-suicide-risk-flagged');

    await page
      .getByLabel('What was done about it')
      .fill('Passive thoughts, no plan; safety plan written; crisis line given.');
    await page
      .getByLabel('Reason for signing without the missing or stale results')
      .fill('ECG of eight months ago was normal; a new ECG is booked before the second infusion.');
    await expectText(region(page, 'Draft status and actions'), /Draft saved at \d{2}:\d{2}/);
    await expect.poll(() => refusal.count()).toBe(0);
    await region(page, 'Draft status and actions').getByRole('button', { name: 'Sign exam' }).click();
    const signing = page.getByRole('dialog', { name: 'Sign this exam' });
    await signWith(signing, physician);
    await signing.getByRole('button', { name: 'Sign exam' }).click();
    await signing.waitFor({ state: 'detached' });
    await expectText(page.getByRole('status').filter({ hasText: 'Signed.' }), 'This version can no longer change');
    const main = page.locator('main');
    await expectText(main, 'What was done about it');
    await expectText(main, 'Passive thoughts, no plan; safety plan written; crisis line given.');
    await expectText(main, 'ECG of eight months ago was normal');
    await signOut(page);
  });

  it('charts one more infusion: supervision, monitoring, a handover, a recovery check and the discharge', async () => {
    await signInTo(page, nurse);
    await go(page, `#/patients/${seriesPatientId}`);
    await region(page, 'Infusion sessions').getByRole('link', { name: 'Start infusion session' }).click();
    await heading(page, 'Start infusion session');
    const base = DateTime.now();
    const form = region(page, 'Pre-infusion checklist');
    await happened(form, base, 12);
    await form.getByRole('group', { name: 'Patient identity' }).getByRole('checkbox').check();
    await form.getByRole('group', { name: 'Escort present' }).getByLabel('Yes').check();
    await form.getByLabel("Escort's name").fill('Luis Ruiz');
    await form.getByRole('group', { name: 'Fasting status' }).getByLabel('Fasted as instructed').check();
    await form.getByLabel('Changes since the last visit').fill('None');
    await form.getByLabel('IV site').fill('Left antecubital');
    await form.getByLabel('IV gauge').selectOption('22');
    await fillVitals(form, ['124', '80', '76', '98', '14', '36.7']);
    await form.getByLabel('Pain now (numeric rating scale 0–10)').selectOption('3');
    await form.getByLabel('Record PHQ-9 today').check();
    for (const [index, score] of [0, 1, 0, 0, 1, 1, 0, 0, 0].entries()) {
      await form.getByLabel(scaleItemName('phq9', index), { exact: true }).selectOption(String(score));
    }
    await expectText(form, 'PHQ-9 total 3 of 27');
    // The plan's weekly interval is not up (the demo's last infusion was six days ago).
    await expectText(form, 'The signed plan does not allow this time');
    await form.getByLabel('Reason for going ahead at this time').fill('Patient travels next week; Dr Ruiz agreed');
    const monitoring = page.getByRole('group', { name: 'Monitoring in use' });
    await expectText(monitoring, 'Your clinic requires: Pulse oximetry, Non-invasive blood pressure.');
    await monitoring.getByLabel('Pulse oximetry (required by your clinic)').check();
    await monitoring.getByLabel('Non-invasive blood pressure (required by your clinic)').check();
    const supervisor = page.getByLabel('Supervising physician');
    await supervisor.selectOption({ label: physician.printedName });
    await page.getByRole('group', { name: 'The physician is' }).getByLabel('On site').check();
    await page.getByRole('button', { name: 'Start the session' }).click();
    await page.waitForURL(/\/sessions\/\d+$/);
    sessionId = Number(/\/sessions\/(\d+)$/.exec(page.url())?.[1]);
    await expectText(page.locator('main'), `Supervised by`);
    await expectText(page.locator('main'), physician.printedName);

    await page.getByRole('button', { name: 'Start infusion' }).click();
    const start = region(page, 'Start the infusion');
    await happened(start, base, 10);
    await start.getByLabel('Pump rate (mL/h)').fill(seeded.rate);
    const drawn = start.getByRole('group', { name: /Drawn from/ });
    for (const [index, draw] of seeded.draws.entries()) {
      const label = index === 0 ? 'Container' : 'Second container (if any)';
      await drawn.getByLabel(label, { exact: true }).selectOption(String(draw.containerId));
      await drawn.getByLabel('Volume drawn (mL)').nth(index).fill(draw.volumeMl);
    }
    await start.getByRole('button', { name: 'Chart the start' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'End infusion' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Handover' }).click();
    const handover = region(page, 'Hand over supervision');
    await happened(handover, base, 6);
    await handover.getByLabel('Physician taking over').selectOption({ label: relief.printedName });
    await handover.getByRole('group', { name: 'The physician is' }).getByLabel('On site').check();
    await handover.getByRole('button', { name: 'Save the handover' }).click();
    await expectText(page.locator('main'), relief.printedName);

    await page.getByRole('button', { name: 'End infusion' }).click();
    const end = region(page, 'End the infusion');
    await happened(end, base, 3);
    await end.getByLabel('Volume infused (mL)').fill(new Decimal('100').plus(seeded.drawnVolumeMl).toFixed());
    const wasted = !new Decimal(seeded.wasteMg).isZero();
    if (wasted) {
      await end.getByLabel('Drug discarded (mg)').fill(seeded.wasteMg);
      const witness = end.getByRole('group', { name: 'Witness to the discarded drug' });
      await witness.getByLabel('Witness user ID').fill(physician.username);
      await witness.getByLabel('Witness password').fill(physician.password);
    }
    await end.getByLabel('Reason or note').fill('Course end-to-end test: ended early');
    await end.getByRole('button', { name: 'Chart the end' }).click();
    await expectText(region(page, 'Timed checks'), /Next recovery check (in|due)/);

    await page.getByRole('button', { name: 'Record a check' }).click();
    const check = region(page, 'Record a check');
    await fillVitals(check, ['120', '78', '72', '98', '14', '36.7']);
    await check.getByRole('group', { name: 'Sedation (MOAA/S)' }).getByLabel(/^5/).check();
    for (let index = 0; index < 6; index += 1) {
      await check.getByLabel(new RegExp(`^${index + 1}\\. `)).selectOption('0');
    }
    await check.getByLabel('Pain now (numeric rating scale 0–10)').selectOption('2');
    await check.getByRole('group', { name: 'Nausea' }).getByLabel('None').check();
    await check.getByRole('button', { name: 'Save the check' }).click();
    await expectText(region(page, 'Timeline'), /Recovery check/);

    await page.getByRole('button', { name: 'Record the discharge' }).click();
    const leaving = region(page, 'Record the discharge');
    const criteria = leaving.getByRole('group', { name: 'Discharge criteria' }).getByRole('checkbox');
    await expect.poll(() => criteria.count()).toBeGreaterThan(0);
    for (const criterion of await criteria.all()) await criterion.check();
    await fillVitals(leaving, ['122', '78', '74', '98', '14', '36.7']);
    // The clinic's written instructions are stored with the discharge and printed in the record (checked in its PDF).
    await expectText(leaving, /Your clinic’s written instructions \(session settings version \d+\) are stored/);
    await leaving.getByLabel('Discharge instructions given and understood').check();
    await leaving.getByRole('button', { name: 'Save the discharge' }).click();
    await expectText(page.locator('.session-status-line'), 'Discharged');

    await page.getByRole('button', { name: 'Sign as performed' }).click();
    const sign = region(page, 'Sign as performed');
    await signWith(sign, nurse);
    await sign.getByRole('button', { name: 'Sign as performed' }).click();
    await charted(page, 'Signed as performed.');
  });

  it('shows each scale’s baseline, the change from baseline and the thresholds met on the course view', async () => {
    await page.getByRole('link', { name: 'Course of infusions' }).click();
    await heading(page, 'Course of infusions');
    const main = page.locator('main');
    await expectText(main, 'PHQ-9 (0–27): Baseline 8 (at the exam the plan rests on)');
    const table = page.getByRole('table', { name: /^PHQ-9 \(0–27\): Baseline/ });
    const last = table.getByRole('row').last();
    await expectText(last, /\b3\b/);
    await expectText(last, /−5 points \(≈? ?−6[23](\.5)?%\)/);
    await expectText(last, /Response met \(/);
    await expectText(last, /Remission met \(/);
    // Every infusion of the series has its row; the demo's first (PHQ-9 5) is short of both thresholds.
    await expect.poll(() => table.getByRole('row').count()).toBe(seeded.earlier + 2);
    await expectText(table, /Response not met/);
    expect(await overflowing(page)).toEqual([]);
    await assertAccessible(page, 'course view');
    await saveScreenshot(page, '46-course-view', { fullPage: true });
    await signOut(page);
  });

  it('the physician signs a course review of the series', async () => {
    await signInTo(page, physician);
    await go(page, `#/patients/${seriesPatientId}`);
    await page.getByRole('button', { name: 'Sign a course review' }).click();
    const chooser = page.getByRole('group', { name: 'Sign a course review' });
    await chooser.getByLabel('Series reviewed').selectOption(String(seeded.planRecordId));
    await chooser.getByRole('button', { name: 'Start the review' }).click();
    await page.waitForURL(/\/records\/\d+$/);
    reviewRecordId = Number(/\/records\/(\d+)$/.exec(page.url())?.[1]);
    await page.getByRole('group', { name: 'Outcome' }).getByLabel('Response', { exact: true }).check();
    await page.getByRole('group', { name: 'Decision' }).getByLabel('Maintenance', { exact: true }).check();
    await page.getByLabel('Interval between maintenance infusions (days)').fill('28');
    await page
      .getByLabel('Reason for the decision')
      .fill('PHQ-9 down from 8 to 3 over the series; the patient wishes to continue.');
    await expectText(region(page, 'Draft status and actions'), /Draft saved at \d{2}:\d{2}/);
    await region(page, 'Draft status and actions').getByRole('button', { name: 'Sign course review' }).click();
    const signing = page.getByRole('dialog', { name: 'Sign this course review' });
    await signWith(signing, physician);
    await signing.getByRole('button', { name: 'Sign course review' }).click();
    await signing.waitFor({ state: 'detached' });
    await expectText(page.getByRole('status').filter({ hasText: 'Signed.' }), 'This version can no longer change');
    const main = page.locator('main');
    await expectText(main, 'Maintenance');
    await expectText(main, 'every 28 days');
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await overflowing(page)).toEqual([]);
    await saveScreenshot(page, '47-course-review', { fullPage: true });
    await signOut(page);
  });

  it('every PDF of the scenario verifies in pdfsig, and the export’s FHIR validates', async () => {
    await app?.close();
    app = undefined;
    const ledger = openLedger(dbPath);
    try {
      const pdfs = scenarioPdfs(ledger, { examVersionId: seeded.examVersionId, sessionId, reviewRecordId });
      const exam = verifiedPdfText(tempDir, 'exam.pdf', pdfs.exam);
      expect(exam).toContain('Passive thoughts, no plan');
      expect(exam).toContain('ECG of eight months ago was normal');
      const session = verifiedPdfText(tempDir, 'session.pdf', pdfs.session);
      expect(session).toContain(physician.printedName);
      expect(session).toContain(relief.printedName);
      expect(session).toContain('Recovery check');
      expect(session).toContain(discharge);
      const review = verifiedPdfText(tempDir, 'review.pdf', pdfs.review);
      expect(review).toContain('PHQ-9 down from 8 to 3 over the series');

      // The whole series, the demo's infusions and the test's: supervised, monitored, recovery checks charted.
      const series = seriesAsCharted(ledger, seriesPatientId);
      expect(series).toHaveLength(seeded.earlier + 1);
      expect(series.length).toBeGreaterThanOrEqual(3);
      for (const session of series) {
        expect(session.supervisedBy).toBe(physician.printedName);
        expect(session.monitoring).toEqual(expect.arrayContaining(['pulseOximetry', 'nibp']));
        expect(session.recoveryChecks).toBeGreaterThan(0);
        expect(session.status).toBe('Signed');
      }

      const files = serviceExportFiles(ledger, { from: null, to: null, patientIds: [examPatientId, seriesPatientId] });
      const resources = allNdjsonResources(files);
      const types = new Set(resources.map((resource) => resource.resourceType));
      for (const type of ['ClinicalImpression', 'CarePlan', 'Observation', 'MedicationStatement']) {
        expect(types, type).toContain(type);
      }
      expect(resources.flatMap((resource) => r4Report(resource).errors)).toEqual([]);
      expect(resources.flatMap(requiredBindingErrors)).toEqual([]);
    } finally {
      ledger.close();
    }
  }, 300_000);
});
