import { administrationEventLabels } from '../../domain/infusion-session';
import { toDecimal } from '../../domain/quantity';
import type { CsvColumn } from '../csv';
import type { EventEntry } from '../session-history';
import type { CsvTableDefinition } from './table';
import { patientTable } from './table';
import type { SessionEntryRow } from './session-rows';
import { entryColumns, isKind, sessionColumns, sessionEntryRows } from './session-rows';

type Row = SessionEntryRow<EventEntry>;

const columns: CsvColumn<Row>[] = [
  ...sessionColumns<Row>(),
  ...entryColumns<EventEntry>(),
  { header: 'event', value: (row) => administrationEventLabels[row.entry.content.type] },
  { header: 'rate_ml_per_h', value: (row) => row.entry.content.rateMlPerH },
  { header: 'planned_rate_ml_per_h', value: (row) => row.session.plannedRateMlPerH },
  {
    header: 'differs_from_plan',
    value: (row) => {
      const rate = row.entry.content.rateMlPerH;
      const planned = row.session.plannedRateMlPerH;
      return rate === null || planned === null ? null : !toDecimal(rate).equals(planned);
    },
  },
  { header: 'reason', value: (row) => row.entry.content.reason },
  { header: 'lot_number', value: (row) => row.entry.content.lotNumber },
  { header: 'lot_expiry', value: (row) => row.entry.content.lotExpiry },
  { header: 'volume_infused_ml', value: (row) => row.entry.content.volumeInfusedMl },
  { header: 'waste_mg', value: (row) => row.entry.content.wasteMg },
];

/** The administration record: start, rate changes, pauses, resumes, stop, end. */
export const sessionEventsTable: CsvTableDefinition = patientTable('session-events.csv', columns, (part) =>
  sessionEntryRows(part, isKind('event')),
);
