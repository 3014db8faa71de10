/** The shape of a keyed table's specification (see keyed-tables.ts), and label helpers. */
/**
 * Tables held against their audit trail by digest only: the audit entry that writes a row
 * records the row's id (under `idKey`, or as the entry's entity id) and `shaKey`, the SHA-256
 * of the row's `columns` as written, but no copy of the row. Most are append-only and large
 * (about a million session entries in a decade), so the trail stays small and verification
 * streams the table and the trail side by side, ordered by id.
 *
 * A digest recorded as JSON null means the app itself deleted the row (a discarded draft).
 */
export interface KeyedTable {
  /** The primary key column (an integer). */
  idColumn: string;
  /** Every audit action that writes (or deletes) a row of the table. */
  actions: readonly string[];
  /** Details key holding the row id; null: the entry's entity id is the row id. */
  idKey: string | null;
  /** Details key holding the row's digest. */
  shaKey: string;
  /**
   * The columns the digest covers, fixed here so that a column a later migration adds does
   * not read as a change; a BLOB column is covered by its SHA-256.
   */
  columns: readonly string[];
  /** When the row was last written: a row with no digest written before any was recorded is "not covered". */
  timeColumn: string;
  /** What names the row to a reader besides its id, e.g. "session 4". */
  label?: (row: Record<string, unknown>) => string | null;
}

export function shownId(value: unknown): string | null {
  return typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string' ? String(value) : null;
}

export const named = (prefix: string, column: string) => (row: Record<string, unknown>) => {
  const id = shownId(row[column]);
  return id === null ? null : `${prefix} ${id}`;
};
