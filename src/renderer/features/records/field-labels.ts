import { derivedUnits, roundingSteps } from '../../../domain/dose';
import type { DerivedQuantity } from '../../../domain/dose';
import type { HistoryItem } from '../../../domain/exam';
import { historyItems } from '../../../domain/exam';
import { limitCheckLabel } from '../../../domain/limit-fields';
import type { LimitCheck } from '../../../domain/limits';
import { limitedQuantities } from '../../../domain/limits';
import type { RecordType } from '../../../domain/record';
import type { ScaleId } from '../../../domain/scales';
import { scaleDefinitions } from '../../../domain/scales';
import { riskAndHistoryFieldLabel } from '../exams/risk-and-history-labels';
import { vitalLabels } from '../exams/VitalsSection';
import { reviewLabels } from '../reviews/review-labels';

const examLabels: Readonly<Record<string, string>> = {
  examDate: 'Exam date',
  'indication.text': 'Indication',
  'indication.icd10': 'ICD-10 code',
  'history.notes': 'History notes',
  'history.currentMedications': 'Current medications',
  'history.allergiesReviewed': 'Allergies reviewed with the patient',
  'history.priorReactions': 'Prior ketamine or anaesthesia reactions',
  ...Object.fromEntries(Object.entries(vitalLabels).map(([name, label]) => [`vitals.${name}`, label])),
  weight: 'Weight',
  'weight.value': 'Weight',
  'weight.unit': 'Weight unit',
  'weight.measuredOn': 'Date the weight was taken',
  'weight.source': 'Weight source',
  weightAcknowledgement: 'Weight check acknowledgement',
  'weightAcknowledgement.acknowledgedWeightKg': 'Weight acknowledged (kg)',
  'weightAcknowledgement.reason': 'Reason for keeping the weight',
  heightCm: 'Height (cm)',
  'scales.painNrs': 'Pain now (0–10)',
  findings: 'Findings',
  'candidacy.decision': 'Candidacy decision',
  'candidacy.rationale': 'Rationale for the decision',
};

const planLabels: Readonly<Record<string, string>> = {
  drugId: 'Drug',
  concentrationMgPerMl: 'Concentration (mg/mL)',
  diluent: 'Diluent',
  diluentVolumeMl: 'Diluent volume (mL)',
  doseBasis: 'Dose basis',
  doseMgPerKg: 'Dose (mg/kg)',
  doseMg: 'Dose (mg)',
  weight: 'Weight used',
  'weight.value': 'Weight used',
  'weight.unit': 'Unit of the weight used',
  'weight.measuredOn': 'Date the weight used was taken',
  'weight.source': 'Source of the weight used',
  'weight.from': 'Weight taken from',
  weightAcknowledgement: 'Weight check acknowledgement',
  'weightAcknowledgement.acknowledgedWeightKg': 'Weight acknowledged (kg)',
  'weightAcknowledgement.reason': 'Reason for keeping the weight',
  durationMin: 'Duration (min)',
  'series.infusions': 'Number of infusions',
  'series.intervalDays': 'Interval between infusions (days)',
  monitoringIntervalMin: 'Monitoring interval (min)',
  premedication: 'Premedication',
  rescueMedication: 'Rescue medication',
  notes: 'Notes',
  overrideReasons: 'Reasons for going outside the ranges',
};

const derivedLabels: Record<DerivedQuantity, string> = {
  totalMg: 'Total dose',
  rateMgPerH: 'Rate',
  rateMgPerKgPerH: 'Rate per kg',
  drugVolumeMl: 'Drug volume to add',
  finalVolumeMl: 'Final bag volume',
  finalConcentrationMgPerMl: 'Final concentration',
  rateMlPerH: 'Pump rate',
  diluentToAddMl: 'Diluent to add',
  pumpRateMlPerH: 'Pump rate to program',
  deliveredMg: 'Dose the pump rate delivers',
};

/** Paths whose values are decimal quantities, shown the ISMP way ("0.5", "1,000"). */
const decimalPaths = new Set([
  'vitals.temperatureC',
  'weight.value',
  'heightCm',
  'concentrationMgPerMl',
  'diluentVolumeMl',
  'doseMgPerKg',
  'doseMg',
  ...Object.keys(roundingSteps).map((name) => `computed.${name}`),
]);
export const datePaths = new Set(['examDate', 'weight.measuredOn']);

/**
 * "Reason for going outside the range: Dose per kg": the reason box of each finding named by
 * its limit, the same on the form, in the error summary and in the version history, so no
 * two boxes on a plan share an accessible name.
 */
export function reasonLabel(check: LimitCheck): string {
  return `Reason for going outside the range: ${limitCheckLabel(check)}`;
}

export function isDecimalPath(path: string): boolean {
  return decimalPaths.has(path);
}

/**
 * A human label for a changed field ("doseMgPerKg" → "Dose (mg/kg)"). `screeningLabel`
 * gives the question of a screening row as the exam worded it. Unknown paths show as-is.
 */
export function fieldLabel(type: RecordType, path: string, screeningLabel: (index: number) => string): string {
  const known = { exam: examLabels, plan: planLabels, review: reviewLabels }[type][path];
  if (known !== undefined) return known;
  const computed = /^computed\.(\w+)$/.exec(path);
  if (computed?.[1] !== undefined && computed[1] in derivedLabels) {
    const name = computed[1] as DerivedQuantity;
    return `${derivedLabels[name]} (${derivedUnits[name]}), as worked out`;
  }
  const history = /^history\.answers\.(\w+)$/.exec(path);
  if (history?.[1] !== undefined && history[1] in historyItems)
    return `History: ${historyItems[history[1] as HistoryItem]}`;
  const screening = /^screening\.(\d+)\.(answer|note|label)$/.exec(path);
  if (screening?.[1] !== undefined) {
    const question = screeningLabel(Number(screening[1]));
    return screening[2] === 'note' ? `Screening note: ${question}` : `Screening: ${question}`;
  }
  const scale = /^scales\.(phq9|gad7|pcl5)(?:\.(\d+))?$/.exec(path);
  if (scale?.[1] !== undefined) {
    const name = scaleDefinitions[scale[1] as ScaleId].name;
    return scale[2] === undefined ? name : `${name} item ${Number(scale[2]) + 1}`;
  }
  const riskOrHistory = type === 'exam' ? riskAndHistoryFieldLabel(path) : null;
  if (riskOrHistory !== null) return riskOrHistory;
  const reason = /^overrideReasons\.(\w+)$/.exec(path);
  if (reason?.[1] !== undefined) {
    const check = reason[1];
    return check === 'weightAge' || check in limitedQuantities
      ? reasonLabel(check as LimitCheck)
      : `Reason for going outside the range: ${check}`;
  }
  return path;
}
