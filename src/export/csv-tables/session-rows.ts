import type { Patient } from '../../domain/patient';
import { formatPatientName } from '../../domain/patient';
import type { TimingAcknowledgement } from '../../domain/session-timing';
import type { SessionEntryView, SessionView } from '../../domain/session-view';
import type { CsvColumn } from '../csv';
import type { ExportIndex } from '../snapshot-index';
import { localTime } from './formatting';

/** One charted entry of one session, with what every entry table shows about it. */
export interface SessionEntryRow<Entry extends SessionEntryView = SessionEntryView> {
  session: SessionView;
  entry: Entry;
  patient: Patient | undefined;
  timeZone: string;
}

/**
 * Every entry of the kinds asked for, superseded ones included, so the sheet shows the whole
 * history; `entry_status` says which stand and which a later entry corrected (FHIR, by
 * contrast, states only the standing ones as facts).
 */
export function sessionEntryRows<Entry extends SessionEntryView>(
  index: ExportIndex,
  isKind: (entry: SessionEntryView) => entry is Entry,
): SessionEntryRow<Entry>[] {
  return index.snapshot.sessions.flatMap((session) =>
    session.entries.filter(isKind).map((entry) => ({
      session,
      entry,
      patient: index.patient(session.patientId),
      timeZone: index.snapshot.clinic.timeZone,
    })),
  );
}

/** Columns that open every session table: which session, which patient. */
export function sessionColumns<Row extends { session: SessionView; patient: Patient | undefined }>(): CsvColumn<Row>[] {
  return [
    { header: 'session_id', value: (row) => row.session.id },
    { header: 'patient_id', value: (row) => row.session.patientId },
    { header: 'mrn', value: (row) => row.patient?.mrn ?? null },
    { header: 'patient_name', value: (row) => (row.patient === undefined ? null : formatPatientName(row.patient)) },
    { header: 'date_of_birth', value: (row) => row.patient?.dateOfBirth ?? null },
  ];
}

/** Who charted an entry and when, and how it stands in its correction chain. */
export function entryColumns<Entry extends SessionEntryView>(): CsvColumn<SessionEntryRow<Entry>>[] {
  return [
    { header: 'entry_id', value: (row) => row.entry.id },
    { header: 'kind', value: (row) => row.entry.kind },
    {
      header: 'entry_status',
      value: (row) =>
        row.entry.correctedByEntryId === null ? 'Current' : `Corrected by entry ${row.entry.correctedByEntryId}`,
    },
    { header: 'occurred_at_utc', value: (row) => row.entry.occurredAt },
    { header: 'occurred_at_local', value: (row) => localTime(row.entry.occurredAt, row.timeZone) },
    { header: 'recorded_at_utc', value: (row) => row.entry.recordedAt },
    { header: 'recorded_at_local', value: (row) => localTime(row.entry.recordedAt, row.timeZone) },
    { header: 'user_id', value: (row) => row.entry.userId },
    { header: 'charted_by', value: (row) => row.entry.printedName },
    { header: 'corrects_entry_id', value: (row) => row.entry.correctsEntryId },
    { header: 'correction_reason', value: (row) => row.entry.correctionReason },
    { header: 'corrected_by_entry_id', value: (row) => row.entry.correctedByEntryId },
    { header: 'witness', value: (row) => row.entry.witnessPrintedName },
    // A time the signed plan does not allow, charted with the reason the nurse gave.
    {
      header: 'timing_findings',
      value: (row) =>
        timingOf(row.entry)
          ?.findings.map((f) => f.message)
          .join(' | ') ?? null,
    },
    { header: 'timing_reason', value: (row) => timingOf(row.entry)?.reason ?? null },
  ];
}

function timingOf(entry: SessionEntryView): TimingAcknowledgement | undefined {
  return 'timing' in entry.content ? entry.content.timing : undefined;
}

export const isKind =
  <Kind extends SessionEntryView['kind']>(kind: Kind) =>
  (entry: SessionEntryView): entry is Extract<SessionEntryView, { kind: Kind }> =>
    entry.kind === kind;
