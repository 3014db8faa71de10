import { scaleTotal } from '../../domain/scales';
import type { Scales } from '../../domain/scales';
import type { SessionEntryView } from '../../domain/session-view';
import type { Vitals } from '../../domain/vitals';
import type { CsvColumn } from '../csv';
import type { EntryOfKind } from '../session-history';
import type { CsvTableDefinition } from './table';
import { patientTable } from './table';
import type { SessionEntryRow } from './session-rows';
import { entryColumns, sessionColumns, sessionEntryRows } from './session-rows';

type Observed = EntryOfKind<'checklist' | 'observation' | 'discharge'>;
type Row = SessionEntryRow<Observed>;

const isObserved = (entry: SessionEntryView): entry is Observed =>
  entry.kind === 'checklist' || entry.kind === 'observation' || entry.kind === 'discharge';

const contexts = { checklist: 'Baseline (pre-infusion checklist)', observation: 'Timed check', discharge: 'Discharge' };

const vital =
  (key: keyof Vitals) =>
  (row: Row): string | number | null =>
    row.entry.content.vitals[key];
const check = (row: Row) => (row.entry.kind === 'observation' ? row.entry.content : null);
const scales = (row: Row): Scales | null => (row.entry.kind === 'checklist' ? row.entry.content.scales : null);

const columns: CsvColumn<Row>[] = [
  ...sessionColumns<Row>(),
  ...entryColumns<Observed>(),
  { header: 'context', value: (row) => contexts[row.entry.kind] },
  { header: 'systolic_mmhg', value: vital('systolicMmHg') },
  { header: 'diastolic_mmhg', value: vital('diastolicMmHg') },
  { header: 'heart_rate_per_min', value: vital('heartRateBpm') },
  { header: 'spo2_percent', value: vital('spo2Percent') },
  { header: 'respiratory_rate_per_min', value: vital('respiratoryRatePerMin') },
  { header: 'temperature_c', value: vital('temperatureC') },
  { header: 'sedation_moaas', value: (row) => check(row)?.sedation ?? null },
  // Each item 0–4, "" for an unanswered item; the total only when all six are answered.
  {
    header: 'cadss6_items',
    value: (row) =>
      check(row)
        ?.cadss6?.map((item) => item ?? '')
        .join(' ') ?? null,
  },
  { header: 'cadss6_total', value: (row) => scaleTotal(check(row)?.cadss6 ?? null) },
  {
    header: 'pain_nrs',
    value: (row) => (row.entry.kind === 'checklist' ? row.entry.content.scales.painNrs : (check(row)?.painNrs ?? null)),
  },
  { header: 'nausea', value: (row) => check(row)?.nausea ?? null },
  { header: 'phq9_total', value: (row) => scaleTotal(scales(row)?.phq9 ?? null) },
  { header: 'gad7_total', value: (row) => scaleTotal(scales(row)?.gad7 ?? null) },
  { header: 'pcl5_total', value: (row) => scaleTotal(scales(row)?.pcl5 ?? null) },
  {
    header: 'notes',
    value: (row) => (row.entry.kind === 'checklist' ? null : row.entry.content.notes),
  },
];

/** Vital signs and scales: the checklist's baseline, every timed check, and discharge. */
export const sessionObservationsTable: CsvTableDefinition = patientTable('session-observations.csv', columns, (part) =>
  sessionEntryRows(part, isObserved),
);
