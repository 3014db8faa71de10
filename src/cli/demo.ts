import type { Ledger } from '../services/ledger';
import type { SignIn } from '../services/sign-in';
import { localDate } from '../domain/time';
import { completeExam, demoPump, planWith } from './demo-clinical';
import type { Call } from './demo-caller';
import { caller } from './demo-caller';
import { demoPatients } from './demo-data';
import type { DemoStaff } from './demo-register';
import { seedDemoRegister } from './demo-register';
import { RememberingDispatch } from '../services/dispatch-remembering';
import { dayMs, openedDaysAgo, seedDemoMonth, setUpDaysAgo } from './demo-month';
import { recordDemoConsent } from './demo-consents';
import { demoCourseGoal, signDemoCourseReview, withDemoCourse } from './demo-course';
import type { ConsentDocumentVersion } from '../contract/consent-methods';
import { credentialsOf, demoUsers, signedIn } from './demo-users';
import { openDemoClinic } from './demo-opening';

export type { DemoUser } from './demo-users';
export { demoUsers } from './demo-users';

/**
 * Fills an empty ledger with a demo clinic through dispatch, so every record is validated
 * and audited like real use: set-up, one user per role, `patientCount` fictional patients.
 */
export function seedDemo(ledger: Ledger, options: { patientCount?: number; timeZone?: string } = {}): void {
  const remembering = new RememberingDispatch();
  try {
    seedDemoClinic(ledger, remembering, options.patientCount ?? 200, options.timeZone ?? 'America/New_York');
  } finally {
    remembering.wipe();
  }
}

/**
 * The clinic opened more than a year ago (its staff, patients, formulary and consent text, and
 * a consent signed then that has since expired); a month ago its current series began: the
 * register, exams and plans, and each patient's consent.
 */
function seedDemoClinic(ledger: Ledger, remembering: RememberingDispatch, patientCount: number, zone: string): void {
  const openedAt = () => new Date(Date.now() - openedDaysAgo * dayMs);
  const call = caller(ledger, openedAt, remembering);
  const consentText = openDemoClinic(call, zone);
  const nurse = signedIn(call, 'nurse');
  const patientIds = demoPatients(patientCount).map((patient) => call(nurse, 'patients.create', { patient }).id);
  call(nurse, 'auth.signOut', {});
  // A patient of the clinic's first months: their consent (12 months) has expired since.
  const firstMonths = () => new Date(openedAt().getTime() + 5 * dayMs);
  const early = caller(ledger, firstMonths, remembering);
  const earlyPhysician = signedIn(early, 'physician');
  const expiredFor = patientIds[11];
  if (expiredFor !== undefined) {
    recordDemoConsent(
      early,
      { signIn: earlyPhysician, ...credentialsOf('physician') },
      { patientId: expiredFor, planRecordId: null, version: consentText, signedAt: firstMonths() },
    );
  }
  early(earlyPhysician, 'auth.signOut', {});
  seedDemoSeries(ledger, remembering, { patientIds, consentText, zone });
}

/** A month ago: the register opens, the physician examines and plans, and each patient consents. */
function seedDemoSeries(
  ledger: Ledger,
  remembering: RememberingDispatch,
  demo: { patientIds: number[]; consentText: ConsentDocumentVersion; zone: string },
): void {
  const setUpAt = () => new Date(Date.now() - setUpDaysAgo * dayMs);
  const call = caller(ledger, setUpAt, remembering);
  const registerStaff: DemoStaff = {
    physician: signedIn(call, 'physician'),
    nurse: signedIn(call, 'nurse'),
    nurseCredentials: credentialsOf('nurse'),
    physicianCredentials: credentialsOf('physician'),
  };
  const admin = signedIn(call, 'admin');
  seedDemoRegister(call, admin, registerStaff, setUpAt(), demo.zone);
  const { physician } = registerStaff;
  const ongoingPlans = seedClinicalRecords(
    call,
    physician,
    demo.patientIds.slice(0, 12),
    localDate(setUpAt(), demo.zone),
  );
  const consenting = { signIn: physician, ...credentialsOf('physician') };
  for (const planRecordId of ongoingPlans) {
    const { patientId } = call(physician, 'records.get', { recordId: planRecordId });
    recordDemoConsent(call, consenting, { patientId, planRecordId, version: demo.consentText, signedAt: setUpAt() });
  }
  // The patient whose plan was discontinued withdrew their consent.
  const withdrawing = demo.patientIds[3];
  if (withdrawing !== undefined) {
    const consentId = recordDemoConsent(call, consenting, {
      patientId: withdrawing,
      planRecordId: null,
      version: demo.consentText,
      signedAt: setUpAt(),
    });
    call(physician, 'consents.withdraw', {
      consentId,
      withdrawnAt: setUpAt().toISOString(),
      reason: 'Chose to stop the series and to be treated at another clinic',
    });
  }
  for (const signIn of [admin, registerStaff.physician, registerStaff.nurse]) call(signIn, 'auth.signOut', {});
  seedDemoMonth(ledger, remembering, ongoingPlans, demo.zone);
  // Today the physician reviews the series that has ended.
  const reviewedPatient = demo.patientIds[reviewedIndex];
  const now = caller(ledger, () => new Date(), remembering);
  const reviewer = signedIn(now, 'physician');
  const reviewedPlan = ongoingPlans.find(
    (recordId) => now(reviewer, 'records.get', { recordId }).patientId === reviewedPatient,
  );
  if (reviewedPatient !== undefined && reviewedPlan !== undefined) {
    signDemoCourseReview(now, reviewer, {
      patientId: reviewedPatient,
      planRecordId: reviewedPlan,
      today: localDate(new Date(), demo.zone),
      password: physicianPassword,
    });
  }
  now(reviewer, 'auth.signOut', {});
}

