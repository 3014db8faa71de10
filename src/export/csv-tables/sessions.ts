import type { Patient } from '../../domain/patient';
import { effectiveEntries } from '../../domain/session-state';
import type { SessionView } from '../../domain/session-view';
import type { CsvColumn } from '../csv';
import { pdfExportPath } from '../pdf-files';
import type { EntryOfKind } from '../session-history';
import { firstEvent } from '../session-history';
import type { ExportIndex } from '../snapshot-index';
import { localTime, signatureLine } from './formatting';
import { sessionColumns } from './session-rows';
import type { CsvTableDefinition } from './table';
import { patientTable } from './table';
import { fastingLabels } from '../../domain/infusion-session';
import { monitoringInUseText } from '../../domain/session-monitoring';
import { supervisionTimeline } from '../../domain/session-supervision';
import { supervisionText } from '../../domain/supervision-text';

interface Row {
  session: SessionView;
  patient: Patient | undefined;
  planVersion: number | null;
  checklist: EntryOfKind<'checklist'> | undefined;
  discharge: EntryOfKind<'discharge'> | undefined;
  volumeInfusedMl: string | null;
  pdfFiles: string;
  timeZone: string;
}

function rows(index: ExportIndex): Row[] {
  return index.snapshot.sessions.map((session) => {
    const standing = effectiveEntries(session.entries);
    const end = firstEvent(session, 'end') ?? firstEvent(session, 'stop');
    return {
      session,
      patient: index.patient(session.patientId),
      planVersion: index.version(session.planVersionId)?.version.version ?? null,
      checklist: standing.find((entry): entry is EntryOfKind<'checklist'> => entry.kind === 'checklist'),
      discharge: standing.find((entry): entry is EntryOfKind<'discharge'> => entry.kind === 'discharge'),
      volumeInfusedMl: end?.content.volumeInfusedMl ?? null,
      pdfFiles: session.signatures
        .flatMap((signature) => index.sessionPdfsOf(signature.id))
        .map((pdf) => pdfExportPath(pdf.fileName))
        .join('; '),
      timeZone: index.snapshot.clinic.timeZone,
    };
  });
}

/** One row per session; checklist and discharge figures are the standing (corrected) ones. */
const columns: CsvColumn<Row>[] = [
  ...sessionColumns<Row>(),
  { header: 'plan_record_id', value: (row) => row.session.planRecordId },
  { header: 'plan_version_id', value: (row) => row.session.planVersionId },
  { header: 'plan_version', value: (row) => row.planVersion },
  { header: 'series_number', value: (row) => row.session.seriesNumber },
  { header: 'series_total', value: (row) => row.session.seriesTotal },
  { header: 'status', value: (row) => row.session.status },
  { header: 'planned_rate_ml_per_h', value: (row) => row.session.plannedRateMlPerH },
  { header: 'monitoring_interval_min', value: (row) => row.session.monitoringIntervalMin },
  { header: 'created_at_utc', value: (row) => row.session.createdAt },
  { header: 'created_by', value: (row) => row.session.createdByPrintedName },
  { header: 'started_at_utc', value: (row) => row.session.startedAt },
  { header: 'started_at_local', value: (row) => localTime(row.session.startedAt, row.timeZone) },
  { header: 'ended_at_utc', value: (row) => row.session.endedAt },
  { header: 'ended_at_local', value: (row) => localTime(row.session.endedAt, row.timeZone) },
  { header: 'volume_infused_ml', value: (row) => row.volumeInfusedMl },
  { header: 'identity_confirmed', value: (row) => row.checklist?.content.identityConfirmed ?? null },
  { header: 'escort_present', value: (row) => row.checklist?.content.escortPresent ?? null },
  { header: 'escort_name', value: (row) => row.checklist?.content.escortName ?? null },
  {
    header: 'fasting',
    value: (row) => (row.checklist === undefined ? null : fastingLabels[row.checklist.content.fasting]),
  },
  { header: 'fasting_note', value: (row) => row.checklist?.content.fastingNote ?? null },
  { header: 'changes_since_last_visit', value: (row) => row.checklist?.content.changesSinceLastVisit ?? null },
  { header: 'iv_site', value: (row) => row.checklist?.content.ivSite ?? null },
  { header: 'iv_gauge', value: (row) => row.checklist?.content.ivGauge ?? null },
  // Issue 22: who supervised (the start's physician, then each handover, with its time) and the monitoring.
  {
    header: 'supervised_by',
    value: (row) => {
      const periods = supervisionTimeline(row.session.entries);
      if (periods.length === 0) return null;
      return periods
        .map((period) => `${supervisionText(period)} from ${localTime(period.fromAt, row.timeZone)}`)
        .join('; ');
    },
  },
  {
    header: 'monitoring_in_use',
    value: (row) => {
      const monitoring = row.checklist?.content.monitoring;
      return monitoring === undefined ? null : monitoringInUseText(monitoring);
    },
  },
  {
    header: 'required_monitoring_not_in_use_reason',
    value: (row) => row.checklist?.content.monitoringAcknowledgement?.reason ?? null,
  },
  { header: 'discharged_at_utc', value: (row) => row.discharge?.occurredAt ?? null },
  { header: 'discharged_at_local', value: (row) => localTime(row.discharge?.occurredAt ?? null, row.timeZone) },
  {
    header: 'discharge_criteria',
    value: (row) =>
      row.discharge?.content.criteria
        .map((criterion) => `${criterion.label}: ${criterion.met ? 'met' : 'not met'}`)
        .join('; ') ?? null,
  },
  { header: 'discharge_escort_name', value: (row) => row.discharge?.content.escortName ?? null },
  { header: 'discharge_instructions_given', value: (row) => row.discharge?.content.instructionsGiven ?? null },
  { header: 'discharge_notes', value: (row) => row.discharge?.content.notes ?? null },
  {
    // Why the checks ran longer than the monitoring interval, as the nurse explained at discharge.
    header: 'gap_explanations',
    value: (row) =>
      row.discharge?.content.gapExplanations
        ?.map(
          (gap) =>
            `${localTime(gap.fromAt, row.timeZone) ?? gap.fromAt} to ${localTime(gap.untilAt, row.timeZone) ?? gap.untilAt}: ${gap.explanation}`,
        )
        .join('; ') ?? null,
  },
  { header: 'entries', value: (row) => row.session.entries.length },
  {
    header: 'corrected_entries',
    value: (row) => row.session.entries.filter((entry) => entry.correctedByEntryId !== null).length,
  },
  {
    header: 'signatures',
    value: (row) => row.session.signatures.map((signature) => signatureLine(signature, row.timeZone)).join('; '),
  },
  { header: 'signed_pdf', value: (row) => row.pdfFiles },
];

export const sessionsTable: CsvTableDefinition = patientTable('sessions.csv', columns, rows);
