import type { FieldIssue } from '../../../contract/errors';
import type { ExamContent } from '../../../domain/exam';
import { examContentSchema, examSigningProblems, historyItemNames, icd10Schema } from '../../../domain/exam';
import type { DraftWeightCheck } from '../../../domain/record-view';
import { weightAcknowledgementProblems } from '../../../domain/weight-acknowledgement';
import type { WeightFinding } from '../../../domain/weight-check';
import type { ScaleId } from '../../../domain/scales';
import { scaleIds } from '../../../domain/scales';
import { vitalsSchema } from '../../../domain/vitals';
import { parseDate, parseDecimal, parseWhole } from '../../lib/parse-fields';
import { weightFrom } from '../../lib/weight-form';
import { liveWeightFindings, weightAcknowledgementContent } from '../records/weight-check-form';
import type { ExamFormValues } from './exam-form-values';
import type { PretreatmentRequirements } from '../../../domain/pretreatment-requirements';
import { pretreatmentContent } from './pretreatment-form';
import { priorTreatmentsContent } from './prior-treatments-form';
import { suicideRiskContent } from './suicide-risk-form';

const vitals = vitalsSchema.shape;

function scale(items: readonly string[]): (number | null)[] | null {
  if (items.every((item) => item === '')) return null;
  return items.map((item) => (item === '' ? null : Number(item)));
}

/**
 * The exam content to save from what is typed. A field that does not read (a mistyped
 * number, half a weight) is saved empty for now and reported under its path; the typed
 * text stays in the form and in this window's copy, so nothing is lost.
 */
export function examContentFrom(
  values: ExamFormValues,
  weightCheck: DraftWeightCheck | undefined,
  /** The clinic's pre-treatment requirements, for the gaps a reason answers (none while loading). */
  pretreatmentRequirements: PretreatmentRequirements | undefined | null = null,
): { content: ExamContent; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  // Read in the form's order, so that problems are listed as the fields come.
  const icd10 = icd10Schema.safeParse(values.indication.icd10);
  if (!icd10.success) issues.push({ path: 'indication.icd10', message: icd10.error.issues[0]?.message ?? '' });
  const examDate = parseDate(values.examDate, 'examDate', issues);
  const vitalSigns: ExamContent['vitals'] = {
    systolicMmHg: parseWhole(values.vitals.systolicMmHg, vitals.systolicMmHg, 'vitals.systolicMmHg', issues),
    diastolicMmHg: parseWhole(values.vitals.diastolicMmHg, vitals.diastolicMmHg, 'vitals.diastolicMmHg', issues),
    heartRateBpm: parseWhole(values.vitals.heartRateBpm, vitals.heartRateBpm, 'vitals.heartRateBpm', issues),
    spo2Percent: parseWhole(values.vitals.spo2Percent, vitals.spo2Percent, 'vitals.spo2Percent', issues),
    respiratoryRatePerMin: parseWhole(
      values.vitals.respiratoryRatePerMin,
      vitals.respiratoryRatePerMin,
      'vitals.respiratoryRatePerMin',
      issues,
    ),
    temperatureC: parseDecimal(values.vitals.temperatureC, vitals.temperatureC, 'vitals.temperatureC', issues),
  };
  // The date alone (a new draft starts with today's) is no weight yet, and no error either.
  const weightTyped = values.weight.value.trim() !== '' || values.weight.source !== '';
  const weight = weightTyped ? weightFrom(values.weight, 'weight', issues) : null;
  const acknowledgement = weightAcknowledgementContent(
    values.weightAcknowledgement,
    weight,
    liveWeightFindings(weightCheck, weight, 'exam'),
  );
  const content: ExamContent = {
    examDate,
    indication: { text: values.indication.text, icd10: icd10.success ? icd10.data : '' },
    history: {
      ...values.history,
      answers: Object.fromEntries(
        historyItemNames.map((name) => [name, values.history.answers[name] || null]),
      ) as ExamContent['history']['answers'],
    },
    screening: values.screening.map((item) => ({ ...item, answer: item.answer || null })),
    vitals: vitalSigns,
    weight,
    // Only while the weight check surfaces the weight; key order as the schema's, like the saved content.
    ...(acknowledgement === undefined ? {} : { weightAcknowledgement: acknowledgement }),
    heightCm: parseDecimal(values.heightCm, examContentSchema.shape.heightCm, 'heightCm', issues),
    scales: {
      ...(Object.fromEntries(scaleIds.map((id) => [id, scale(values.scales[id])])) as Record<
        ScaleId,
        (number | null)[] | null
      >),
      painNrs: values.scales.painNrs === '' ? null : Number(values.scales.painNrs),
    },
    findings: values.findings,
    candidacy: { decision: values.candidacy.decision || null, rationale: values.candidacy.rationale },
  };
  // Optional parts, in the schema's order, only when there is something to store.
  Object.assign(
    content,
    pretreatmentContent(values.pretreatment, content, pretreatmentRequirements, issues),
    priorTreatmentsContent(values.priorTreatments, issues),
    suicideRiskContent(values.riskScreen, values.riskAcknowledgement, content.scales),
  );
  return { content, issues };
}

/** The weight check on an exam's weight, live, with what the server sent with the draft. */
export function examWeightFindings(content: ExamContent, weightCheck: DraftWeightCheck | undefined): WeightFinding[] {
  return liveWeightFindings(weightCheck, content.weight, 'exam');
}

/** What signing needs: the exam's own rules and, when the weight was surfaced, its acknowledgement. */
export function examFormSigningProblems(content: ExamContent, weightCheck: DraftWeightCheck | undefined): FieldIssue[] {
  return [
    ...examSigningProblems(content),
    ...weightAcknowledgementProblems(
      examWeightFindings(content, weightCheck),
      content.weight,
      content.weightAcknowledgement,
    ),
  ];
}
