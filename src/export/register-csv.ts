import { exportDateTime } from './local-time';
import type { CsvColumn } from './csv';
import { csvTable } from './csv';
import type { CsvTableDefinition } from './csv-tables/table';
import { clinicTable } from './csv-tables/table';
import type { ExportIndex } from './snapshot-index';
import type {
  RegisterContainerRecord,
  RegisterEntryRecord,
  RegisterInventoryRecord,
  RegisterReceiptRecord,
  RegisterSnapshot,
} from './register-snapshot';
import { emptyRegisterSnapshot } from './register-snapshot';

/**
 * The register as spreadsheets: one row per entry (the register report's CSV and the export's
 * register-entries.csv are the same table), and the export's receipts, containers and
 * inventories. Figures are the exact decimal text stored; times in UTC and in clinic time.
 */

const local = (instant: string, timeZone: string) => exportDateTime(instant, timeZone);

function entryColumns(timeZone: string): CsvColumn<RegisterEntryRecord>[] {
  return [
    { header: 'entry_id', value: (row) => row.id },
    { header: 'container', value: (row) => row.containerLabel },
    { header: 'container_id', value: (row) => row.containerId },
    { header: 'drug_id', value: (row) => row.drugId },
    { header: 'drug', value: (row) => row.drugName },
    { header: 'concentration_mg_per_ml', value: (row) => row.concentrationMgPerMl },
    { header: 'lot', value: (row) => row.lotNumber },
    { header: 'expiry', value: (row) => row.lotExpiry },
    { header: 'kind', value: (row) => row.kind },
    { header: 'occurred_at_utc', value: (row) => row.occurredAt },
    { header: 'occurred_at_clinic_time', value: (row) => local(row.occurredAt, timeZone) },
    { header: 'quantity_ml', value: (row) => row.deltaMl },
    { header: 'quantity_mg', value: (row) => row.deltaMg },
    { header: 'balance_ml', value: (row) => row.balanceMl },
    { header: 'balance_mg', value: (row) => row.balanceMg },
    { header: 'user', value: (row) => row.printedName },
    { header: 'witness', value: (row) => row.witnessPrintedName },
    { header: 'session_id', value: (row) => row.sessionId },
    { header: 'patient_mrn', value: (row) => row.patientMrn },
    { header: 'inventory_id', value: (row) => row.inventoryId },
    { header: 'reason', value: (row) => row.reason },
    { header: 'refers_to_entry_id', value: (row) => row.refersToEntryId },
    { header: 'details_json', value: (row) => row.details },
    { header: 'recorded_at_utc', value: (row) => row.recordedAt },
  ];
}

/** One row per register entry, in the order given. */
export function registerEntriesCsv(entries: readonly RegisterEntryRecord[], timeZone: string): Uint8Array {
  return csvTable(entryColumns(timeZone), entries);
}

const receiptColumns: CsvColumn<RegisterReceiptRecord>[] = [
  { header: 'receipt_id', value: (row) => row.id },
  { header: 'drug_id', value: (row) => row.drugId },
  { header: 'drug', value: (row) => row.drugName },
  { header: 'concentration_mg_per_ml', value: (row) => row.concentrationMgPerMl },
  { header: 'container_volume_ml', value: (row) => row.containerVolumeMl },
  { header: 'container_count', value: (row) => row.containerCount },
  { header: 'lot', value: (row) => row.lotNumber },
  { header: 'expiry', value: (row) => row.lotExpiry },
  { header: 'supplier', value: (row) => row.supplierName },
  { header: 'supplier_address', value: (row) => row.supplierAddress },
  { header: 'supplier_registration', value: (row) => row.supplierRegistration },
  { header: 'invoice', value: (row) => row.invoiceNumber },
  { header: 'received_on', value: (row) => row.receivedOn },
  { header: 'received_by', value: (row) => row.receivedByName },
  { header: 'checked_by', value: (row) => row.checkedByName },
  { header: 'recorded_at_utc', value: (row) => row.recordedAt },
];

const containerColumns: CsvColumn<RegisterContainerRecord>[] = [
  { header: 'container_id', value: (row) => row.id },
  { header: 'container', value: (row) => row.label },
  { header: 'receipt_id', value: (row) => row.receiptId },
  { header: 'drug_id', value: (row) => row.drugId },
  { header: 'drug', value: (row) => row.drugName },
  { header: 'rxnorm_code', value: (row) => row.rxNormCode },
  { header: 'concentration_mg_per_ml', value: (row) => row.concentrationMgPerMl },
  { header: 'volume_ml', value: (row) => row.volumeMl },
  { header: 'lot', value: (row) => row.lotNumber },
  { header: 'expiry', value: (row) => row.lotExpiry },
  { header: 'created_at_utc', value: (row) => row.createdAt },
];

function inventoryColumns(timeZone: string): CsvColumn<RegisterInventoryRecord>[] {
  return [
    { header: 'inventory_id', value: (row) => row.id },
    { header: 'kind', value: (row) => row.kind },
    { header: 'counted_at_utc', value: (row) => row.countedAt },
    { header: 'counted_at_clinic_time', value: (row) => local(row.countedAt, timeZone) },
    { header: 'counted_by', value: (row) => row.printedName },
    { header: 'second_counter', value: (row) => row.secondCounterName },
    { header: 'notes', value: (row) => row.notes },
    { header: 'recorded_at_utc', value: (row) => row.recordedAt },
  ];
}

/** The whole register in the export (not limited to the export's dates, like the other tables' ledgers). */
export const registerCsvTables: readonly CsvTableDefinition[] = [
  clinicTable(
    'register-receipts.csv',
    () => receiptColumns,
    (index) => registerOf(index).receipts,
  ),
  clinicTable(
    'register-containers.csv',
    () => containerColumns,
    (index) => registerOf(index).containers,
  ),
  clinicTable(
    'register-entries.csv',
    (index) => entryColumns(index.snapshot.clinic.timeZone),
    (index) => registerOf(index).entries,
  ),
  clinicTable(
    'register-inventories.csv',
    (index) => inventoryColumns(index.snapshot.clinic.timeZone),
    (index) => registerOf(index).inventories,
  ),
];

function registerOf(index: ExportIndex): RegisterSnapshot {
  return index.snapshot.register ?? emptyRegisterSnapshot;
}
