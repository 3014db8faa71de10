import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../src/contract/methods';
import { patientInput } from '../support/fixtures';
import { assertAccessible } from './accessibility';
import type { ClinicTemplate, ClinicWorld } from './clinic-harness';
import {
  adminPassword,
  nursePassword,
  physicianPassword,
  prepareClinic,
  startClinicWorld,
  tabletAgent,
} from './clinic-harness';
import {
  answerTo,
  approvalSeenMs,
  askToEnrol,
  enrolledDevice,
  go,
  invokeFrom,
  ledgerCounts,
  markWindow,
  sameWindow,
  signPlan,
} from './clinic-steps';
import { saveScreenshot } from './screenshots';
import { checkScreen, expectText, heading, signIn } from './steps';

/**
 * How soon another device must show what was committed: the host announces each change over
 * server-sent events (it looks every 250 ms); the device then reads again and redraws.
 */
const liveBoundMs = 2_000;

const unreachableText =
  'The clinic host cannot be reached. Retrying… Nothing you typed is lost; nothing is saved until it is back.';

let template: ClinicTemplate | null = null;
let world: ClinicWorld | null = null;

beforeAll(async () => {
  template = await prepareClinic();
});

afterAll(() => {
  template?.app.cleanup();
});

async function newWorld(): Promise<ClinicWorld> {
  if (template === null) throw new Error('The clinic was not set up');
  world = await startClinicWorld(template);
  return world;
}

afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && world !== null) {
    const shots = await world.photographDevices('clinic-e2e-failed');
    console.error(`[clinic e2e] the devices' screens at the failure: ${shots.join(', ')}`);
  }
  await world?.close();
  world = null;
});

