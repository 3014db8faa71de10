import type { ExportIndex } from '../snapshot-index';

/** One CSV file of the export, made from the indexed snapshot. */
export interface CsvTableDefinition {
  /** File name under csv/, e.g. "plans.csv". */
  fileName: string;
  build(index: ExportIndex): Uint8Array;
}