/** The patient whose series of four infusions ends before today, and is reviewed (see seedDemoMonth). */
const reviewedIndex = 5;

const physicianPassword = demoUsers.find((user) => user.role === 'physician')?.password ?? '';

/**
 * Exams and plans as a physician would leave them: most signed, one amended, one past a soft
 * limit with its reason, one discontinued, some still drafts. Returns the plans still in force,
 * the first two patients' first (they come again today).
 */
function seedClinicalRecords(call: Call, physician: SignIn, patientIds: number[], today: string): number[] {
  const ongoing: number[] = [];
  const sign = (versionId: number) =>
    call(physician, 'records.sign', {
      versionId,
      meaning: 'authored',
      username: 'dr.ruiz',
      password: physicianPassword,
    });
  const exam = (
    patientId: number,
    overrides: Parameters<typeof completeExam>[1] = {},
    signIt = true,
    course: Parameters<typeof withDemoCourse>[1] = {},
  ) => {
    const record = call(physician, 'records.create', { type: 'exam', patientId });
    const versionId = record.versions[0]?.id ?? 0;
    const content = withDemoCourse(completeExam(today, overrides), course);
    call(physician, 'records.saveDraft', { type: 'exam', versionId, content });
    if (signIt) sign(versionId);
    return record.id;
  };
  const plan = (
    patientId: number,
    examRecordId: number,
    overrides: Parameters<typeof planWith>[1] = {},
    signIt = true,
  ) => {
    const record = call(physician, 'records.create', { type: 'plan', patientId, examRecordId });
    const draft = record.versions[0];
    if (draft?.recordType !== 'plan') throw new Error('demo: plan draft missing');
    call(physician, 'records.saveDraft', {
      type: 'plan',
      versionId: draft.id,
      content: planWith(draft.content.weight, { pumpId: demoPump.id, courseGoal: demoCourseGoal(), ...overrides }),
    });
    if (signIt) sign(draft.id);
    return record.id;
  };
  const amendPlan = (recordId: number, reason: string, overrides: Parameters<typeof planWith>[1]) => {
    const record = call(physician, 'records.amend', { recordId, reason });
    const draft = record.versions.at(-1);
    if (draft?.recordType !== 'plan') throw new Error('demo: amendment draft missing');
    call(physician, 'records.saveDraft', {
      type: 'plan',
      versionId: draft.id,
      content: { ...draft.content, ...overrides },
    });
    sign(draft.id);
  };
  const weights = ['72.4', '58.1', '91', '66.25', '80.5', '54.9', '103.2', '69'];
  patientIds.forEach((patientId, index) => {
    const weight = {
      value: weights[index % weights.length] ?? '70',
      unit: 'kg' as const,
      measuredOn: today,
      source: 'measured' as const,
    };
    switch (index) {
      case 8:
        exam(patientId, {
          weight,
          candidacy: { decision: 'not-a-candidate', rationale: 'Uncontrolled hypertension today.' },
        });
        return;
      case 9:
        exam(patientId, { weight }, false);
        return;
      case 10:
        plan(patientId, exam(patientId, { weight }), {}, false);
        return;
      case 11:
        return;
    }
    // One patient answered PHQ-9 item 9 above 0 (acknowledged), one had an ECG older than the clinic allows.
    const examId = exam(
      patientId,
      index === 5 ? { weight: { ...weight, value: '160', unit: 'lb', source: 'stated' } } : { weight },
      true,
      { flagged: index === 4, staleEcg: index === 6 },
    );
    if (index === 2) {
      const aboveUsual = plan(patientId, examId, {
        doseMgPerKg: '1.2',
        overrideReasons: {
          doseMgPerKg: 'Tolerated 1.2 mg/kg in the previous series without adverse events',
          totalMg: 'Weight-based dose above the usual total; reviewed with the patient',
        },
      });
      ongoing.push(aboveUsual);
      return;
    }
    // The fifth patient's series is four infusions, all given by today: it has its course review.
    const planId = plan(patientId, examId, {
      doseMgPerKg: index === 1 ? '0.75' : '0.5',
      ...(index === reviewedIndex ? { series: { infusions: 4, intervalDays: 7 } } : {}),
    });
    if (index === 1) amendPlan(planId, 'Dissociation at 0.75 mg/kg: dose reduced', { doseMgPerKg: '0.5' });
    if (index !== 3) {
      ongoing.push(planId);
      return;
    }
    call(physician, 'records.discontinue', {
      recordId: planId,
      reason: 'Patient moved to another clinic',
      password: physicianPassword,
    });
  });
  return ongoing;
}
