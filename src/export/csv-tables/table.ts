import type { CsvColumn } from '../csv';
import { csvLines } from '../csv';
import type { ExportIndex } from '../snapshot-index';

/** One CSV file of the export, made from the indexed snapshot a line at a time. */
export interface CsvTableDefinition {
  /** File name under csv/, e.g. "plans.csv". */
  fileName: string;
  lines(index: ExportIndex): Iterable<string>;
}

/** A table of the clinic's own rows (users, the register, the audit trail). */
export function clinicTable<Row>(
  fileName: string,
  columns: (index: ExportIndex) => readonly CsvColumn<Row>[],
  rows: (index: ExportIndex) => Iterable<Row>,
): CsvTableDefinition {
  return { fileName, lines: (index) => csvLines(columns(index), rows(index)) };
}

/**
 * A table of patients' rows, made from one patient's part of the snapshot at a time (patients
 * in id order, each patient's rows in the table's own order), so a decade's rows are never
 * held together: the same order as the FHIR files.
 */
export function patientTable<Row>(
  fileName: string,
  columns: readonly CsvColumn<Row>[],
  rows: (part: ExportIndex) => Iterable<Row>,
): CsvTableDefinition {
  return { fileName, lines: (index) => csvLines(columns, rowsByPatient(index, rows)) };
}

function* rowsByPatient<Row>(index: ExportIndex, rows: (part: ExportIndex) => Iterable<Row>): Generator<Row> {
  for (const part of index.patientParts()) yield* rows(part);
}
