import { demoFormulary } from '../../src/cli/demo-clinical';
import type { ReviewContent } from '../../src/domain/course-review';
import type { Checklist } from '../../src/domain/infusion-session';
import { starterDischargeCriteria } from '../../src/domain/infusion-session';
import type { RecordView } from '../../src/domain/record-view';
import { emptyScales } from '../../src/domain/scales';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from './fixtures';
import { administrationEvent, signedPlanFor, startedBeforeSigning, testChecklist, testVitals } from './session-entries';
import type { TestApp } from './test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from './test-app';
import { unexpiredLot } from './unexpired-lot';

type PlanRef = { planRecordId: number; planVersionId: number };

export interface ReviewLedger {
  app: TestApp;
  physician: SignIn;
  nurse: SignIn;
  auditor: SignIn;
  patientId: number;
  otherPatientId: number;
  /** The series reviewed: 36.2 mg + 18.1 mg in two ended infusions, a third started and not ended. */
  plan: PlanRef;
  /** A plan of the other patient. */
  otherPlan: PlanRef;
}

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

/** Starts a session of a plan; with a volume, ends and discharges it (the demo plan: 36.2 mg in 100.724 mL). */
function session(
  ledger: Omit<ReviewLedger, 'plan' | 'otherPlan'>,
  of: PlanRef,
  minutesAgo: number,
  checklist: Checklist,
  volumeInfusedMl: string | null,
): void {
  const { app, nurse, physician } = ledger;
  const sessionId = app.ok(nurse, 'sessions.start', {
    ...of,
    occurredAt: at(minutesAgo),
    checklist,
    timingReason: startedBeforeSigning,
    supervision: { physicianUserId: physician.userId ?? 0, availability: 'on-site' },
  }).id;
  app.ok(nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: at(minutesAgo - 1),
    entry: administrationEvent('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot }),
  });
  if (volumeInfusedMl === null) return;
  app.ok(nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: at(minutesAgo - 20),
    entry: administrationEvent('end', { volumeInfusedMl, wasteMg: '0', reason: 'Test: less than planned went in' }),
  });
  app.ok(nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: at(minutesAgo - 30),
    entry: {
      kind: 'discharge',
      content: {
        criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
        vitals: testVitals,
        escortName: 'Luis Ruiz',
        instructionsGiven: true,
        notes: '',
      },
    },
  });
}

/**
 * A ledger with a charted series to review. The patient's exam (the plan's baseline) records
 * PHQ-9 8 and pain 7; the sessions record pain 6, then pain 3 and PHQ-9 3, then pain 5. A
 * second plan of the same patient gave 3.62 mg (in the patient's total only); another patient's
 * infusion counts in neither.
 */
export function reviewLedger(): ReviewLedger {
  const app = createTestApp();
  const admin = setUpClinic(app, 'UTC');
  const base = {
    app,
    physician: signedInUser(app, admin, 'physician'),
    nurse: signedInUser(app, admin, 'nurse'),
    auditor: signedInUser(app, admin, 'auditor'),
    patientId: 0,
    otherPatientId: 0,
  };
  saveFormulary(app, admin, demoFormulary);
  base.patientId = app.ok(base.nurse, 'patients.create', { patient: patientInput() }).id;
  base.otherPatientId = app.ok(base.nurse, 'patients.create', { patient: patientInput({ mrn: 'MRN-0002' }) }).id;
  const plan = signedPlanFor(app, base.physician, base.patientId);
  const otherPlan = signedPlanFor(app, base.physician, base.otherPatientId);
  session(base, plan, 300, { ...testChecklist, scales: { ...emptyScales, painNrs: 6 } }, '100.724');
  const phq9 = [0, 1, 0, 0, 1, 0, 1, 0, 0];
  session(base, plan, 200, { ...testChecklist, scales: { ...emptyScales, painNrs: 3, phq9 } }, '50.362');
  const second = signedPlanFor(app, base.physician, base.patientId);
  session(base, second, 150, testChecklist, '10.0724');
  // Not ended: charted, not completed, no dose; the patient's last session (one open at a time).
  session(base, plan, 100, { ...testChecklist, scales: { ...emptyScales, painNrs: 5 } }, null);
  session(base, otherPlan, 50, testChecklist, '100.724');
  return { ...base, plan, otherPlan };
}

/** A review ready to sign; override what a test is about. */
export function completeReview(planRecordId: number, overrides: Partial<ReviewContent> = {}): ReviewContent {
  return {
    planRecordId,
    reviewDate: new Date().toISOString().slice(0, 10),
    outcome: 'partial',
    decision: 'maintenance',
    maintenanceIntervalDays: 28,
    reason: 'Pain down from 7 to 3; tolerated well.',
    notes: '',
    ...overrides,
  };
}

export function reviewVersionOf(view: RecordView) {
  const version = view.versions.at(-1);
  if (version?.recordType !== 'review') throw new Error('expected a review version');
  return version;
}

/** Creates, fills and signs a review of the plan; returns the record. */
export function signedReview(ledger: ReviewLedger, overrides: Partial<ReviewContent> = {}): RecordView {
  const { app, physician, patientId, plan } = ledger;
  const view = app.ok(physician, 'records.create', { type: 'review', patientId, planRecordId: plan.planRecordId });
  const draft = reviewVersionOf(view);
  app.ok(physician, 'records.saveDraft', {
    type: 'review',
    versionId: draft.id,
    content: completeReview(plan.planRecordId, overrides),
  });
  return app.ok(physician, 'records.sign', { versionId: draft.id, meaning: 'authored', password: staffPassword });
}
