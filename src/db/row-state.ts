import type Database from 'better-sqlite3';
import type { JsonValue } from '../domain/canonical-json';
import { canonicalJson } from '../domain/canonical-json';
import { sha256Hex } from './hash';

/**
 * The tables whose every row is held against its audit trail with its state (the others are
 * held by digest only, see keyed-tables.ts): each audited create or update
 * of a row records `rowSha256` (SHA-256 of the canonical JSON of the row as written) and
 * `rowState` (the same row without its secrets), so `audit verify` can name the field that
 * was changed outside the app.
 */
export const coveredTables = {
  users: {
    entityType: 'user',
    label: 'username',
    // Only its digest reaches the audit trail (inside rowSha256), never the hash itself.
    secretColumns: ['password_hash'],
    derivedColumns: [],
  },
  patients: {
    entityType: 'patient',
    label: 'mrn',
    secretColumns: [],
    // Search keys are recomputed from the names when the folding rules change (see
    // patient-search-keys.ts), without an audit entry: they are not part of the record.
    derivedColumns: ['search_text', 'family_key'],
  },
  clinic: { entityType: 'clinic', label: 'name', secretColumns: [], derivedColumns: [] },
  backup_settings: {
    entityType: 'backup-settings',
    label: 'destination',
    // Encrypted under the backup passphrase, but still the backups' key: only its digest is audited.
    secretColumns: ['wrapped_identity'],
    derivedColumns: [],
  },
  devices: {
    entityType: 'device',
    label: 'name',
    // The device's token is its credential: only the digest of its SHA-256 reaches the trail.
    secretColumns: ['token_sha256'],
    derivedColumns: [],
  },
} as const satisfies Record<
  string,
  { entityType: string; label: string; secretColumns: readonly string[]; derivedColumns: readonly string[] }
>;

export type CoveredTable = keyof typeof coveredTables;

/** Each table's secret and derived columns, left out of the state an audit entry shows. */
const hiddenColumns = new Map<CoveredTable, ReadonlySet<string>>(
  (Object.keys(coveredTables) as CoveredTable[]).map((table) => {
    const { secretColumns, derivedColumns } = coveredTables[table];
    return [table, new Set<string>([...secretColumns, ...derivedColumns])];
  }),
);

export type StoredRow = Record<string, JsonValue>;

/** What each audited write of a covered row adds to its audit entry's details. */
export interface RowAuditFields {
  [key: string]: JsonValue;
  rowSha256: string;
  rowState: StoredRow;
}

function storedValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  // SQLite hands back nothing else; a value that cannot be hashed exactly is refused.
  throw new TypeError(`a stored row held a ${typeof value}`);
}

/**
 * One prepared `SELECT *` per connection and table: every audited write of a covered row reads
 * it back, and preparing the statement cost more than running it. SQLite recompiles a prepared
 * statement after a schema change, so `*` still means every column after a migration (see
 * tests/db/row-state-cache.test.ts); a reopened ledger is a new connection with its own.
 */
const rowStatements = new WeakMap<Database.Database, Map<CoveredTable, Database.Statement<[number]>>>();

function rowStatement(raw: Database.Database, table: CoveredTable): Database.Statement<[number]> {
  let statements = rowStatements.get(raw);
  if (statements === undefined) {
    statements = new Map();
    rowStatements.set(raw, statements);
  }
  let statement = statements.get(table);
  if (statement === undefined) {
    statement = raw.prepare<[number]>(`SELECT * FROM ${table} WHERE id = ?`);
    statements.set(table, statement);
  }
  return statement;
}

/** Reads one row with its columns as stored (snake_case names, SQLite values). */
export function readStoredRow(raw: Database.Database, table: CoveredTable, id: number): StoredRow | undefined {
  const row = rowStatement(raw, table).get(id) as Record<string, unknown> | undefined;
  return row === undefined ? undefined : toStoredRow(row);
}

export function toStoredRow(row: Record<string, unknown>): StoredRow {
  return Object.fromEntries(Object.entries(row).map(([column, value]) => [column, storedValue(value)]));
}

/** The row without its derived and secret columns: what the audit entry shows. */
export function rowStateOf(table: CoveredTable, row: StoredRow): StoredRow {
  const hidden = hiddenColumns.get(table);
  return Object.fromEntries(Object.entries(row).filter(([column]) => hidden?.has(column) !== true));
}

/**
 * SHA-256 of the canonical JSON of `columns` of the row (missing ones as null). Taken over
 * the columns recorded, so that a column a later migration adds does not count as a change.
 */
export function rowDigest(row: StoredRow, columns: readonly string[]): string {
  return sha256Hex(canonicalJson(Object.fromEntries(columns.map((column) => [column, row[column] ?? null]))));
}

/** The columns a row digest covers, given the recorded state (or the row itself when written). */
export function digestColumns(table: CoveredTable, state: StoredRow): string[] {
  return [...Object.keys(state), ...coveredTables[table].secretColumns];
}

/**
 * Digest and state of a covered row as it is now. Call it inside the transaction that wrote
 * the row, right after the write, and put the result in that write's audit entry.
 */
export function rowAuditFields(raw: Database.Database, table: CoveredTable, id: number): RowAuditFields {
  const row = readStoredRow(raw, table, id);
  if (row === undefined) throw new Error(`${table} row ${id} vanished inside its own transaction`);
  const rowState = rowStateOf(table, row);
  return { rowSha256: rowDigest(row, digestColumns(table, rowState)), rowState };
}