describe('clinic host, end to end in Chromium over HTTPS', () => {
  it('refuses every method to a browser that is not enrolled, and changes nothing', async () => {
    const clinic = await newWorld();
    const page = await clinic.newDevice();
    await heading(page, 'Enrol this device');
    await page.getByRole('button', { name: 'Ask to enrol this device' }).waitFor();
    await assertAccessible(page, 'enrol screen, not asked yet');
    const before = ledgerCounts(clinic);
    // Real inputs where a call would change something, so a refusal is not a validation error.
    const inputs: Record<string, unknown> = {
      'auth.signIn': { username: 'admin', password: adminPassword },
      'patients.create': { patient: patientInput({ mrn: 'MRN-999' }) },
    };
    const refused: string[] = [];
    for (const method of methodNames) {
      const answer = await invokeFrom(page, method, inputs[method] ?? {});
      if (answer.status !== 403 || answer.code !== 'FORBIDDEN')
        refused.push(`${method}: ${answer.status} ${answer.code}`);
    }
    expect(refused).toEqual([]);
    expect(methodNames.length).toBeGreaterThan(20);
    expect(ledgerCounts(clinic)).toEqual(before);
    await heading(page, 'Enrol this device');
  });

  it('enrols two devices: the first out of band, the second by an administrator on the first', async () => {
    const clinic = await newWorld();
    const first = await clinic.newDevice();
    const firstCode = await askToEnrol(first);
    const fingerprint = first.locator('.device-fingerprint-value');
    expect((await fingerprint.innerText()).replace(/\s+/g, ':')).toBe(clinic.rootFingerprint);
    await expectText(first.locator('body'), `Ask an administrator to approve code ${firstCode}`);
    await checkScreen(first, '34-device-enrol');
    await clinic.approveOnHost(firstCode, 'Front desk workstation');
    await first.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: approvalSeenMs });

    const second = await clinic.newDevice({ width: 1024, height: 768, userAgent: tabletAgent });
    const secondCode = await askToEnrol(second);
    await signIn(first, 'admin', adminPassword);
    await first.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
    await heading(first, 'Devices');
    const rows = first.getByRole('table').getByRole('row');
    await expectText(rows.filter({ hasText: secondCode }), 'Waiting for approval');
    await expectText(rows.filter({ hasText: 'Front desk workstation' }), 'Enrolled');
    await assertAccessible(first, 'devices page');
    await saveScreenshot(first, '35-devices', { fullPage: true });

    await first.getByLabel('Pairing code').fill(secondCode);
    await first.getByLabel('Device name').fill('Chair 2 tablet');
    await first.getByRole('button', { name: 'Approve the device' }).click();
    await expectText(first.getByRole('main'), 'Chair 2 tablet is enrolled');
    await second.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: approvalSeenMs });
    await expectText(rows.filter({ hasText: 'Chair 2 tablet' }), 'Enrolled');
  });

  it("shows the plan signed on one device on the nurse's chairside on another within 2 s, and its amendment", async () => {
    const clinic = await newWorld();
    const desk = await clinic.newDevice();
    await enrolledDevice(clinic, desk, 'Front desk workstation');
    // A sign-in poll of a minute: what the chair shows within 2 s came over the event stream.
    const chair = await clinic.newDevice({ width: 1024, height: 768, pollMs: 60_000, userAgent: tabletAgent });
    await enrolledDevice(clinic, chair, 'Chair 2 tablet');
    await signIn(chair, 'nora.kim', nursePassword);
    await heading(chair, 'Patients');
    await go(chair, `#/patients/${clinic.patientId}/chairside`);
    await heading(chair, 'Chairside plan');
    await expectText(chair.getByRole('main'), 'There is no signed infusion plan for this patient.');
    await markWindow(chair);

    await signIn(desk, 'ana.ruiz', physicianPassword);
    await heading(desk, 'Patients');
    await go(desk, `#/patients/${clinic.patientId}/records/${clinic.planRecordId}`);
    await heading(desk, /infusion plan/i);
    const signedAt = await signPlan(desk, true);
    await chair.locator('.key-figure-primary').waitFor({ timeout: liveBoundMs + 3_000 });
    const arrivedMs = Date.now() - signedAt;
    console.log(`[clinic e2e] signed plan on the chairside ${arrivedMs} ms after the host answered the signing`);
    expect(arrivedMs).toBeLessThan(liveBoundMs);
    expect(await sameWindow(chair)).toBe(true);
    const figures = chair.locator('.key-figures');
    await expectText(figures, /36\.2\s*mg/);
    await checkScreen(chair, '37-chairside-live', { fullPage: true });
    const shownBefore = await chair.locator('.key-figure-primary').innerText();

    await desk.getByRole('button', { name: 'Amend infusion plan' }).click();
    const amending = desk.getByRole('dialog', { name: 'Amend this infusion plan' });
    await amending.getByLabel('Reason for the amendment').fill('Dose raised after review of tolerance');
    await amending.getByRole('button', { name: 'Start the amendment' }).click();
    await amending.waitFor({ state: 'detached' });
    await desk.getByLabel('Dose (mg/kg)').fill('0.6');
    await expectText(desk.getByRole('region', { name: 'Draft status and actions' }), /Draft saved at \d{2}:\d{2}/);
    const amendedAt = await signPlan(desk, false);
    const alert = chair.getByRole('alert').filter({ hasText: 'This plan was amended' });
    await alert.waitFor({ timeout: liveBoundMs + 3_000 });
    const alertedMs = Date.now() - amendedAt;
    console.log(`[clinic e2e] "plan changed" alert ${alertedMs} ms after the host answered the amendment's signing`);
    expect(alertedMs).toBeLessThan(liveBoundMs);
    // The figures on screen stay those the nurse was reading until they choose the current plan.
    expect(await chair.locator('.key-figure-primary').innerText()).toBe(shownBefore);
    await expectText(figures, /36\.2\s*mg/);
    await alert.getByRole('button', { name: 'Show the current plan' }).click();
    await expectText(figures, /43\.44\s*mg/);
    expect(await sameWindow(chair)).toBe(true);
  });

  it('signs a revoked device out at once and refuses its next call', async () => {
    const clinic = await newWorld();
    const desk = await clinic.newDevice();
    await enrolledDevice(clinic, desk, 'Front desk workstation');
    const chair = await clinic.newDevice({ width: 1024, height: 768, pollMs: 60_000, userAgent: tabletAgent });
    await enrolledDevice(clinic, chair, 'Chair 2 tablet');
    await signIn(chair, 'nora.kim', nursePassword);
    await heading(chair, 'Patients');
    await markWindow(chair);

    await signIn(desk, 'admin', adminPassword);
    await desk.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
    await heading(desk, 'Devices');
    await desk.getByRole('button', { name: 'Revoke Chair 2 tablet' }).click();
    const revoking = desk.getByRole('dialog', { name: 'Revoke Chair 2 tablet' });
    await revoking.getByLabel('Reason').fill('Tablet lost');
    const answered = answerTo(desk, 'devices.revoke');
    await revoking.getByRole('button', { name: 'Revoke the device' }).click();
    await answered;
    const revokedAt = Date.now();
    await chair.getByRole('heading', { level: 1, name: 'Enrol this device' }).waitFor({ timeout: liveBoundMs + 3_000 });
    const leftMs = Date.now() - revokedAt;
    console.log(`[clinic e2e] revoked device on the enrol screen ${leftMs} ms after the host answered`);
    expect(leftMs).toBeLessThan(liveBoundMs);
    expect(await sameWindow(chair)).toBe(true);
    await expectText(chair.getByRole('main'), 'An administrator revoked this device');
    await assertAccessible(chair, 'enrol screen, revoked');
    expect(await invokeFrom(chair, 'clinic.get', {})).toEqual({ status: 403, code: 'FORBIDDEN' });
    await expectText(desk.getByRole('table').getByRole('row').filter({ hasText: 'Chair 2 tablet' }), 'Revoked');
  });

  it('says the host cannot be reached, keeps what was typed, and clears the banner when the host is back', async () => {
    const clinic = await newWorld();
    const desk = await clinic.newDevice();
    await enrolledDevice(clinic, desk, 'Front desk workstation');
    await signIn(desk, 'ana.ruiz', physicianPassword);
    await heading(desk, 'Patients');
    await desk.getByRole('link', { name: 'New patient' }).click();
    await heading(desk, 'New patient');
    await desk.getByLabel('MRN').fill('MRN-305');
    await desk.getByLabel('Family name').fill('Mensah');
    await desk.getByLabel('Given names').fill('Kofi');
    await markWindow(desk);

    await clinic.stopHost();
    const banner = desk.locator('.host-banner');
    // The next sign-in poll (every 5 s) finds the host away.
    await expectText(banner, unreachableText, 8_000);
    // One line across the top, over the form.
    const lines = await banner.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBe(1);
    expect(await desk.getByLabel('Family name').inputValue()).toBe('Mensah');
    expect(await desk.getByLabel('Given names').inputValue()).toBe('Kofi');
    await saveScreenshot(desk, '36-host-unreachable');

    await clinic.startHost();
    await expect.poll(() => banner.innerText(), { timeout: 8_000 }).toBe('');
    expect(await sameWindow(desk)).toBe(true);
  });
});
