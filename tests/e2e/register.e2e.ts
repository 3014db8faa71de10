import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, seedDemo } from '../../src/cli/demo';
import type { CallResult } from '../../src/contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import { programmedRateMlPerH } from '../../src/domain/dose';
import { Decimal, formatNumber } from '../../src/domain/quantity';
import { dispatch } from '../../src/services/dispatch';
import type { Ledger } from '../../src/services/ledger';
import { openLedger } from '../../src/services/ledger';
import type { SignIn } from '../../src/services/sign-in';
import { createSignIn } from '../../src/services/sign-in';
import { noMonitoring } from '../../src/domain/session-monitoring';
import { testChecklist } from '../support/session-entries';
import { assertAccessible } from './accessibility';
import type { LaunchedApp } from './harness';
import { launchApp } from './harness';
import { overflowing } from './overflow';
import { saveScreenshot } from './screenshots';
import { expectText, heading, signIn as signInAs, signOut } from './steps';

/**
 * The controlled-substance register end to end in Chromium (issue 13): a physician receives
 * two vials; two infusions draw from them at their start and waste the rest, witnessed, at their
 * end; an ad hoc count finds one vial short; the nurse explains it and a physician reviews it;
 * the physician signs the register report, which pdfsig verifies.
 */
const passwordOf = (username: string) => demoUsers.find((user) => user.username === username)?.password ?? '';
const nurse = { username: 'nurse.chen', password: passwordOf('nurse.chen') };
const physician = { username: 'dr.ruiz', password: passwordOf('dr.ruiz') };
const witness = { username: 'nurse.patel', password: 'Lantern-witness-2026', printedName: 'Priya Patel, RN' };
/** Each infusion draws 1 mL of a 2 mL vial of 50 mg/mL and wastes what the plan does not give. */
const drawnMl = '1';
const drawnMg = new Decimal(50);
/** A lot that expires in about a year, as printed on the vial ("Jun-2027"). */
const lotExpiry = (() => {
  const date = new Date(Date.now() + 365 * 86_400_000);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    date.getUTCMonth()
  ];
  return `${month ?? 'Jan'}-${date.getUTCFullYear()}`;
})();

interface Infusion {
  patientId: number;
  sessionId: number;
  rate: string;
  /** The plan's dose (mg) and what is left of the 1 mL drawn (mg), exact. */
  doseMg: string;
  wasteMg: string;
  plannedVolumeMl: string;
}

function caller(ledger: Ledger) {
  return <M extends MethodName>(session: SignIn, method: M, input: MethodInput<M>): MethodOutput<M> => {
    const result = dispatch({ ledger, signIn: session }, method, input) as CallResult<MethodOutput<M>>;
    if (!result.ok) throw new Error(`${method} was refused: ${result.error.message}`);
    return result.value;
  };
}

/** The demo clinic, a second nurse to witness, and two infusions whose checklists are done. */
function seed(dbPath: string): Infusion[] {
  const ledger = openLedger(dbPath);
  try {
    seedDemo(ledger, { patientCount: 12 });
    const call = caller(ledger);
    const admin = createSignIn();
    call(admin, 'auth.signIn', { username: 'admin', password: passwordOf('admin') });
    const temporaryPassword = `${witness.password}-first`;
    call(admin, 'users.create', {
      username: witness.username,
      displayName: 'Priya Patel',
      credentials: 'RN',
      role: 'nurse',
      temporaryPassword,
      adminPassword: passwordOf('admin'),
    });
    const second = createSignIn();
    call(second, 'auth.signIn', { username: witness.username, password: temporaryPassword });
    call(second, 'auth.changePassword', { currentPassword: temporaryPassword, newPassword: witness.password });
    const chen = createSignIn();
    call(chen, 'auth.signIn', nurse);
    const infusions = Array.from({ length: 12 }, (_, index) => index + 1).flatMap((patientId): Infusion[] => {
      const plan = call(chen, 'records.list', { patientId }).records.find(
        (record) =>
          record.type === 'plan' && record.discontinued === null && record.versions.some((v) => v.status === 'signed'),
      );
      const open = call(chen, 'sessions.list', { patientId }).sessions.some(
        (session) => !['Discharged', 'Signed', 'Amended after signing'].includes(session.status),
      );
      const current = plan?.versions.filter((version) => version.status === 'signed').at(-1);
      if (plan === undefined || current === undefined || open) return [];
      const computed = current.recordType === 'plan' ? current.computed : null;
      const doseMg = computed?.derived.totalMg;
      const rate = computed === null ? null : programmedRateMlPerH(computed.derived);
      if (doseMg === undefined || rate === null || new Decimal(doseMg).greaterThan(drawnMg)) return [];
      const session = call(chen, 'sessions.start', {
        planRecordId: plan.id,
        planVersionId: current.id,
        occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        // The demo clinic requires pulse oximetry and NIBP at every infusion.
        checklist: { ...testChecklist, monitoring: { ...noMonitoring, pulseOximetry: true, nibp: true } },
        timingReason: 'Register end-to-end test',
        supervision: {
          physicianUserId: call(chen, 'sessions.physicians', {}).physicians[0]?.userId ?? 0,
          availability: 'on-site',
        },
      });
      return [
        {
          patientId,
          sessionId: session.id,
          rate,
          doseMg,
          wasteMg: drawnMg.minus(doseMg).toFixed(),
          plannedVolumeMl: session.plannedVolumeMl ?? '100',
        },
      ];
    });
    for (const session of [admin, second, chen]) call(session, 'auth.signOut', {});
    if (infusions.length < 2) throw new Error('the demo has fewer than two patients ready for an infusion');
    return infusions.slice(0, 2);
  } finally {
    ledger.close();
  }
}

