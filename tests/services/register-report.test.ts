import { execFileSync } from 'node:child_process';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/contract/methods';
import { auditHead } from '../../src/db/audit-log';
import type { SignIn } from '../../src/services/sign-in';
import { parseCsv } from '../export/support/export-reader';
import { serviceExportFiles } from '../export/support/service-export';
import { nssDatabaseTrusting, pdfsig, scratchDirectory, writeScratch } from '../signing/signing-fixture';
import { patientInput } from '../support/fixtures';
import { administrationEvent, signedPlanFor, testChecklist } from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { unexpiredLot } from '../support/unexpired-lot';
import { supervisedBy } from '../support/supervision';

let app: TestApp;
let admin: SignIn;
let physician: SignIn;
let nurse: SignIn;
let auditor: SignIn;
let sessionId: number;
let countEntryId: number;
let sameCountEntryId: number;
let root: string;

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const witness = { username: 'nurse2', password: staffPassword };
// Two days either side: the clinic's days (New York) are not UTC's.
const range = { from: day(-2), to: day(2) };

const receipt: MethodInput<'register.receive'> = {
  drugId: 'ketamine',
  concentrationMgPerMl: '50',
  containerVolumeMl: '10',
  containerCount: 2,
  lotNumber: 'K-2207',
  lotExpiry: unexpiredLot,
  supplierName: 'Harbor Wholesale Pharmacy',
  supplierAddress: '9 Dock Street, Boston MA',
  supplierRegistration: 'RH1234567',
  invoiceNumber: 'INV-5501',
  receivedOn: day(-1),
  checker: { username: 'nurse', password: staffPassword },
};

function pdfText(base64: string, name: string): { path: string; text: string } {
  const path = writeScratch(scratchDirectory(), name, Buffer.from(base64, 'base64'));
  return { path, text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }) };
}

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, 'America/New_York');
  physician = signedInUser(app, admin, 'physician');
  nurse = signedInUser(app, admin, 'nurse');
  signedInUser(app, admin, 'nurse', 'nurse2');
  auditor = signedInUser(app, admin, 'auditor');
  saveFormulary(app, admin);
  const settings = app.ok(admin, 'register.overview', {});
  app.ok(admin, 'register.settings.update', {
    settings: { ...settings.settings, registrantName: 'Dr. Ana Ruiz', registrationNumber: 'FR1234563' },
    expectedVersion: settings.settingsVersion,
  });
  const patientId = app.ok(nurse, 'patients.create', {
    patient: patientInput({ mrn: 'R-1', familyName: 'Lindqvist', givenNames: 'Maja', dateOfBirth: '1980-02-02' }),
  }).id;
  const plan = signedPlanFor(app, physician, patientId);
  const session = app.ok(nurse, 'sessions.start', {
    supervision: supervisedBy(app),
    planRecordId: plan.planRecordId,
    planVersionId: plan.planVersionId,
    occurredAt: at(30),
    checklist: testChecklist,
    timingReason: plan.timingReason,
  });
  sessionId = session.id;
  app.ok(nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: at(29),
    entry: administrationEvent('start', {
      rateMlPerH: session.plannedRateMlPerH ?? '100',
      lotNumber: 'K-2207',
      lotExpiry: unexpiredLot,
    }),
  });
  const [first, second] = app.ok(physician, 'register.receive', receipt).containers;
  if (first === undefined || second === undefined) throw new Error('no containers');
  app.ok(nurse, 'register.draw', { containerId: first.id, sessionId, volumeMl: '0.72', occurredAt: at(25) });
  app.ok(nurse, 'register.waste', { containerId: first.id, sessionId, doseMg: '6', occurredAt: at(5), witness });
  const counted = app.ok(nurse, 'register.inventory', {
    kind: 'biennial',
    countedAt: at(2),
    notes: 'Close of business',
    counts: [
      { containerId: first.id, countedMl: '9.28' },
      { containerId: second.id, countedMl: '9.5' },
    ],
    secondCounter: witness,
  });
  sameCountEntryId = counted.counts[0]?.id ?? 0;
  countEntryId = counted.counts[1]?.id ?? 0;
  app.ok(nurse, 'register.explain', { countEntryId, category: 'theft', explanation: 'Vial seal found broken' });
  root = app.ok(auditor, 'identity.rootCertificate', {}).pem;
});
afterAll(() => app.cleanup());

