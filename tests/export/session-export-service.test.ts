import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  administrationEvent,
  signedPlanFor,
  testChecklist,
  testObservation,
  testVitals,
} from '../support/session-entries';
import { starterDischargeCriteria } from '../../src/domain/infusion-session';
import { documentForSessionSignature } from '../../src/db/identities-repo';
import type { ExportRequest } from '../../src/services/export-snapshot';
import { exportToPath } from '../../src/services/exports';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import type { JsonResource } from './support/export-reader';
import { csvRecords, referencesIn } from './support/export-reader';
import { requiredBindingErrors } from './support/fhir-bindings';
import { fhirSchemaErrors } from './support/fhir-schema';
import { unexpiredLot } from '../support/unexpired-lot';
import { lastEntryIdOf } from '../../src/domain/session-view';
import { supervisedBy } from '../support/supervision';

/**
 * A session charted through dispatch on a real SQLite file, then exported by the export
 * service the command line uses: the snapshot, the selection and the files are all real.
 */
let app: TestApp;
let sessionId: number;
let patientId: number;
let otherPatientId: number;
let sessionPdf: Uint8Array;
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const vitals = testVitals;
const checklist = testChecklist;
const check = testObservation;
const event = administrationEvent;
const newPatient = (mrn: string) => ({
  patient: {
    mrn,
    familyName: 'Okafor',
    givenNames: 'Chiamaka',
    preferredName: '',
    dateOfBirth: '1975-05-05',
    sex: 'female' as const,
    phone: '',
    emergencyContact: null,
    allergies: { status: 'not-recorded' as const },
  },
});

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, 'America/New_York');
  const physician = signedInUser(app, admin, 'physician');
  const nurse = signedInUser(app, admin, 'nurse');
  signedInUser(app, admin, 'nurse', 'nurse2');
  saveFormulary(app, admin);
  patientId = app.ok(nurse, 'patients.create', newPatient('S-1')).id;
  otherPatientId = app.ok(nurse, 'patients.create', newPatient('S-2')).id;
  const plan = signedPlanFor(app, physician, patientId);

  const started = app.ok(nurse, 'sessions.start', {
    supervision: supervisedBy(app),
    ...plan,
    occurredAt: at(70),
    checklist,
  });
  sessionId = started.id;
  const add = (
    minutesAgo: number,
    entry: Parameters<typeof app.ok<'sessions.addEntry'>>[2]['entry'],
    witness?: boolean,
  ) =>
    app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(minutesAgo),
      entry,
      witness: witness === true ? { username: 'nurse2', password: staffPassword } : undefined,
    });
  const planned = started.plannedRateMlPerH ?? '';
  add(65, event('start', { rateMlPerH: planned, lotNumber: 'K123', lotExpiry: unexpiredLot }));
  const first = add(60, { kind: 'observation', content: check });
  add(55, { kind: 'observation', content: check });
  add(50, event('rate-change', { rateMlPerH: '120', reason: 'Dissociation' }));
  add(45, {
    kind: 'adverse-event',
    content: {
      type: 'Nausea',
      onsetAt: at(46),
      severity: 'life-threatening',
      action: 'Paused',
      rescueMedication: '',
      outcome: 'Resolved',
      physicianNotified: null,
    },
  });
  add(45, event('pause', { reason: 'Nausea' }));
  add(40, event('resume', { rateMlPerH: '120', reason: 'Nausea resolved' }));
  add(35, { kind: 'observation', content: check });
  const original = first.entries.find((entry) => entry.kind === 'observation');
  app.ok(nurse, 'sessions.correct', {
    sessionId,
    entryId: original?.id ?? 0,
    reason: 'Pain charted for the wrong time',
    occurredAt: at(60),
    entry: { kind: 'observation', content: { ...check, painNrs: 2 } },
  });
  add(20, event('end', { volumeInfusedMl: '100.7', wasteMg: '2' }), true);
  add(10, {
    kind: 'discharge',
    content: {
      criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
      vitals,
      escortName: 'Luis Ruiz',
      instructionsGiven: true,
      notes: '',
    },
  });
  const lastEntryId = lastEntryIdOf(app.ok(nurse, 'sessions.get', { sessionId }));
  const signed = app.ok(nurse, 'sessions.sign', {
    sessionId,
    lastEntryId,
    meaning: 'performed',
    username: 'nurse',
    password: staffPassword,
  });
  app.ok(physician, 'sessions.sign', { sessionId, lastEntryId, meaning: 'reviewed', password: staffPassword });
  // Signing stored the signed session record; the export must carry it byte for byte.
  const stored = documentForSessionSignature(app.ledger.db, signed.signatures[0]?.id ?? 0);
  if (stored === undefined) throw new Error('signing stored no session-record PDF');
  sessionPdf = new Uint8Array(stored.pdf);
}, 600_000); // Signs with scrypt several times: slow on a busy 2-core machine, never a finding.
afterAll(() => app.cleanup());

