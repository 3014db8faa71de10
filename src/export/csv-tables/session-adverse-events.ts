import type { CsvColumn } from '../csv';
import { csvLines, csvTable } from '../csv';
import type { EntryOfKind } from '../session-history';
import { localTime } from './formatting';
import type { CsvTableDefinition } from './table';
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

export const sessionAdverseEventsTable: CsvTableDefinition = {
  fileName: 'session-adverse-events.csv',
  build: (index) => csvTable(columns, sessionEntryRows(index, isKind('adverse-event'))),
  // A decade's charted entries: written a line at a time, never one string.
  lines: (index) => csvLines(columns, sessionEntryRows(index, isKind('adverse-event'))),
};
