import type { FieldIssue } from '../../../contract/errors';
import type { ExamContent } from '../../../domain/exam';
import { examContentSchema, historyItemNames, icd10Schema } from '../../../domain/exam';
import type { ScaleId } from '../../../domain/scales';
import { scaleIds } from '../../../domain/scales';
import { vitalsSchema } from '../../../domain/vitals';
import { parseDate, parseDecimal, parseWhole } from '../../lib/parse-fields';
import { weightFrom } from '../../lib/weight-form';
import type { ExamFormValues } from './exam-form-values';

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
export function examContentFrom(values: ExamFormValues): { content: ExamContent; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const icd10 = icd10Schema.safeParse(values.indication.icd10);
  if (!icd10.success) issues.push({ path: 'indication.icd10', message: icd10.error.issues[0]?.message ?? '' });
  const content: ExamContent = {
    examDate: parseDate(values.examDate, 'examDate', issues),
    indication: { text: values.indication.text, icd10: icd10.success ? icd10.data : '' },
    history: {
      ...values.history,
      answers: Object.fromEntries(
        historyItemNames.map((name) => [name, values.history.answers[name] || null]),
      ) as ExamContent['history']['answers'],
    },
    screening: values.screening.map((item) => ({ ...item, answer: item.answer || null })),
    vitals: {
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
    },
    weight: weightFrom(values.weight, 'weight', issues),
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
  return { content, issues };
}
