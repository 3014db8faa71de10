import type { CsvColumn } from '../csv';
import type { EntryOfKind } from '../session-history';
import { localTime } from './formatting';
import type { CsvTableDefinition } from './table';
import { patientTable } from './table';
import type { SessionEntryRow } from './session-rows';
import { entryColumns, isKind, sessionColumns, sessionEntryRows } from './session-rows';

type Entry = EntryOfKind<'adverse-event'>;
type Row = SessionEntryRow<Entry>;

const columns: CsvColumn<Row>[] = [
  ...sessionColumns<Row>(),
  ...entryColumns<Entry>(),
  { header: 'event_type', value: (row) => row.entry.content.type },
  { header: 'onset_at_utc', value: (row) => row.entry.content.onsetAt },
  { header: 'onset_at_local', value: (row) => localTime(row.entry.content.onsetAt, row.timeZone) },
  { header: 'severity', value: (row) => row.entry.content.severity },
  { header: 'action_taken', value: (row) => row.entry.content.action },
  { header: 'rescue_medication', value: (row) => row.entry.content.rescueMedication },
  { header: 'outcome', value: (row) => row.entry.content.outcome },
  { header: 'physician_notified', value: (row) => row.entry.content.physicianNotified?.name ?? null },
  { header: 'physician_notified_at_utc', value: (row) => row.entry.content.physicianNotified?.at ?? null },
  {
    header: 'physician_notified_at_local',
    value: (row) => localTime(row.entry.content.physicianNotified?.at ?? null, row.timeZone),
  },
];

export const sessionAdverseEventsTable: CsvTableDefinition = patientTable(
  'session-adverse-events.csv',
  columns,
  (part) => sessionEntryRows(part, isKind('adverse-event')),
);
