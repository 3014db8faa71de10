import type { ExportIndex } from '../snapshot-index';

/** One CSV file of the export, made from the indexed snapshot. */
export interface CsvTableDefinition {
  /** File name under csv/, e.g. "plans.csv". */
  fileName: string;
  build(index: ExportIndex): Uint8Array;
  /**
   * The same text a line at a time, for a table too big to hold as one string: when present,
   * the writer uses it instead of `build`.
   */
  lines?: (index: ExportIndex) => Iterable<string>;
}
