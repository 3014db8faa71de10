import type { ConsentDocumentVersion } from '../contract/consent-methods';
import type { SignIn } from '../services/sign-in';
import type { Call } from './demo-caller';
import { completeExam, demoPump, planWith } from './demo-clinical';
import { recordDemoConsent } from './demo-consents';
import { demoCourseGoal, withDemoCourse } from './demo-course';
import { credentialsOf } from './demo-users';

const weightsKg = ['72.4', '58.1', '91', '66.25', '80.5', '54.9', '103.2', '69', '77.7', '62.3'];
const physicianPassword = credentialsOf('physician').password;

/**
 * A new series on `date`, by the physician signed in, at the caller's time: the exam signed, the
 * plan (six weekly infusions) signed, the patient's consent to it. Returns the plan's record id.
 */
export function startDemoSeries(
  call: Call,
  physician: SignIn,
  series: { patientId: number; date: string; signedAt: Date; consentText: ConsentDocumentVersion },
): number {
  const { patientId, date } = series;
  const sign = (versionId: number) =>
    call(physician, 'records.sign', {
      versionId,
      meaning: 'authored',
      username: 'dr.ruiz',
      password: physicianPassword,
    });
  const weight = {
    value: weightsKg[patientId % weightsKg.length] ?? '70',
    unit: 'kg' as const,
    measuredOn: date,
    source: 'measured' as const,
  };
  const exam = call(physician, 'records.create', { type: 'exam', patientId });
  const examVersionId = exam.versions[0]?.id ?? 0;
  call(physician, 'records.saveDraft', {
    type: 'exam',
    versionId: examVersionId,
    content: withDemoCourse(completeExam(date, { weight })),
  });
  sign(examVersionId);
  const plan = call(physician, 'records.create', { type: 'plan', patientId, examRecordId: exam.id });
  const draft = plan.versions[0];
  if (draft?.recordType !== 'plan') throw new Error('demo: plan draft missing');
  call(physician, 'records.saveDraft', {
    type: 'plan',
    versionId: draft.id,
    content: planWith(draft.content.weight, { pumpId: demoPump.id, courseGoal: demoCourseGoal() }),
  });
  sign(draft.id);
  recordDemoConsent(
    call,
    { signIn: physician, ...credentialsOf('physician') },
    { patientId, planRecordId: plan.id, version: series.consentText, signedAt: series.signedAt },
  );
  return plan.id;
}
