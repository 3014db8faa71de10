import { candidacyLabels, historyItemNames } from '../../domain/exam';
import type { HistoryItem } from '../../domain/exam';
import type { RecordVersionView } from '../../domain/record-view';
import { scaleTotal } from '../../domain/scales';
import { weightKg } from '../../domain/weight';
import type { CsvColumn } from '../csv';
import type { ExamVersion } from '../snapshot-index';
import type { CsvTableDefinition } from './table';
import { patientTable } from './table';
import type { VersionRow } from './version-rows';
import { leadingColumns, trailingColumns, versionRows } from './version-rows';

type Row = VersionRow<ExamVersion>;

const isExam = (version: RecordVersionView): version is ExamVersion => version.recordType === 'exam';

/** snake_case header for a history item: "cardiacDisease" → "history_cardiac_disease". */
const historyHeader = (name: HistoryItem) =>
  `history_${name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;

const columns: CsvColumn<Row>[] = [
  ...leadingColumns<ExamVersion>(),
  { header: 'exam_date', value: (row) => row.version.content.examDate },
  { header: 'indication', value: (row) => row.version.content.indication.text },
  { header: 'indication_icd10', value: (row) => row.version.content.indication.icd10 },
  ...historyItemNames.map((name): CsvColumn<Row> => ({
    header: historyHeader(name),
    value: (row) => row.version.content.history.answers[name],
  })),
  { header: 'history_notes', value: (row) => row.version.content.history.notes },
  { header: 'current_medications', value: (row) => row.version.content.history.currentMedications },
  { header: 'allergies_reviewed', value: (row) => row.version.content.history.allergiesReviewed },
  { header: 'prior_reactions', value: (row) => row.version.content.history.priorReactions },
  {
    header: 'screening_answered_yes',
    value: (row) =>
      row.version.content.screening
        .filter((item) => item.answer === 'yes')
        .map((item) => (item.note === '' ? item.label : `${item.label} (${item.note})`))
        .join('; '),
  },
  { header: 'systolic_mmhg', value: (row) => row.version.content.vitals.systolicMmHg },
  { header: 'diastolic_mmhg', value: (row) => row.version.content.vitals.diastolicMmHg },
  { header: 'heart_rate_per_min', value: (row) => row.version.content.vitals.heartRateBpm },
  { header: 'spo2_percent', value: (row) => row.version.content.vitals.spo2Percent },
  { header: 'respiratory_rate_per_min', value: (row) => row.version.content.vitals.respiratoryRatePerMin },
  { header: 'temperature_c', value: (row) => row.version.content.vitals.temperatureC },
  { header: 'weight_value', value: (row) => row.version.content.weight?.value ?? null },
  { header: 'weight_unit', value: (row) => row.version.content.weight?.unit ?? null },
  // Exact kilograms (lb × 0.45359237, unrounded), the figure plans use.
  {
    header: 'weight_kg',
    value: (row) => {
      const weight = row.version.content.weight;
      return row.version.computed?.weightKg ?? (weight === null ? null : weightKg(weight).toString());
    },
  },
  { header: 'weight_measured_on', value: (row) => row.version.content.weight?.measuredOn ?? null },
  { header: 'weight_source', value: (row) => row.version.content.weight?.source ?? null },
  { header: 'height_cm', value: (row) => row.version.content.heightCm },
  {
    header: 'phq9_total',
    value: (row) => row.version.computed?.scaleTotals.phq9 ?? scaleTotal(row.version.content.scales.phq9),
  },
  {
    header: 'gad7_total',
    value: (row) => row.version.computed?.scaleTotals.gad7 ?? scaleTotal(row.version.content.scales.gad7),
  },
  {
    header: 'pcl5_total',
    value: (row) => row.version.computed?.scaleTotals.pcl5 ?? scaleTotal(row.version.content.scales.pcl5),
  },
  { header: 'pain_nrs', value: (row) => row.version.content.scales.painNrs },
  { header: 'findings', value: (row) => row.version.content.findings },
  {
    header: 'candidacy',
    value: (row) => {
      const decision = row.version.content.candidacy.decision;
      return decision === null ? null : candidacyLabels[decision];
    },
  },
  { header: 'candidacy_rationale', value: (row) => row.version.content.candidacy.rationale },
  ...trailingColumns<ExamVersion>(),
];

export const examsTable: CsvTableDefinition = patientTable('exams.csv', columns, (part) =>
  versionRows(part, 'exam', isExam),
);