/** How many deliveries the demo's register received before the test's own. */
function countReceipts(dbPath: string): number {
  const ledger = openLedger(dbPath);
  try {
    return ledger.raw.prepare('SELECT count(*) FROM register_receipts').pluck().get() as number;
  } finally {
    ledger.close();
  }
}

describe('the controlled-substance register, end to end in Chromium', () => {
  let app: LaunchedApp;
  let page: Page;
  let tempDir: string;
  let infusions: Infusion[];
  let demoReceipts: number;
  const labels: string[] = [];

  beforeAll(async () => {
    tempDir = mkdtempSync(join(tmpdir(), 'dosing-ledger-register-'));
    const dbPath = join(tempDir, 'ledger.sqlite');
    infusions = seed(dbPath);
    demoReceipts = countReceipts(dbPath);
    app = await launchApp({ dbPath });
    page = app.page;
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await app?.close();
    if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
  });

  async function signIn(account: { username: string; password: string }): Promise<void> {
    await signInAs(page, account.username, account.password);
    await heading(page, 'Patients');
  }

  async function openRegister(): Promise<void> {
    await page.getByRole('navigation').getByRole('link', { name: 'Register' }).click();
    await heading(page, 'Controlled-substance register');
  }

  it('receives two vials, checked by a nurse, each with its own label', async () => {
    await signIn(physician);
    await openRegister();
    await page.getByRole('link', { name: 'Record a receipt' }).click();
    await heading(page, 'Record a receipt');
    await page.getByLabel('Drug', { exact: true }).selectOption({ label: 'Ketamine hydrochloride' });
    await page.getByLabel('Concentration').selectOption('50');
    await page.getByLabel('Volume of each container (mL)').fill('2');
    await page.getByLabel('Number of containers').fill('2');
    await page.getByLabel('Lot number').fill('E2E-4471');
    await page.getByLabel('Expiry').fill(lotExpiry);
    await page.getByLabel('Supplier’s name').fill('Casco Bay Pharmaceutical Supply');
    await page.getByLabel('Supplier’s registration number').fill('RC0000000');
    await page.getByLabel('Supplier’s address').fill('40 Commercial Street, Portland, ME 04101');
    await page.getByLabel('Invoice or order number').fill('CB-200117');
    await page.getByLabel('Checker’s user ID').fill(nurse.username);
    await page.getByLabel('Checker’s password').fill(nurse.password);
    await page.getByRole('button', { name: /Record the receipt/ }).click();
    // The demo's deliveries came first: this receipt is the next one, its vials -1 and -2.
    const receipt = `R${demoReceipts + 1}`;
    await expectText(page.locator('main'), `${receipt}-1`);
    await expectText(page.locator('main'), `${receipt}-2`);
    labels.push(`${receipt}-1`, `${receipt}-2`);
    await assertAccessible(page, 'receipt recorded');
    await signOut(page);
  });

  it('draws each infusion’s dose from a vial at its start and wastes the rest, witnessed, at its end', async () => {
    await signIn(nurse);
    for (const [index, infusion] of infusions.entries()) {
      const label = labels[index] ?? '';
      await page.evaluate((hash) => {
        window.location.hash = hash;
      }, `#/patients/${infusion.patientId}/sessions/${infusion.sessionId}`);
      await page.getByRole('button', { name: 'Start infusion' }).click();
      const start = page.getByRole('region', { name: 'Start the infusion' });
      await start.getByLabel('Pump rate (mL/h)').fill(infusion.rate);
      const drawn = start.getByRole('group', { name: /Drawn from/ });
      const containerField = drawn.getByLabel('Container', { exact: true });
      const option = await containerField.locator('option', { hasText: `${label} ·` }).getAttribute('value');
      await containerField.selectOption(option ?? '');
      await drawn.getByLabel('Volume drawn (mL)').first().fill(drawnMl);
      await expectText(drawn, `${label}: lot E2E-4471`);
      expect(await start.getByLabel('Lot number').count()).toBe(0);
      if (index === 0) {
        expect(await overflowing(page)).toEqual([]);
        await saveScreenshot(page, '40-register-draw', { fullPage: true });
      }
      await start.getByRole('button', { name: 'Chart the start' }).click();
      await expectText(page.getByRole('region', { name: 'Timeline' }), 'E2E-4471');

      await page.getByRole('button', { name: 'End infusion' }).click();
      const end = page.getByRole('region', { name: 'End the infusion' });
      await end.getByLabel('Volume infused (mL)').fill(infusion.plannedVolumeMl);
      await end.getByLabel('Drug discarded (mg)').fill(infusion.wasteMg);
      await end.getByLabel('Reason or note').fill('Register end-to-end test: ended early');
      const witnessGroup = end.getByRole('group', { name: 'Witness to the discarded drug' });
      await witnessGroup.getByLabel('Witness user ID').fill(witness.username);
      await witnessGroup.getByLabel('Witness password').fill(witness.password);
      await end.getByRole('button', { name: 'Chart the end' }).click();
      await expectText(page.getByRole('region', { name: 'Timeline' }), `witnessed by ${witness.printedName}`);
    }
  });

  it('counts the two vials, finds one short, and the nurse explains it for a physician to review', async () => {
    await openRegister();
    await page.getByRole('link', { name: /Count/ }).first().click();
    await heading(page, 'Count (inventory)');
    await page.getByRole('group', { name: 'Kind of inventory' }).getByLabel('Ad hoc count').check();
    // Each vial gave 1 mL of its 2 mL; the second is found with 0.9 mL in it.
    await page.getByLabel(`Counted volume of ${labels[0] ?? ''} (mL)`).fill('1');
    await page.getByLabel(`Counted volume of ${labels[1] ?? ''} (mL)`).fill('0.9');
    await page.getByLabel('Second counter’s user ID').fill(witness.username);
    await page.getByLabel('Second counter’s password').fill(witness.password);
    await page.getByRole('button', { name: /Record the count/ }).click();
    await expectText(page.locator('main'), /2 containers, 1 discrepancy to explain/);
    await openRegister();
    const discrepancies = page.getByRole('region', { name: /Discrepancies/ });
    await expectText(discrepancies, labels[1] ?? '');
    await discrepancies.getByRole('button', { name: /Explain/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('What happened').selectOption('spillage');
    await dialog.getByLabel('Explanation').fill('Drop spilt when the vial was drawn');
    await dialog
      .getByRole('button', { name: /Explain|Save|Record/ })
      .last()
      .click();
    await expectText(discrepancies, /Drop spilt/);
    await assertAccessible(page, 'register with a discrepancy');
    await signOut(page);
  });

  it('a physician reviews it, then signs the register report, which pdfsig verifies, with each infusion’s figures', async () => {
    await signIn(physician);
    await openRegister();
    const discrepancies = page.getByRole('region', { name: /Discrepancies/ });
    await discrepancies.getByRole('button', { name: /Review/ }).click();
    const review = page.getByRole('dialog');
    await review.getByLabel('Physician’s note').fill('Spillage confirmed with the nurse; no pattern.');
    await review.getByRole('button', { name: 'Record the review' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => discrepancies.getByRole('button', { name: /Review/ }).count()).toBe(0);
    expect(await overflowing(page)).toEqual([]);
    await saveScreenshot(page, '41-register', { fullPage: true });

    const reports = page.getByRole('region', { name: 'Reports' });
    await reports.getByRole('button', { name: 'Download the signed PDF' }).click();
    const sign = page.getByRole('dialog', { name: 'Sign the register report' });
    if ((await sign.getByLabel('User ID').count()) > 0) await sign.getByLabel('User ID').fill(physician.username);
    await sign.getByLabel('Password').fill(physician.password);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      sign.getByRole('button', { name: 'Sign and save the PDF' }).click(),
    ]);
    const path = join(tempDir, download.suggestedFilename());
    await download.saveAs(path);
    const check = spawnSync('pdfsig', [path], { encoding: 'utf8' }).stdout;
    expect(check).toContain('Signature is Valid.');
    expect(check).toContain('Total document signed');
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('FR1234563');
    expect(text).toContain('E2E-4471');
    // What each infusion was given and what was wasted, as charted: drawn 50 mg = given + wasted.
    for (const infusion of infusions) {
      expect(text).toContain(`${formatNumber(infusion.doseMg)} mg`);
      expect(text).toContain(`${formatNumber(infusion.wasteMg)} mg`);
    }
    await signOut(page);
  });
});
