import type { CourseGoal } from '../domain/course-goal';
import type { ExamContent } from '../domain/exam';
import type { PretreatmentRequirements } from '../domain/pretreatment-requirements';
import { pretreatmentGaps, pretreatmentStatus } from '../domain/pretreatment-requirements';
import type { PretreatmentResult } from '../domain/pretreatment-results';
import type { PriorTreatment } from '../domain/prior-treatments';
import type { ResponseDefinition } from '../domain/response-definitions';
import type { SessionConfigurationContent } from '../domain/session-configuration';
import type { StopBangAnswers } from '../domain/stop-bang';
import { riskAcknowledgementContent } from '../domain/suicide-risk';
import type { SignIn } from '../services/sign-in';
import type { Call } from './demo-caller';

/**
 * The demo clinic's own course-of-treatment settings (issue 22): what it requires before a
 * series, its risk screen, the monitoring at every infusion, its discharge instructions and how
 * it judges response. A real clinic writes its own; the app ships none of these.
 */
const responseDefinitions: ResponseDefinition[] = [
  { id: 'response', label: 'Response', scale: 'phq9', rule: { type: 'percent-drop', percent: '50' }, retired: false },
  { id: 'remission', label: 'Remission', scale: 'phq9', rule: { type: 'below', value: 5 }, retired: false },
  {
    id: 'pain-response',
    label: 'Pain response',
    scale: 'painNrs',
    rule: { type: 'percent-drop', percent: '30' },
    retired: false,
  },
];

const demoRequirements: PretreatmentRequirements = {
  items: [],
  required: [
    { kind: 'ecg', indications: 'all', maxAgeDays: 180 },
    { kind: 'liver', indications: 'all', maxAgeDays: 365 },
    { kind: 'kidney', indications: 'all', maxAgeDays: 365 },
    { kind: 'urine-drug-screen', indications: 'all', maxAgeDays: 90 },
    { kind: 'stop-bang', indications: 'all', maxAgeDays: 365 },
  ],
};

export const demoRiskQuestion = {
  itemId: 'self-harm-thoughts',
  label: 'In the past month, have you had thoughts of harming yourself or of being better off dead?',
};

const dischargeText = [
  'Do not drive, cycle, operate machinery or make important decisions until tomorrow morning.',
  'Have a responsible adult with you for the rest of today. Drink water and eat a light meal.',
  'Call the clinic on 207-555-0142 if you feel unwell, confused or low in mood. In an emergency call 911, or 988 for the Suicide & Crisis Lifeline.',
].join('\n\n');

/** Saves the demo clinic's settings over the starter configuration, as its administrator. */
export function configureDemoCourse(call: Call, admin: SignIn): void {
  const current = call(admin, 'clinic.sessionConfiguration.get', {});
  const content: SessionConfigurationContent = {
    ...current.content,
    pretreatmentRequirements: demoRequirements,
    riskScreen: { items: [demoRiskQuestion] },
    requiredMonitoring: { items: ['pulseOximetry', 'nibp'], recoveryCheckIntervalMin: 15 },
    dischargeInstructions: { text: dischargeText, version: '2025-1' },
    responseDefinitions,
  };
  call(admin, 'clinic.sessionConfiguration.update', { expectedVersion: current.version, content });
}

