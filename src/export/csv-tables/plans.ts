import { administrationOf } from '../../domain/administration';
import type { LimitCheck } from '../../domain/limits';
import { limitedQuantities } from '../../domain/limits';
import type { RecordVersionView } from '../../domain/record-view';
import type { DerivedQuantity } from '../../domain/dose';
import type { CsvColumn } from '../csv';
import type { PlanVersion } from '../snapshot-index';
import { localTime } from './formatting';
import type { CsvTableDefinition } from './table';
import { patientTable } from './table';
import type { VersionRow } from './version-rows';
import { leadingColumns, trailingColumns, versionRows } from './version-rows';

type Row = VersionRow<PlanVersion>;

const isPlan = (version: RecordVersionView): version is PlanVersion => version.recordType === 'plan';

/** Derived figures exactly as computed and signed, rounded by the rule on the plan. */
const derivedColumns: [string, DerivedQuantity][] = [
  ['total_mg', 'totalMg'],
  ['rate_mg_per_h', 'rateMgPerH'],
  ['rate_mg_per_kg_per_h', 'rateMgPerKgPerH'],
  ['drug_volume_ml', 'drugVolumeMl'],
  ['final_volume_ml', 'finalVolumeMl'],
  ['final_concentration_mg_per_ml', 'finalConcentrationMgPerMl'],
  ['rate_ml_per_h', 'rateMlPerH'],
  ['diluent_to_add_ml', 'diluentToAddMl'],
  ['pump_rate_ml_per_h', 'pumpRateMlPerH'],
  ['delivered_mg', 'deliveredMg'],
];

const checkLabel = (check: LimitCheck) =>
  check === 'weightAge' ? 'Age of the weight used' : limitedQuantities[check].label;

const columns: CsvColumn<Row>[] = [
  ...leadingColumns<PlanVersion>(),
  { header: 'exam_version_id', value: (row) => row.version.examVersionId },
  { header: 'formulary_version', value: (row) => row.version.formularyVersion },
  { header: 'drug_id', value: (row) => row.version.content.drugId },
  { header: 'drug_name', value: (row) => row.version.computed?.drugName ?? null },
  { header: 'concentration_mg_per_ml', value: (row) => row.version.content.concentrationMgPerMl },
  // Plans saved before the choice existed were all bags.
  { header: 'administration', value: (row) => administrationOf(row.version.content) },
  { header: 'diluent', value: (row) => row.version.content.diluent },
  { header: 'diluent_volume_ml', value: (row) => row.version.content.diluentVolumeMl },
  { header: 'syringe_volume_ml', value: (row) => row.version.content.syringeVolumeMl ?? null },
  { header: 'pump_id', value: (row) => row.version.content.pumpId ?? null },
  { header: 'dose_basis', value: (row) => row.version.content.doseBasis },
  { header: 'dose_mg_per_kg', value: (row) => row.version.content.doseMgPerKg },
  { header: 'dose_mg', value: (row) => row.version.content.doseMg },
  { header: 'weight_value', value: (row) => row.version.content.weight?.value ?? null },
  { header: 'weight_unit', value: (row) => row.version.content.weight?.unit ?? null },
  { header: 'weight_kg', value: (row) => row.version.computed?.weightKg ?? null },
  { header: 'weight_measured_on', value: (row) => row.version.content.weight?.measuredOn ?? null },
  { header: 'weight_source', value: (row) => row.version.content.weight?.source ?? null },
  { header: 'weight_from', value: (row) => row.version.content.weight?.from ?? null },
  { header: 'weight_age_days', value: (row) => row.version.computed?.weightAgeDays ?? null },
  { header: 'duration_min', value: (row) => row.version.content.durationMin },
  { header: 'infusions', value: (row) => row.version.content.series.infusions },
  { header: 'interval_days', value: (row) => row.version.content.series.intervalDays },
  { header: 'monitoring_interval_min', value: (row) => row.version.content.monitoringIntervalMin },
  ...derivedColumns.map(([header, quantity]): CsvColumn<Row> => ({
    header,
    value: (row) => row.version.computed?.derived[quantity] ?? null,
  })),
  {
    header: 'formulas',
    value: (row) => (row.version.computed?.lines ?? []).map((line) => `${line.formula} (${line.rounding})`).join('; '),
  },
  { header: 'pump_delivery', value: (row) => row.version.computed?.delivery?.text ?? null },
  {
    header: 'limit_findings',
    value: (row) => (row.version.computed?.findings ?? []).map((finding) => finding.message).join(' | '),
  },
  { header: 'no_limits_configured', value: (row) => row.version.computed?.noLimitsConfigured ?? null },
  {
    header: 'override_reasons',
    value: (row) =>
      (Object.entries(row.version.content.overrideReasons) as [LimitCheck, string | undefined][])
        .filter(([, reason]) => reason !== undefined && reason.trim() !== '')
        .map(([check, reason]) => `${checkLabel(check)}: ${reason ?? ''}`)
        .join(' | '),
  },
  { header: 'premedication', value: (row) => row.version.content.premedication },
  { header: 'rescue_medication', value: (row) => row.version.content.rescueMedication },
  { header: 'notes', value: (row) => row.version.content.notes },
  { header: 'discontinued_at_utc', value: (row) => row.record.discontinued?.at ?? null },
  { header: 'discontinued_at_local', value: (row) => localTime(row.record.discontinued?.at ?? null, row.timeZone) },
  { header: 'discontinued_by', value: (row) => row.record.discontinued?.printedName ?? null },
  { header: 'discontinued_reason', value: (row) => row.record.discontinued?.reason ?? null },
  ...trailingColumns<PlanVersion>(),
];

export const plansTable: CsvTableDefinition = patientTable('plans.csv', columns, (part) =>
  versionRows(part, 'plan', isPlan),
);
