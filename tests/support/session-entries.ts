import { completeExam, planWith } from '../../src/cli/demo-clinical';
import type { Checklist, Observation } from '../../src/domain/infusion-session';
import { administrationEventEntry } from '../../src/domain/infusion-session';
import { emptyScales } from '../../src/domain/scales';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from './test-app';
import { staffPassword } from './test-app';
import { localDate } from '../../src/domain/time';

/** What nurses chart, valid as the contract takes it; spread and override what a test is about. */
export const testVitals = {
  systolicMmHg: 124,
  diastolicMmHg: 80,
  heartRateBpm: 76,
  spo2Percent: 98,
  respiratoryRatePerMin: 14,
  temperatureC: '36.7',
};

export const testChecklist: Checklist = {
  identityConfirmed: true,
  escortPresent: true,
  escortName: 'Luis Ruiz',
  fasting: 'fasted',
  fastingNote: '',
  changesSinceLastVisit: 'None',
  ivSite: 'Left antecubital',
  ivGauge: 22,
  vitals: testVitals,
  scales: { ...emptyScales, painNrs: 6 },
};

export const testObservation: Observation = {
  vitals: testVitals,
  sedation: 5,
  cadss6: [0, 1, 0, 0, 0, 0],
  painNrs: 4,
  nausea: 'none',
  notes: '',
};

/** An administration event entry with nothing but its type set (the domain's own builder). */
export const administrationEvent = administrationEventEntry;

/** Why a test's infusion starts before the plan it follows was signed. */
export const startedBeforeSigning = 'Test: charted back in time, before the plan signed as the test began';

/**
 * The physician examines the patient and signs a candidate exam, then writes and signs a plan
 * on it (the demo's ketamine plan); returns the plan and its signed version, ready to start,
 * with the reason the tests' infusions give for starting before it was signed: tests chart
 * infusions minutes and hours ago against a plan signed now, and a start timed before the
 * plan's signature needs a stated reason (signing cannot be back-dated: certificates are
 * valid from when the users were made).
 */
export function signedPlanFor(
  app: TestApp,
  physician: SignIn,
  patientId: number,
): { planRecordId: number; planVersionId: number; timingReason: string } {
  // The clinic's today: around UTC midnight the UTC date is a day ahead of (or behind) the clinic's.
  const zone = app.ledger.raw.prepare('SELECT time_zone FROM clinic').pluck().get() as string;
  const today = localDate(new Date(), zone);
  const exam = app.ok(physician, 'records.create', { type: 'exam', patientId });
  const examVersionId = exam.versions[0]?.id ?? 0;
  app.ok(physician, 'records.saveDraft', { type: 'exam', versionId: examVersionId, content: completeExam(today) });
  app.ok(physician, 'records.sign', {
    versionId: examVersionId,
    meaning: 'authored',
    username: 'physician',
    password: staffPassword,
  });
  const plan = app.ok(physician, 'records.create', { type: 'plan', patientId, examRecordId: exam.id });
  const draft = plan.versions[0];
  if (draft?.recordType !== 'plan') throw new Error('no plan draft');
  app.ok(physician, 'records.saveDraft', {
    type: 'plan',
    versionId: draft.id,
    content: planWith(draft.content.weight),
  });
  app.ok(physician, 'records.sign', { versionId: draft.id, meaning: 'authored', password: staffPassword });
  return { planRecordId: plan.id, planVersionId: draft.id, timingReason: startedBeforeSigning };
}
