import type { AuditEntry } from '../../domain/audit';
import { canonicalJson } from '../../domain/canonical-json';
import type { CsvColumn } from '../csv';
import type { ExportIndex } from '../snapshot-index';
import { localTime } from './formatting';
import type { CsvTableDefinition } from './table';
import { clinicTable } from './table';

function columns(index: ExportIndex): CsvColumn<AuditEntry>[] {
  const zone = index.snapshot.clinic.timeZone;
  return [
    { header: 'seq', value: (entry) => entry.seq },
    { header: 'at_utc', value: (entry) => entry.at },
    { header: 'at_local', value: (entry) => localTime(entry.at, zone) },
    { header: 'actor_user_id', value: (entry) => entry.actorUserId },
    { header: 'actor', value: (entry) => (entry.actorUserId === null ? null : index.printedName(entry.actorUserId)) },
    { header: 'action', value: (entry) => entry.action },
    { header: 'entity_type', value: (entry) => entry.entityType },
    { header: 'entity_id', value: (entry) => entry.entityId },
    // Canonical JSON, the exact text the chain hash covers.
    { header: 'details', value: (entry) => canonicalJson(entry.details) },
    { header: 'prev_hash', value: (entry) => entry.prevHash },
    { header: 'hash', value: (entry) => entry.hash },
  ];
}

// Read from the ledger page by page while written: a decade's trail is millions of rows.
export const auditLogTable: CsvTableDefinition = clinicTable(
  'audit-log.csv',
  columns,
  (index) => index.snapshot.auditEntries,
);
