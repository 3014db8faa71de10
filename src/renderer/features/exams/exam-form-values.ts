import { z } from 'zod';
import type { ExamContent, HistoryItem } from '../../../domain/exam';
import { candidacyDecisions, historyItemNames } from '../../../domain/exam';
import type { ScaleId } from '../../../domain/scales';
import { blankItems, scaleIds } from '../../../domain/scales';
import { formatDate } from '../../../domain/time';
import { weightFormValues, weightFormValuesSchema } from '../../lib/weight-form';
import { weightAcknowledgementFormSchema, weightAcknowledgementFormValues } from '../records/weight-check-form';
import { pretreatmentFormSchema, pretreatmentFormValues } from './pretreatment-form';
import { priorTreatmentsFormSchema, priorTreatmentsFormValues } from './prior-treatments-form';
import {
  riskAcknowledgementFormSchema,
  riskAcknowledgementFormValues,
  riskScreenFormSchema,
  riskScreenFormValues,
} from './suicide-risk-form';

/**
 * The exam form as typed: numbers and dates as text, unanswered choices as "". The local
 * copy kept in this window is checked against this schema before it is restored.
 */
const answerText = z.enum(['', 'yes', 'no', 'unknown']);

export const examFormValuesSchema = z.object({
  examDate: z.string(),
  indication: z.object({ text: z.string(), icd10: z.string() }),
  history: z.object({
    answers: z.object(
      Object.fromEntries(historyItemNames.map((name) => [name, answerText])) as Record<HistoryItem, typeof answerText>,
    ),
    notes: z.string(),
    currentMedications: z.string(),
    allergiesReviewed: z.boolean(),
    priorReactions: z.string(),
  }),
  screening: z.array(
    z.object({ itemId: z.string(), label: z.string(), answer: z.enum(['', 'yes', 'no']), note: z.string() }),
  ),
  vitals: z.object({
    systolicMmHg: z.string(),
    diastolicMmHg: z.string(),
    heartRateBpm: z.string(),
    spo2Percent: z.string(),
    respiratoryRatePerMin: z.string(),
    temperatureC: z.string(),
  }),
  weight: weightFormValuesSchema,
  weightAcknowledgement: weightAcknowledgementFormSchema,
  heightCm: z.string(),
  scales: z.object({
    phq9: z.array(z.string()),
    gad7: z.array(z.string()),
    pcl5: z.array(z.string()),
    painNrs: z.string(),
  }),
  findings: z.string(),
  candidacy: z.object({ decision: z.enum(['', ...candidacyDecisions]), rationale: z.string() }),
  pretreatment: pretreatmentFormSchema,
  priorTreatments: priorTreatmentsFormSchema,
  riskScreen: riskScreenFormSchema,
  riskAcknowledgement: riskAcknowledgementFormSchema,
});
export type ExamFormValues = z.infer<typeof examFormValuesSchema>;

const text = (value: number | string | null) => (value === null ? '' : String(value));

function scaleItems(scale: ScaleId, items: readonly (number | null)[] | null): string[] {
  return (items ?? blankItems(scale)).map(text);
}

/** A first version never saved since it was created: the only draft that starts on today's date. */
export function neverSaved(version: { version: number; createdAt: string; updatedAt: string }): boolean {
  return version.version === 1 && version.updatedAt === version.createdAt;
}

/**
 * The form for a draft's content. `newDraftToday` (the clinic's today, ISO) is given only for
 * a draft never saved: its exam date and the weight's date start at today, as an exam is
 * mostly written on the day; a draft already saved keeps what it holds, even an empty date.
 */
export function examFormValues(content: ExamContent, newDraftToday: string | null = null): ExamFormValues {
  const today = newDraftToday === null ? '' : formatDate(newDraftToday);
  return {
    examDate: content.examDate === null ? today : formatDate(content.examDate),
    indication: { ...content.indication },
    history: {
      ...content.history,
      answers: Object.fromEntries(
        historyItemNames.map((name) => [name, content.history.answers[name] ?? '']),
      ) as ExamFormValues['history']['answers'],
    },
    screening: content.screening.map((item) => ({ ...item, answer: item.answer ?? '' })),
    vitals: {
      systolicMmHg: text(content.vitals.systolicMmHg),
      diastolicMmHg: text(content.vitals.diastolicMmHg),
      heartRateBpm: text(content.vitals.heartRateBpm),
      spo2Percent: text(content.vitals.spo2Percent),
      respiratoryRatePerMin: text(content.vitals.respiratoryRatePerMin),
      temperatureC: text(content.vitals.temperatureC),
    },
    weight:
      content.weight === null ? { ...weightFormValues(null), measuredOn: today } : weightFormValues(content.weight),
    weightAcknowledgement: weightAcknowledgementFormValues(content.weightAcknowledgement),
    heightCm: text(content.heightCm),
    scales: {
      ...(Object.fromEntries(scaleIds.map((id) => [id, scaleItems(id, content.scales[id])])) as Record<
        ScaleId,
        string[]
      >),
      painNrs: text(content.scales.painNrs),
    },
    findings: content.findings,
    candidacy: { decision: content.candidacy.decision ?? '', rationale: content.candidacy.rationale },
    pretreatment: pretreatmentFormValues(content.pretreatment),
    priorTreatments: priorTreatmentsFormValues(content.priorTreatments),
    riskScreen: riskScreenFormValues(content.riskScreen),
    riskAcknowledgement: riskAcknowledgementFormValues(content.riskAcknowledgement),
  };
}
