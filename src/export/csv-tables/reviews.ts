import { reviewDecisionLabels, reviewOutcomeLabels } from '../../domain/course-review';
import type { RecordVersionView } from '../../domain/record-view';
import type { CsvColumn } from '../csv';
import type { CsvTableDefinition } from './table';
import { patientTable } from './table';
import type { VersionRow } from './version-rows';
import { leadingColumns, trailingColumns, versionRows } from './version-rows';

type ReviewVersion = Extract<RecordVersionView, { recordType: 'review' }>;
type Row = VersionRow<ReviewVersion>;

const isReview = (version: RecordVersionView): version is ReviewVersion => version.recordType === 'review';

/** A scale's baseline and latest as frozen at signing ("" when not recorded or not signed). */
const scaleColumns = (scale: string, header: string): CsvColumn<Row>[] => {
  const find = (row: Row) => row.version.computed?.scales.find((candidate) => candidate.scale === scale);
  return [
    { header: `${header}_baseline`, value: (row) => find(row)?.baseline ?? null },
    { header: `${header}_latest`, value: (row) => find(row)?.latest ?? null },
  ];
};

const columns: CsvColumn<Row>[] = [
  ...leadingColumns<ReviewVersion>(),
  { header: 'plan_record_id', value: (row) => row.version.content.planRecordId },
  { header: 'plan_version_id', value: (row) => row.version.computed?.plan.versionId ?? null },
  { header: 'review_date', value: (row) => row.version.content.reviewDate },
  {
    header: 'outcome',
    value: (row) => (row.version.content.outcome === null ? null : reviewOutcomeLabels[row.version.content.outcome]),
  },
  {
    header: 'decision',
    value: (row) => (row.version.content.decision === null ? null : reviewDecisionLabels[row.version.content.decision]),
  },
  { header: 'maintenance_interval_days', value: (row) => row.version.content.maintenanceIntervalDays },
  { header: 'reason', value: (row) => row.version.content.reason },
  { header: 'notes', value: (row) => row.version.content.notes },
  // What was computed at signing (empty for drafts): exact decimals, as signed.
  { header: 'sessions_charted', value: (row) => row.version.computed?.sessionsCharted ?? null },
  { header: 'sessions_completed', value: (row) => row.version.computed?.sessionsCompleted ?? null },
  { header: 'series_mg', value: (row) => row.version.computed?.seriesMg ?? null },
  { header: 'patient_total_mg', value: (row) => row.version.computed?.patientTotalMg ?? null },
  ...scaleColumns('phq9', 'phq9'),
  ...scaleColumns('gad7', 'gad7'),
  ...scaleColumns('pcl5', 'pcl5'),
  ...scaleColumns('painNrs', 'pain_nrs'),
  ...trailingColumns<ReviewVersion>(),
];

/** Course reviews, every version (drafts included, as for exams and plans). */
export const reviewsTable: CsvTableDefinition = patientTable('reviews.csv', columns, (part) =>
  versionRows(part, 'review', isReview),
);
