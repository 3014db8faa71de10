import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPatientName } from '../../src/domain/patient';
import { patientInput } from '../support/fixtures';
import { signedPlanFor } from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import {
  adminPassword,
  createTestApp,
  saveFormulary,
  setUpClinic,
  signedInUser,
  staffPassword,
} from '../support/test-app';
import { assertAccessible } from './accessibility';
import type { LaunchedApp } from './harness';
import { launchApp, testPollMs } from './harness';
import { overflowing } from './overflow';
import { saveScreenshot, screenshotsDir } from './screenshots';
import { expectText, heading, superviseAndMonitor, signIn, signOut } from './steps';

/**
 * Informed consent end to end (issue 21): the administrator writes the clinic's consent text; a
 * patient without consent is refused an infusion, saying why; on a tablet-sized screen with touch,
 * a patient reads, initials and signs by drawing, and the physician completes it; the nurse then
 * starts that patient's infusion.
 */

interface Seeded {
  consenting: { patientId: number; planRecordId: number; name: string; typed: string };
  without: { patientId: number };
}

function seed(app: TestApp): Seeded {
  const admin = setUpClinic(app);
  const physician = signedInUser(app, admin, 'physician');
  const nurse = signedInUser(app, admin, 'nurse');
  saveFormulary(app, admin);
  const create = (mrn: string, givenNames: string, familyName: string) =>
    app.ok(nurse, 'patients.create', {
      patient: patientInput({ mrn, givenNames, familyName, dateOfBirth: '1979-04-12' }),
    });
  const ana = create('CNS-001', 'Ana María', 'Ruiz Peña');
  const ben = create('CNS-002', 'Ben', 'Okafor');
  const plan = signedPlanFor(app, physician, ana.id);
  signedPlanFor(app, physician, ben.id);
  for (const signIn of [admin, physician, nurse]) app.ok(signIn, 'auth.signOut', {});
  return {
    consenting: {
      patientId: ana.id,
      planRecordId: plan.planRecordId,
      name: formatPatientName(ana),
      typed: 'Ana María Ruiz Peña',
    },
    without: { patientId: ben.id },
  };
}

/** Draws a scrawl across the element with touch events (a finger on a tablet), as Chromium turns them into pointer events. */
async function drawWithFinger(page: Page, context: BrowserContext, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (box === null) throw new Error('the signature pad is not on screen');
  const cdp = await context.newCDPSession(page);
  const at = (fraction: number) => ({
    x: box.x + box.width * (0.1 + 0.8 * fraction),
    y: box.y + box.height * (0.5 + 0.3 * Math.sin(fraction * 12)),
  });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(0)] });
  for (let step = 1; step <= 40; step += 1) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(step / 40)] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const go = (page: Page, hash: string) =>
  page.evaluate((target) => {
    window.location.hash = target;
  }, hash);