describe('the register report', () => {
  it('is a PDF signed by its producer, verified by pdfsig, whose totals are the sums of the entries', () => {
    const report = app.ok(nurse, 'register.report', {
      ...range,
      format: 'pdf',
      username: 'nurse',
      password: staffPassword,
    });
    expect(report).toMatchObject({
      mediaType: 'application/pdf',
      fileName: `register-${range.from}-to-${range.to}.pdf`,
    });
    const { path, text } = pdfText(report.contentBase64, 'register.pdf');
    const check = pdfsig(path, nssDatabaseTrusting(scratchDirectory(), root));
    expect(check).toContain('Signature is Valid.');
    expect(check).toContain('Total document signed');
    expect(check).toContain('Certificate is Trusted.');
    expect(text).toContain('FR1234563');
    expect(text).toContain('Dr. Ana Ruiz');
    expect(text).toContain('America/New_York');
    expect(text).toContain('LINDQVIST, Maja · MRN R-1');

    // The entries, read back one by one, add up to the printed figures.
    const entries = app
      .ok(auditor, 'register.overview', {})
      .onHand.flatMap((container) => app.ok(auditor, 'register.container', { containerId: container.id }).entries);
    const sum = (kind: string) =>
      entries
        .filter((entry) => entry.kind === kind)
        .reduce((total, entry) => total.plus(entry.delta.ml), new Decimal(0));
    expect(sum('received').toFixed()).toBe('20');
    expect(sum('drawn').toFixed()).toBe('-0.72');
    expect(sum('lost').toFixed()).toBe('-0.5');
    const closing = sum('received').plus(sum('drawn')).plus(sum('lost'));
    expect(closing.toFixed()).toBe('18.78');
    const line = (label: string) =>
      text
        .split('\n')
        .find((row) => row.includes(label))
        ?.replace(/\s+/g, ' ') ?? '';
    expect(line('Opening balance')).toContain('0 mL 0 mg');
    expect(line('Received')).toContain('20 mL 1,000 mg');
    expect(line('Drawn for sessions')).toContain('0.72 mL 36 mg');
    expect(line('of which administered')).toContain('0.6 mL 30 mg');
    expect(line('of which wasted')).toContain('0.12 mL 6 mg');
    expect(line('Lost (written off)')).toContain('0.5 mL 25 mg');
    expect(line('Closing balance')).toContain(`${closing.toFixed()} mL 939 mg`);
  });

  it('opens a later range with the balance the earlier one closed with', () => {
    const later = app.ok(auditor, 'register.report', { from: day(3), to: day(4), format: 'csv' });
    expect(Buffer.from(later.contentBase64, 'base64').toString('utf8').trim().split('\r\n')).toHaveLength(1);
    const pdf = app.ok(physician, 'register.report', { from: day(3), to: day(4), password: staffPassword });
    const { text } = pdfText(pdf.contentBase64, 'later.pdf');
    const line = (label: string) =>
      text
        .split('\n')
        .find((row) => row.includes(label))
        ?.replace(/\s+/g, ' ') ?? '';
    expect(line('Opening balance')).toContain('18.78 mL 939 mg');
    expect(line('Closing balance')).toContain('18.78 mL 939 mg');
  });

  it('is a CSV with one row per entry, exact figures and the session’s patient', () => {
    const csv = app.ok(auditor, 'register.report', { ...range, format: 'csv' });
    expect(csv.mediaType).toBe('text/csv');
    const [header = [], ...body] = parseCsv(Buffer.from(csv.contentBase64, 'base64').toString('utf8'));
    const cells = body.map((row): Record<string, string> =>
      Object.fromEntries(row.map((value, i) => [header[i] ?? '', value])),
    );
    const ids = app
      .ok(auditor, 'register.overview', {})
      .onHand.flatMap((container) => app.ok(auditor, 'register.container', { containerId: container.id }).entries)
      .map((entry) => String(entry.id));
    expect(cells.map((row) => row.entry_id).sort()).toEqual([...ids].sort());
    const drawn = cells.find((row) => row.kind === 'drawn');
    expect(drawn).toMatchObject({ quantity_ml: '-0.72', quantity_mg: '-36', balance_ml: '9.28', patient_mrn: 'R-1' });
    expect(drawn?.occurred_at_clinic_time).toMatch(/UTC−0[45]:00$/);
    expect(cells.find((row) => row.kind === 'lost')).toMatchObject({ quantity_ml: '-0.5', lot: 'K-2207' });
  });

  it('refuses a bad range or an unsigned PDF, and writes nothing then', () => {
    const head = auditHead(app.ledger.raw);
    const backwards = app.call(auditor, 'register.report', { from: day(1), to: day(-1), format: 'csv' });
    expect(backwards.ok === false && backwards.error.code).toBe('INVALID_INPUT');
    expect(backwards.ok === false && backwards.error.issues?.[0]?.path).toBe('to');
    const malformed = app.call(auditor, 'register.report', { from: '2026-13-01', to: day(1), format: 'csv' });
    expect(malformed.ok === false && malformed.error.code).toBe('INVALID_INPUT');
    const byAuditor = app.call(auditor, 'register.report', { ...range, format: 'pdf', password: staffPassword });
    expect(byAuditor.ok === false && byAuditor.error.code).toBe('FORBIDDEN');
    const noPassword = app.call(nurse, 'register.report', { ...range, format: 'pdf' });
    expect(noPassword.ok === false && noPassword.error.issues?.[0]?.path).toBe('password');
    expect(auditHead(app.ledger.raw)).toEqual(head);
  });
});