function daysBefore(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

const noStopBang: StopBangAnswers = {
  snoring: 'yes',
  tired: 'yes',
  observed: 'no',
  pressure: 'no',
  bmiOver35: 'no',
  ageOver50: 'no',
  neckOver40Cm: 'no',
  genderMale: 'no',
};

/**
 * The results a physician has in front of them at the exam: an ECG in house, outside labs
 * with their report number, a drug screen on the day and STOP-BANG. `ecgDaysOld` lets one
 * patient's ECG be older than the clinic allows (signed with the physician's reason).
 */
function demoPretreatment(examDate: string, ecgDaysOld = 12): PretreatmentResult[] {
  return [
    {
      id: 'ecg-1',
      takenOn: daysBefore(examDate, ecgDaysOld),
      source: { type: 'in-house' },
      note: '',
      value: {
        kind: 'ecg',
        rhythm: 'Sinus rhythm',
        rateBpm: 68,
        qtcMs: 412,
        interpretation: 'normal',
        text: '',
      },
    },
    {
      id: 'liver-1',
      takenOn: daysBefore(examDate, 20),
      source: { type: 'outside', reference: 'Casco Bay Laboratories, report CB-2291-447' },
      note: '',
      value: { kind: 'liver', altUPerL: '24', astUPerL: '21', bilirubinMgPerDl: '0.6' },
    },
    {
      id: 'kidney-1',
      takenOn: daysBefore(examDate, 20),
      source: { type: 'outside', reference: 'Casco Bay Laboratories, report CB-2291-447' },
      note: '',
      value: { kind: 'kidney', creatinineMgPerDl: '0.82', egfrMlMin173m2: '96' },
    },
    {
      id: 'uds-1',
      takenOn: examDate,
      source: { type: 'in-house' },
      note: '',
      value: {
        kind: 'urine-drug-screen',
        classes: {
          amphetamines: 'negative',
          barbiturates: 'negative',
          benzodiazepines: 'negative',
          cannabinoids: 'negative',
          cocaine: 'negative',
          methadone: 'negative',
          opiates: 'negative',
          oxycodone: 'negative',
          phencyclidine: 'negative',
          fentanyl: 'negative',
          buprenorphine: 'not-tested',
          mdma: 'not-tested',
        },
      },
    },
    {
      id: 'stop-bang-1',
      takenOn: examDate,
      source: { type: 'in-house' },
      note: '',
      value: { kind: 'stop-bang', answers: noStopBang },
    },
  ];
}

const demoPriorTreatments: PriorTreatment[] = [
  {
    kind: 'medication',
    name: 'Sertraline',
    details: '100 mg daily',
    from: '2021-03',
    to: '2021-11',
    outcome: 'no-response',
    adequateTrial: 'yes',
    note: '',
  },
  {
    kind: 'medication',
    name: 'Duloxetine',
    details: '60 mg daily',
    from: '2022-01',
    to: null,
    outcome: 'partial',
    adequateTrial: 'yes',
    note: 'Continues',
  },
  {
    kind: 'procedure',
    name: 'Trigger point injections',
    details: 'Trapezius, four sessions',
    from: '2023',
    to: '2023',
    outcome: 'no-response',
    adequateTrial: null,
    note: 'No lasting relief',
  },
];

/**
 * A demo exam with what issue 22 adds: results, prior treatments and the risk screen answered.
 * With `flagged`, PHQ-9 item 9 is 1 and the physician records what was done; with `staleEcg`,
 * the ECG is older than the clinic allows and the physician signs with a reason. The
 * acknowledgements carry the words of what they answer, computed here as the exam screen does.
 */
export function withDemoCourse(
  exam: ExamContent,
  options: { flagged?: boolean; staleEcg?: boolean } = {},
): ExamContent {
  const examDate = exam.examDate ?? '';
  const results = demoPretreatment(examDate, options.staleEcg === true ? 240 : 12);
  const gaps = pretreatmentGaps(pretreatmentStatus(demoRequirements, results, exam.indication.icd10, examDate));
  const content: ExamContent = {
    ...exam,
    pretreatment: {
      results,
      ...(gaps.length === 0
        ? {}
        : {
            acknowledgement: {
              reason: 'ECG of eight months ago was normal; a new ECG is booked before the second infusion.',
              problems: gaps,
            },
          }),
    },
    priorTreatments: demoPriorTreatments,
    riskScreen: [{ ...demoRiskQuestion, answer: 'no' }],
    ...(options.flagged === true ? { scales: { ...exam.scales, phq9: [2, 2, 1, 1, 1, 2, 1, 0, 1] } } : {}),
  };
  const acknowledgement = riskAcknowledgementContent(
    'Passive thoughts only, no plan or intent. Safety plan written with the patient; crisis line number given; her psychiatrist informed the same day.',
    content,
  );
  return acknowledgement === undefined ? content : { ...content, riskAcknowledgement: acknowledgement };
}

/** The goal a demo plan records, with the definitions it will be judged by, as worded. */
export function demoCourseGoal(definitionIds: readonly string[] = ['response', 'remission']): CourseGoal {
  const chosen = responseDefinitions.filter((definition) => definitionIds.includes(definition.id));
  return {
    goal: 'Fewer depressive symptoms and pain days; back to part-time work.',
    responseDefinitionIds: chosen.map((definition) => definition.id),
    definitionsAsWorded: chosen.map(({ id, label, scale, rule }) => ({ id, label, scale, rule })),
  };
}

/**
 * The physician's review at the end of a completed series: response, maintenance every four
 * weeks, with the reason in their words. Signed now (signatures are never back-dated).
 */
export function signDemoCourseReview(
  call: Call,
  physician: SignIn,
  review: { patientId: number; planRecordId: number; today: string; password: string },
): number {
  const record = call(physician, 'records.create', {
    type: 'review',
    patientId: review.patientId,
    planRecordId: review.planRecordId,
  });
  const versionId = record.versions[0]?.id ?? 0;
  call(physician, 'records.saveDraft', {
    type: 'review',
    versionId,
    content: {
      planRecordId: review.planRecordId,
      reviewDate: review.today,
      outcome: 'response',
      decision: 'maintenance',
      maintenanceIntervalDays: 28,
      reason: 'PHQ-9 and pain both well below baseline after four infusions; the patient wishes to continue.',
      notes: 'Review again after three maintenance infusions.',
    },
  });
  call(physician, 'records.sign', { versionId, meaning: 'authored', username: 'dr.ruiz', password: review.password });
  return record.id;
}