describe('informed consent, end to end in Chromium', () => {
  let testApp: TestApp;
  let app: LaunchedApp;
  let page: Page;
  let seeded: Seeded;
  const title = 'Consent to IV ketamine infusions';

  beforeAll(async () => {
    testApp = createTestApp();
    seeded = seed(testApp);
    testApp.ledger.close();
    app = await launchApp({ dbPath: testApp.path });
    page = app.page;
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await app?.close();
    testApp?.cleanup();
  });

  it('the administrator writes the consent text, seeing its reading level', async () => {
    await signIn(page, 'admin', adminPassword);
    await page.getByRole('navigation').getByRole('link', { name: 'Consent' }).click();
    await heading(page, 'Consent documents');
    await page.getByRole('button', { name: 'Write a new consent document' }).click();
    await page.getByLabel('Title').fill(title);
    await page
      .getByLabel('Text the patient reads')
      .fill(
        '# What the treatment is\n\nA series of ketamine infusions into a vein. A nurse stays with you.\n\n# Risks\n\nYou may feel dreamlike or sick. Your blood pressure may rise.\n\n# Your right to withdraw\n\nYou may stop at any time.',
      );
    await page.getByRole('button', { name: 'Add a point to initial' }).click();
    await page.getByLabel('Point 1', { exact: true }).fill('I will not drive until the next day.');
    await page.getByLabel('Valid for (months)').fill('12');
    await expectText(page.locator('main'), /Reading level: grade \d+\.\d/);
    await page.getByLabel('Reason for this version').fill('Approved by the medical director');
    await saveScreenshot(page, '42-consent-document', { fullPage: true });
    await page.getByRole('button', { name: 'Save as version 1' }).click();
    await expectText(page.locator('main'), 'Approved by the medical director');
    await assertAccessible(page, 'consent documents');
    await signOut(page);
  });

  it('refuses to start an infusion for a patient without consent, saying why', async () => {
    await signIn(page, 'nurse', staffPassword);
    await heading(page, 'Patients');
    await go(page, `#/patients/${seeded.without.patientId}/sessions/new`);
    const refusal = page
      .getByText('No current informed consent for this series: the infusion cannot start')
      .locator('..');
    await expectText(refusal, `“${title}”: No consent recorded`);
    // The patient banner says it on every screen of the patient.
    await expectText(page.getByRole('region', { name: 'Patient identification' }), /Consent\s+Needed/);
    await expect.poll(() => page.getByRole('button', { name: 'Start the session' }).count()).toBe(0);
    await expect.poll(() => refusal.getByRole('link', { name: 'Record the patient’s consent' }).count()).toBe(1);
    await signOut(page);
  });

  it('on a tablet, the patient reads, initials and signs by drawing; the physician completes it', async () => {
    const tablet = await app.browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true });
    await tablet.addInitScript((pollMs: number) => {
      window.sessionStorage.setItem('ledger.pollMs', String(pollMs));
    }, testPollMs);
    const screen = await tablet.newPage();
    screen.setDefaultTimeout(15_000);
    try {
      await screen.goto(app.url);
      await signIn(screen, 'physician', staffPassword);
      await heading(screen, 'Patients');
      const { patientId, planRecordId } = seeded.consenting;
      await go(screen, `#/patients/${patientId}/consents/new?plan=${planRecordId}`);
      await expectText(screen.getByRole('region', { name: `Text of ${title}` }), 'You may stop at any time.');
      await screen.getByLabel(/I will not drive until the next day/).tap();
      await screen.getByLabel('Type your full name').fill(seeded.consenting.typed);
      await drawWithFinger(screen, tablet, screen.locator('svg.signature-pad'));
      await expectText(screen.locator('main'), /Signature drawn/);
      await screen.getByLabel('Your user ID').fill('physician');
      await screen.getByLabel('Your password').fill(staffPassword);
      expect(await overflowing(screen)).toEqual([]);
      await saveScreenshot(screen, '43-consent-signed-on-tablet', { fullPage: true });
      await screen.getByRole('button', { name: 'Record consent' }).click();
      await expectText(screen.locator('main'), 'The consent is recorded.');
      const consents = screen.getByRole('region', { name: 'Consents' });
      await expectText(consents, 'Current');
      await expectText(screen.getByRole('region', { name: 'Patient identification' }), /Consent\s+Current/);
      await assertAccessible(screen, 'consent recorded');
      // The signed PDF: pdfsig verifies it; its first page is kept to be looked at (the drawn signature).
      const [download] = await Promise.all([
        screen.waitForEvent('download'),
        consents.getByRole('button', { name: 'Signed consent PDF' }).click(),
      ]);
      const pdfPath = join(testApp.dir, download.suggestedFilename());
      await download.saveAs(pdfPath);
      const check = spawnSync('pdfsig', [pdfPath], { encoding: 'utf8' }).stdout;
      expect(check).toContain('Signature is Valid.');
      expect(check).toContain('Total document signed');
      const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(title);
      expect(text).toContain(seeded.consenting.name);
      expect(text).toMatch(/Page 1 of \d/);
      // The page with the drawn signature, kept with the screenshots to be looked at.
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1]);
      const signaturePage =
        Array.from({ length: pages }, (_, index) => index + 1).find((number) =>
          execFileSync('pdftotext', ['-f', String(number), '-l', String(number), pdfPath, '-'], {
            encoding: 'utf8',
          }).includes('Obtained consent'),
        ) ?? 1;
      const page = String(signaturePage);
      execFileSync('pdftoppm', [
        '-f',
        page,
        '-l',
        page,
        '-r',
        '80',
        '-png',
        '-singlefile',
        pdfPath,
        join(screenshotsDir, 'pdf-consent'),
      ]);
    } finally {
      await tablet.close();
    }
  });

  it('then the nurse may start that patient’s infusion', async () => {
    await signIn(page, 'nurse', staffPassword);
    await heading(page, 'Patients');
    await go(page, `#/patients/${seeded.consenting.patientId}/sessions/new`);
    await heading(page, 'Start infusion session');
    await expect.poll(() => page.getByText('No current informed consent').count()).toBe(0);
    const form = page.getByRole('region', { name: 'Pre-infusion checklist' });
    await form.getByRole('group', { name: 'Patient identity' }).getByRole('checkbox').check();
    await form.getByRole('group', { name: 'Escort present' }).getByLabel('Yes').check();
    await form.getByLabel("Escort's name").fill('Luis Ruiz');
    await form.getByRole('group', { name: 'Fasting status' }).getByLabel('Fasted as instructed').check();
    await form.getByLabel('Changes since the last visit').fill('None');
    await form.getByLabel('IV site').fill('Left antecubital');
    await form.getByLabel('IV gauge').selectOption('22');
    for (const [label, value] of [
      ['Systolic BP (mmHg)', '124'],
      ['Diastolic BP (mmHg)', '80'],
      ['Heart rate (beats/min)', '76'],
      ['SpO2 (%)', '98'],
      ['Respiratory rate (breaths/min)', '14'],
      ['Temperature (°C)', '36.7'],
    ] as const) {
      await form.getByLabel(label).fill(value);
    }
    await form.getByLabel('Pain now (numeric rating scale 0–10)').selectOption('6');
    await superviseAndMonitor(page);
    await page.getByRole('button', { name: 'Start the session' }).click();
    await heading(page, /^Infusion 1 of 6 · \d{2}-[A-Z][a-z]{2}-\d{4}$/);
  });
});
