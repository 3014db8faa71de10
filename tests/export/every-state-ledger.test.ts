import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormulary } from '../../src/cli/demo-clinical';
import { starterDischargeCriteria } from '../../src/domain/infusion-session';
import { displayStatuses } from '../../src/domain/record';
import type { SessionView } from '../../src/domain/session-view';
import { lastEntryIdOf, sessionStatuses } from '../../src/domain/session-view';
import type { ExportFile } from '../../src/export/export-file';
import type { ExportSnapshot } from '../../src/export/snapshot';
import type { SignIn } from '../../src/services/sign-in';
import {
  administrationEvent as event,
  signedPlanFor,
  testChecklist as checklist,
  testObservation as check,
  testVitals,
} from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import {
  createTestApp,
  formularySaveConfirmation,
  setUpClinic,
  signedInUser,
  staffPassword,
} from '../support/test-app';
import { unexpiredLot } from '../support/unexpired-lot';
import { allNdjsonResources, bundleOf } from './support/export-reader';
import { requiredBindingErrors } from './support/fhir-bindings';
import { r4Report } from './support/r4-validator';
import { serviceExportFiles, serviceSnapshot } from './support/service-export';
import { ucumErrors } from './support/ucum-codes';
import { supervisedBy } from '../support/supervision';

/**
 * Issue 12, points 6 and 8: a ledger charted through dispatch on a real SQLite file, holding a
 * session in every state (not started, running, paused, stopped with and without a volume,
 * ended, discharged, signed, amended after signing), adverse events, and records that are
 * drafts, signed, amended and discontinued; its export, gathered by the export service,
 * validated by Medplum and fhirpath.js with 0 errors.
 */
let app: TestApp;
let snapshot: ExportSnapshot;
let files: ExportFile[];

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const discharge = {
  kind: 'discharge' as const,
  content: {
    criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
    vitals: testVitals,
    escortName: 'Luis Ruiz',
    instructionsGiven: true,
    notes: '',
  },
};
const nausea = {
  kind: 'adverse-event' as const,
  content: {
    type: 'Nausea',
    onsetAt: at(62),
    severity: 'moderate' as const,
    action: 'Paused',
    rescueMedication: 'Ondansetron 4 mg IV',
    outcome: 'Resolved',
    physicianNotified: null,
  },
};

type Step = 'run' | 'rate' | 'adverse' | 'pause' | 'resume' | 'stop' | 'stop-with-volume' | 'end' | 'discharge';

function chart(
  nurse: SignIn,
  plan: { planRecordId: number; planVersionId: number },
  steps: readonly Step[],
  from = 90,
) {
  const started = app.ok(nurse, 'sessions.start', {
    supervision: supervisedBy(app),
    ...plan,
    occurredAt: at(from),
    checklist,
  });
  const rate = started.plannedRateMlPerH ?? '100';
  let view: SessionView = started;
  steps.forEach((step, position) => {
    const entry = {
      run: event('start', { rateMlPerH: rate, lotNumber: 'K555', lotExpiry: unexpiredLot }),
      rate: event('rate-change', { rateMlPerH: '90.5', reason: 'Dissociation' }),
      adverse: nausea,
      pause: event('pause', { reason: 'Nausea' }),
      resume: event('resume', { rateMlPerH: '90.5', reason: 'Nausea settled' }),
      stop: event('stop', { reason: 'IV site swelling' }),
      'stop-with-volume': event('stop', { reason: 'Patient asked to stop', volumeInfusedMl: '33.3' }),
      end: event('end', { volumeInfusedMl: '99.9' }),
      discharge,
    }[step];
    view = app.ok(nurse, 'sessions.addEntry', {
      sessionId: started.id,
      occurredAt: at(from - 5 - position * 5),
      entry,
    });
    if (step === 'run') {
      view = app.ok(nurse, 'sessions.addEntry', {
        sessionId: started.id,
        occurredAt: at(from - 7),
        entry: { kind: 'observation', content: check },
      });
    }
  });
  return view;
}