describe('the theft-or-loss report (DEA Form 106 information)', () => {
  it('gives what the register knows, signed, and labelled blanks for the rest', () => {
    const report = app.ok(physician, 'register.lossReport', { countEntryId, password: staffPassword });
    const { path, text } = pdfText(report.contentBase64, 'loss.pdf');
    expect(pdfsig(path, nssDatabaseTrusting(scratchDirectory(), root))).toContain('Signature is Valid.');
    expect(text).toContain('FR1234563');
    expect(text).toContain('K-2207');
    expect(text).toContain('0.5 mL (25 mg)');
    expect(text).toContain('Theft or suspected theft');
    expect(text).toContain('Vial seal found broken');
    expect(text).toMatch(/Police notified\s+To be completed by the registrant/);
    const notALoss = app.call(physician, 'register.lossReport', {
      countEntryId: sameCountEntryId,
      password: staffPassword,
    });
    expect(notALoss.ok === false && notALoss.error.issues?.[0]?.path).toBe('countEntryId');
  });
});

describe('the register in the auditor export', () => {
  it('holds the register tables and a FHIR Medication per container, linked from the infusion', () => {
    const files = serviceExportFiles(app.ledger);
    const paths = files.map((file) => file.path);
    for (const table of ['receipts', 'containers', 'entries', 'inventories']) {
      expect(paths).toContain(`csv/register-${table}.csv`);
    }
    const text = (name: string) => new TextDecoder().decode(files.find((file) => file.path === name)?.bytes);
    expect(text('README.txt')).toContain('register-entries.csv');
    expect(text('csv/register-entries.csv').trim().split('\r\n')).toHaveLength(1 + 9);
    const medications = text('fhir/ndjson/Medication.ndjson')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; batch?: { lotNumber: string; expirationDate: string } });
    expect(medications).toHaveLength(2);
    expect(medications[0]?.batch).toEqual({ lotNumber: 'K-2207', expirationDate: unexpiredLot });
    const infusion = text('fhir/ndjson/MedicationAdministration.ndjson')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; supportingInformation?: { reference: string }[] })
      .find((resource) => resource.id === `session-${sessionId}-infusion`);
    expect(infusion?.supportingInformation?.map((item) => item.reference)).toEqual([
      `Medication/${medications[0]?.id}`,
    ]);
  });
});
