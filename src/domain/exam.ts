import { z } from 'zod';
import { isoDateSchema } from './patient';
import { examPretreatmentSchema, pretreatmentResultProblems } from './pretreatment-results';
import { priorTreatmentProblems, priorTreatmentsSchema } from './prior-treatments';
import { decimalSchema } from './quantity';
import { scalesSchema, scaleDefinitions, scaleIncomplete } from './scales';
import { riskAcknowledgementSchema, riskScreenAnswersSchema, suicideRiskProblems } from './suicide-risk';
import { vitalsSchema, vitalsComplete } from './vitals';
import { weightSchema } from './weight';
import { weightAcknowledgementSchema } from './weight-acknowledgement';

/** Indications clinics record most; any other may be typed, with an optional ICD-10 code. */
export const commonIndications = [
  { text: 'Neuropathic pain', icd10: 'M79.2' },
  { text: 'Fibromyalgia', icd10: 'M79.7' },
  { text: 'Chronic neck pain', icd10: 'M54.2' },
  { text: 'Chronic low back pain', icd10: 'M54.50' },
  { text: 'Complex regional pain syndrome', icd10: 'G90.50' },
  { text: 'Lyme disease', icd10: 'A69.20' },
  { text: 'Treatment-resistant depression', icd10: 'F33.9' },
  { text: 'Post-traumatic stress disorder (PTSD)', icd10: 'F43.10' },
] as const;

export const answerSchema = z.enum(['yes', 'no', 'unknown']).nullable();
export type Answer = z.infer<typeof answerSchema>;

/** History questions, grouped as reviewed at the exam. */
export const historyItems = {
  psychosis: 'Psychosis (past or present)',
  mania: 'Mania or bipolar disorder',
  substanceUse: 'Substance use disorder',
  hypertension: 'Hypertension',
  cardiacDisease: 'Cardiac disease',
  cerebrovascularDisease: 'Cerebrovascular disease',
  liverDisease: 'Liver disease',
  raisedIntracranialPressure: 'Raised intracranial pressure',
  raisedIntraocularPressure: 'Raised intraocular pressure',
  pregnancy: 'Pregnancy or possible pregnancy',
} as const;
export type HistoryItem = keyof typeof historyItems;
export const historyItemNames = Object.keys(historyItems) as HistoryItem[];
export const psychiatricItems: readonly HistoryItem[] = ['psychosis', 'mania', 'substanceUse'];

const text = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max} characters`)
    .transform((value) => value.normalize('NFC'));

export const icd10Schema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (value) => value === '' || /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/.test(value),
    'Enter an ICD-10 code such as M79.7, or leave it empty',
  );

export const candidacyDecisions = ['candidate', 'not-a-candidate', 'deferred'] as const;
export const candidacyLabels: Record<(typeof candidacyDecisions)[number], string> = {
  candidate: 'Candidate',
  'not-a-candidate': 'Not a candidate',
  deferred: 'Deferred',
};

export const screeningAnswerSchema = z.object({
  itemId: z.string().min(1).max(64),
  /** The question as the clinic worded it when the exam was written. */
  label: z.string().max(300),
  answer: z.enum(['yes', 'no']).nullable(),
  note: text(1000),
});

/**
 * The exam as a physician writes it. Everything may be empty while it is a draft (saved as
 * they type); `examSigningProblems` says what must be filled before it can be signed.
 */
export const examContentSchema = z.object({
  examDate: isoDateSchema.nullable(),
  indication: z.object({ text: text(300), icd10: icd10Schema }),
  history: z.object({
    answers: z.object(
      Object.fromEntries(historyItemNames.map((name) => [name, answerSchema])) as Record<
        HistoryItem,
        typeof answerSchema
      >,
    ),
    notes: text(4000),
    currentMedications: text(4000),
    allergiesReviewed: z.boolean(),
    priorReactions: text(2000),
  }),
  screening: z.array(screeningAnswerSchema).max(100),
  vitals: vitalsSchema,
  weight: weightSchema.nullable(),
  /** The physician's answer to the weight check, when it surfaced the weight (absent in older exams). */
  weightAcknowledgement: weightAcknowledgementSchema.optional(),
  heightCm: decimalSchema('height (cm)').nullable(),
  scales: scalesSchema,
  findings: text(20000),
  candidacy: z.object({
    decision: z.enum(candidacyDecisions).nullable(),
    rationale: text(4000),
  }),
  /** Pre-treatment results (ECG, labs…) and the reason for signing without a required one (absent in older exams). */
  pretreatment: examPretreatmentSchema.optional(),
  /** Treatments before this course, as a list (absent in older exams). */
  priorTreatments: priorTreatmentsSchema.optional(),
  /** The clinic's risk screen as asked at this exam (absent in older exams, or when none is configured). */
  riskScreen: riskScreenAnswersSchema.optional(),
  /** What was done about a flagged suicide risk (only while flagged). */
  riskAcknowledgement: riskAcknowledgementSchema.optional(),
});
export type ExamContent = z.infer<typeof examContentSchema>;

/** Everything a signed exam must have, in words, for the summary above the form. */
export function examSigningProblems(exam: ExamContent): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) problems.push({ path, message });
  };
  need(exam.examDate !== null, 'examDate', 'Enter the exam date');
  need(exam.indication.text.trim() !== '', 'indication.text', 'Enter the indication');
  for (const name of historyItemNames) {
    need(
      exam.history.answers[name] !== null,
      `history.answers.${name}`,
      `Answer the history question: ${historyItems[name]}`,
    );
  }
  need(exam.history.allergiesReviewed, 'history.allergiesReviewed', 'Confirm that allergies were reviewed');
  exam.screening.forEach((item, index) => {
    need(item.answer !== null, `screening.${index}.answer`, `Answer the screening item: ${item.label}`);
  });
  need(vitalsComplete(exam.vitals), 'vitals', 'Record all baseline vital signs');
  need(exam.weight !== null, 'weight', 'Record the weight with its date and source');
  for (const [id, definition] of Object.entries(scaleDefinitions)) {
    const items = exam.scales[id as keyof typeof scaleDefinitions];
    need(!scaleIncomplete(items), `scales.${id}`, `Finish the ${definition.name} or clear it`);
  }
  need(exam.findings.trim() !== '', 'findings', 'Write the findings');
  need(exam.candidacy.decision !== null, 'candidacy.decision', 'Record the candidacy decision');
  need(exam.candidacy.rationale.trim() !== '', 'candidacy.rationale', 'Give the rationale for the decision');
  problems.push(...pretreatmentResultProblems(exam.pretreatment));
  problems.push(...priorTreatmentProblems(exam.priorTreatments), ...suicideRiskProblems(exam));
  return problems;
}

export function emptyExam(screeningItems: readonly { id: string; label: string }[]): ExamContent {
  return {
    examDate: null,
    indication: { text: '', icd10: '' },
    history: {
      answers: Object.fromEntries(historyItemNames.map((name) => [name, null])) as Record<HistoryItem, Answer>,
      notes: '',
      currentMedications: '',
      allergiesReviewed: false,
      priorReactions: '',
    },
    screening: screeningItems.map((item) => ({ itemId: item.id, label: item.label, answer: null, note: '' })),
    vitals: {
      systolicMmHg: null,
      diastolicMmHg: null,
      heartRateBpm: null,
      spo2Percent: null,
      respiratoryRatePerMin: null,
      temperatureC: null,
    },
    weight: null,
    heightCm: null,
    scales: { phq9: null, gad7: null, pcl5: null, painNrs: null },
    findings: '',
    candidacy: { decision: null, rationale: '' },
  };
}