const sign = (signer: SignIn, session: SessionView, meaning: 'performed' | 'reviewed') =>
  app.ok(signer, 'sessions.sign', {
    sessionId: session.id,
    lastEntryId: lastEntryIdOf(session),
    meaning,
    password: staffPassword,
    ...(meaning === 'performed' ? { username: 'nurse' } : {}),
  });

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, 'America/New_York');
  const physician = signedInUser(app, admin, 'physician');
  const nurse = signedInUser(app, admin, 'nurse');
  app.ok(admin, 'formulary.update', {
    content: { ...demoFormulary, drugs: demoFormulary.drugs.map((drug) => ({ ...drug, rxNormCode: '6130' })) },
    ...formularySaveConfirmation,
  });
  const patient = (mrn: string) =>
    app.ok(nurse, 'patients.create', {
      patient: {
        mrn,
        familyName: 'Okafor',
        givenNames: `Chiamaka ${mrn}`,
        preferredName: '',
        dateOfBirth: '1975-05-05',
        sex: 'female',
        phone: '',
        emergencyContact: null,
        allergies: { status: 'not-recorded' },
      },
    }).id;

  // One patient, three infusions of one plan: amended after signing, signed, discharged.
  const series = signedPlanFor(app, physician, patient('ST-1'));
  const amended = chart(nurse, series, ['run', 'end', 'discharge'], 400);
  sign(nurse, amended, 'performed');
  const firstCheck = amended.entries.find((entry) => entry.kind === 'observation');
  app.ok(nurse, 'sessions.correct', {
    sessionId: amended.id,
    entryId: firstCheck?.id ?? 0,
    reason: 'Pain charted for the wrong time',
    occurredAt: firstCheck?.occurredAt ?? at(390),
    entry: { kind: 'observation', content: { ...check, painNrs: 2 } },
  });
  const signed = chart(nurse, series, ['run', 'rate', 'adverse', 'pause', 'resume', 'end', 'discharge'], 300);
  sign(physician, sign(nurse, signed, 'performed'), 'reviewed');
  chart(nurse, series, ['run', 'end', 'discharge'], 200);

  // Open sessions, one patient each (a patient has at most one open session).
  const running = signedPlanFor(app, physician, patient('ST-2'));
  chart(nurse, running, ['run']);
  const amendRunning = app.ok(physician, 'records.amend', {
    recordId: running.planRecordId,
    reason: 'Longer interval',
  });
  const draft = amendRunning.versions.at(-1);
  if (draft?.recordType !== 'plan') throw new Error('no plan amendment draft');
  app.ok(physician, 'records.sign', { versionId: draft.id, meaning: 'authored', password: staffPassword });
  const paused = signedPlanFor(app, physician, patient('ST-3'));
  chart(nurse, paused, ['run', 'pause']);
  app.ok(physician, 'records.amend', { recordId: paused.planRecordId, reason: 'Draft left open' });
  const stopped = signedPlanFor(app, physician, patient('ST-4'));
  chart(nurse, stopped, ['run', 'stop']);
  app.ok(physician, 'records.discontinue', {
    recordId: stopped.planRecordId,
    reason: 'Stopped for IV site swelling',
    password: staffPassword,
  });
  chart(nurse, signedPlanFor(app, physician, patient('ST-5')), ['run', 'adverse', 'stop-with-volume']);
  chart(nurse, signedPlanFor(app, physician, patient('ST-6')), ['run', 'end']);
  chart(nurse, signedPlanFor(app, physician, patient('ST-7')), []);
  // An exam still a draft.
  app.ok(physician, 'records.create', { type: 'exam', patientId: patient('ST-8') });

  snapshot = serviceSnapshot(app.ledger);
  files = serviceExportFiles(app.ledger);
}, 900_000);
afterAll(() => app.cleanup());

describe('export of a ledger holding every session and record state (real services, real SQLite)', () => {
  it('holds every state', () => {
    expect(new Set(snapshot.sessions.map((session) => session.status))).toEqual(new Set(sessionStatuses));
    const versions = snapshot.records.flatMap((record) => record.versions);
    expect(new Set(versions.map((version) => version.displayStatus))).toEqual(new Set(displayStatuses));
    expect(snapshot.sessions.some((session) => session.entries.some((entry) => entry.kind === 'adverse-event'))).toBe(
      true,
    );
  });

  it('is valid FHIR R4 by Medplum and fhirpath.js: 0 errors, line by line and as a Bundle', () => {
    const resources = allNdjsonResources(files);
    expect(resources.filter((resource) => resource.resourceType === 'MedicationAdministration').length).toBeGreaterThan(
      10,
    );
    const reports = resources.map(r4Report);
    expect(reports.flatMap((report) => report.errors)).toEqual([]);
    expect(reports.flatMap((report) => report.warnings)).toEqual([]);
    expect(resources.flatMap(requiredBindingErrors)).toEqual([]);
    expect(resources.flatMap(ucumErrors)).toEqual([]);
    expect(r4Report(bundleOf(files)).errors).toEqual([]);
  }, 600_000);

  it('codes the medication from the formulary version each plan was checked against', () => {
    const resources = allNdjsonResources(files);
    const medications = resources
      .filter((resource) => resource.resourceType.startsWith('Medication'))
      .map((resource) => (resource.contained as { code: { coding?: { code: string }[] } }[] | undefined)?.[0]);
    expect(medications.length).toBeGreaterThan(10);
    expect(medications.every((medication) => medication?.code.coding?.[0]?.code === '6130')).toBe(true);
    expect(snapshot.formularies.map((formulary) => formulary.version)).toEqual([1]);
  });
});