let counter = 0;
async function exported(request: ExportRequest) {
  counter += 1;
  const out = join(app.dir, `export-${counter}`);
  const job = await exportToPath(app.ledger, request, out, { osUser: 'tester' });
  expect(job.state).toBe('done');
  const read = (path: string) => readFileSync(join(out, path), 'utf8');
  const ndjson = readdirSync(join(out, 'fhir', 'ndjson')).flatMap((name) =>
    read(`fhir/ndjson/${name}`)
      .split('\n')
      .slice(0, -1)
      .map((line) => JSON.parse(line) as JsonResource),
  );
  return { out, read, ndjson, csv: (name: string) => csvRecords(read(`csv/${name}`)) };
}

describe('sessions through the export service (real SQLite, dispatch)', () => {
  it('exports the charted session as valid FHIR R4 whose references all resolve', async () => {
    const { ndjson } = await exported({ from: null, to: null, patientIds: null });
    expect(ndjson.flatMap(fhirSchemaErrors)).toEqual([]);
    expect(ndjson.flatMap(requiredBindingErrors)).toEqual([]);
    const keys = new Set(ndjson.map((resource) => `${resource.resourceType}/${resource.id}`));
    expect(
      ndjson.flatMap(referencesIn).filter((reference) => !keys.has(reference.replace(/\/_history\/[^/]+$/, ''))),
    ).toEqual([]);
    const administrations = ndjson.filter((resource) => resource.resourceType === 'MedicationAdministration');
    expect(administrations.map((resource) => resource.status)).toEqual([
      'completed',
      'completed',
      'completed',
      'completed',
    ]);
    expect(
      administrations
        .slice(1)
        .map((resource) => (resource.dosage as { rateQuantity: { value: number } }).rateQuantity.value),
    ).toEqual([151.09, 120, 120]);
    const infusion = administrations[0];
    expect(infusion?.request).toMatchObject({
      reference: expect.stringMatching(/^MedicationRequest\/plan-\d+-v1$/) as string,
    });
    const pain = ndjson.filter(
      (resource) => resource.id.endsWith('-pain') && resource.id.startsWith(`session-${sessionId}-`),
    );
    expect(pain.filter((resource) => resource.status === 'corrected')).toMatchObject([
      { meta: { versionId: '2' }, valueQuantity: { value: 2 } },
    ]);
    expect(ndjson.find((resource) => resource.resourceType === 'AdverseEvent')).toMatchObject({
      severity: { coding: [{ code: 'severe' }], text: 'Life-threatening' },
      seriousness: { coding: [{ code: 'Serious' }] },
    });
    expect(ndjson.filter((resource) => resource.id.startsWith('session-signature-'))).toHaveLength(2);
    const sessionAudit = ndjson.filter(
      (resource) =>
        resource.resourceType === 'AuditEvent' &&
        JSON.stringify(resource.entity).includes(`"Encounter/session-${sessionId}"`),
    );
    expect(sessionAudit.length).toBeGreaterThan(10);
  });

  it('writes the session CSV tables and carries the stored session PDF byte for byte', async () => {
    const { out, csv, read } = await exported({ from: null, to: null, patientIds: null });
    const [session] = csv('sessions.csv');
    expect(session).toMatchObject({
      session_id: String(sessionId),
      status: 'Signed',
      corrected_entries: '1',
      volume_infused_ml: '100.7',
    });
    const events = csv('session-events.csv');
    expect(events.map((row) => row.event)).toEqual(['Started', 'Rate changed', 'Paused', 'Resumed', 'Ended']);
    expect(events.at(-1)).toMatchObject({ witness: 'Test nurse, RN', waste_mg: '2' });
    const observations = csv('session-observations.csv');
    expect(observations.filter((row) => row.corrects_entry_id !== '')).toMatchObject([
      { correction_reason: 'Pain charted for the wrong time', pain_nrs: '2' },
    ]);
    // One PDF per session signature that has one stored; the first is the nurse's.
    const pdfNames = (session?.signed_pdf ?? '').split('; ');
    expect(pdfNames[0]).toMatch(/^pdf\/.+\.pdf$/);
    expect(new Uint8Array(readFileSync(join(out, pdfNames[0] ?? '')))).toEqual(sessionPdf);
    const manifest = JSON.parse(read('manifest.json')) as { files: { path: string }[] };
    for (const name of pdfNames) expect(manifest.files.map((file) => file.path)).toContain(name);
    expect(csv('session-signatures.csv')[0]?.signed_pdf).toBe(pdfNames[0]);
  });

  it('respects the selection: patients chosen and dates in the clinic’s zone', async () => {
    const other = await exported({ from: null, to: null, patientIds: [otherPatientId] });
    expect(other.csv('sessions.csv')).toEqual([]);
    expect(other.ndjson.filter((resource) => resource.resourceType === 'MedicationAdministration')).toEqual([]);
    const chosen = await exported({ from: null, to: null, patientIds: [patientId] });
    expect(chosen.csv('sessions.csv').map((row) => row.session_id)).toEqual([String(sessionId)]);
    // Session audit entries name the session, not the patient; they still belong to her.
    expect(chosen.csv('audit-log.csv').some((row) => row.action === 'session.signed')).toBe(true);
    const longAgo = await exported({ from: '2000-01-01', to: '2000-01-31', patientIds: null });
    expect(longAgo.csv('sessions.csv')).toEqual([]);
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
    const recent = await exported({ from: local, to: local, patientIds: null });
    expect(recent.csv('sessions.csv').map((row) => row.session_id)).toEqual([String(sessionId)]);
  });
});
