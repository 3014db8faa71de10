import type { ReviewContent } from '../domain/course-review';
import type { ExamContent } from '../domain/exam';
import type { PlanContent } from '../domain/plan';
import type { DraftWeightCheck } from '../domain/record-view';
import type { Weight } from '../domain/weight';
import { newlyEnteredWeight, weightAcknowledgementProblems } from '../domain/weight-acknowledgement';
import type { WeightCheckSettings } from '../domain/weight-check';
import { checkWeight, defaultWeightCheckSettings } from '../domain/weight-check';
import type { RecordRow } from '../db/records-repo';
import { listRecordedWeights } from '../db/weights-repo';
import type { ServiceContext } from './context';

function settingsOf(context: ServiceContext): WeightCheckSettings {
  const clinic = context.clinic;
  if (clinic === undefined) return { ...defaultWeightCheckSettings };
  return {
    weightChangePercent: clinic.weightChangePercent,
    weightChangeDays: clinic.weightChangeDays,
    weightPlausibleMinKg: clinic.weightPlausibleMinKg,
    weightPlausibleMaxKg: clinic.weightPlausibleMaxKg,
  };
}

export interface RecordWeightCheck extends DraftWeightCheck {
  /** The weight the record newly enters, if any (a plan's copy of its exam's weight is not). */
  entered: Weight | null;
}

/**
 * The weight check of an exam's or plan's content against the patient's other signed
 * records, with the clinic's settings now: for a draft's view, and again at signing.
 */
export function recordWeightCheck(
  context: ServiceContext,
  record: RecordRow,
  content: ExamContent | PlanContent | ReviewContent,
): RecordWeightCheck {
  const settings = settingsOf(context);
  const previous = listRecordedWeights(context.ledger.db, record.patientId, record.id);
  // A course review records no weight: there is nothing to check.
  const newWeight = 'weight' in content ? newlyEnteredWeight<Weight & { from?: 'exam' | 'entered' }>(content) : null;
  const entered: Weight | null =
    newWeight === null
      ? null
      : { value: newWeight.value, unit: newWeight.unit, measuredOn: newWeight.measuredOn, source: newWeight.source };
  const findings =
    entered === null || record.type === 'review'
      ? []
      : checkWeight({ entered, recordType: record.type, previous, settings });
  return { settings, previous, findings, entered };
}

/** What signing still needs about the weight check of this content: field issues, or none. */
export function weightCheckProblems(check: RecordWeightCheck, content: ExamContent | PlanContent | ReviewContent) {
  const acknowledgement = 'weightAcknowledgement' in content ? content.weightAcknowledgement : undefined;
  return weightAcknowledgementProblems(check.findings, check.entered, acknowledgement);
}
