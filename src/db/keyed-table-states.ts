import type Database from 'better-sqlite3';
import type { KeyedTable } from './keyed-table-spec';
import type { KeyedTableName } from './keyed-tables';
import { keyedTables, keyedValuesDigest, sha256HexBytes } from './keyed-tables';
import type { TableStatesVerification } from './table-state-finding';
import { finding, notCoveredReason } from './table-state-finding';

/** What the trail says of one row: its latest digest (null: deleted by the app), if any was recorded. */
interface RecordedRow {
  id: number;
  /** The latest entry naming the row. */
  seq: number;
  /** The entry that recorded the latest digest, or undefined when no entry recorded one. */
  digestSeq: number | undefined;
  digest: string | null | undefined;
  /** signed_documents only: the PDF's SHA-256 as recorded when it was stored, and by which entry. */
  pdfSha256: string | undefined;
  pdfSeq: number | undefined;
}

interface TrailRow {
  seq: number;
  rowId: number | null;
  digestType: string | null;
  digest: unknown;
  pdfSha256: unknown;
}

function jsonPath(key: string): string {
  return `'$.${key}'`;
}

/**
 * Every audit entry of the table's actions that names a row, ordered by row id then entry:
 * SQLite sorts, so both sides stream and are merged without holding either in memory.
 */
function trailEntries(raw: Database.Database, table: KeyedTableName): IterableIterator<TrailRow> {
  const spec: KeyedTable = keyedTables[table];
  const idExpression = spec.idKey === null ? 'entity_id' : `json_extract(details, ${jsonPath(spec.idKey)})`;
  const pdfExpression = table === 'signed_documents' ? `json_extract(details, '$.sha256')` : 'NULL';
  const actions = spec.actions.map(() => '?').join(', ');
  return raw
    .prepare(
      `SELECT seq, CAST(${idExpression} AS INTEGER) AS rowId,
              json_type(details, ${jsonPath(spec.shaKey)}) AS digestType,
              json_extract(details, ${jsonPath(spec.shaKey)}) AS digest, ${pdfExpression} AS pdfSha256
         FROM audit_log
        WHERE action IN (${actions})
        ORDER BY rowId, seq`,
    )
    .iterate(...spec.actions) as IterableIterator<TrailRow>;
}

/** Folds the ordered trail into one RecordedRow per row id. */
function* recordedRows(entries: IterableIterator<TrailRow>): Generator<RecordedRow> {
  let current: RecordedRow | undefined;
  for (const entry of entries) {
    if (entry.rowId === null) continue;
    if (current !== undefined && current.id !== entry.rowId) {
      yield current;
      current = undefined;
    }
    current ??= {
      id: entry.rowId,
      seq: entry.seq,
      digestSeq: undefined,
      digest: undefined,
      pdfSha256: undefined,
      pdfSeq: undefined,
    };
    current.seq = entry.seq;
    if (entry.digestType === 'null') {
      current.digest = null;
      current.digestSeq = entry.seq;
    } else if (entry.digestType !== null && typeof entry.digest === 'string') {
      current.digest = entry.digest;
      current.digestSeq = entry.seq;
    }
    if (typeof entry.pdfSha256 === 'string') {
      current.pdfSha256 = entry.pdfSha256;
      current.pdfSeq = entry.seq;
    }
  }
  if (current !== undefined) yield current;
}

/**
 * When the app first recorded a keyed row digest: a row with no digest written before then
 * is from an older ledger ("not covered"); one written since was added outside the app.
 */
function coverageStart(raw: Database.Database): string | null {
  // Each table's own actions with its own digest key: the users' rowSha256 on a password
  // change, say, was recorded before keyed digests were and must not start their coverage.
  const specs = Object.values(keyedTables) as KeyedTable[];
  const conditions = specs.map(
    (spec) =>
      `(action IN (${spec.actions.map(() => '?').join(', ')}) AND json_type(details, ${jsonPath(spec.shaKey)}) IS NOT NULL)`,
  );
  const row = raw
    .prepare(`SELECT at FROM audit_log WHERE ${conditions.join(' OR ')} ORDER BY seq LIMIT 1`)
    .get(...specs.flatMap((spec) => spec.actions)) as { at: string } | undefined;
  return row?.at ?? null;
}

function rowName(table: KeyedTableName, id: number, row: Record<string, unknown> | undefined): string {
  const spec: KeyedTable = keyedTables[table];
  const label = row === undefined ? null : (spec.label?.(row) ?? null);
  return label === null ? `${table} row ${id}` : `${table} row ${id} (${label})`;
}

interface Merge {
  table: KeyedTableName;
  start: string | null;
  result: TableStatesVerification;
}

function problem(merge: Merge, id: number, row: Record<string, unknown> | undefined, text: string): void {
  merge.result.problems.push(finding(merge.table, id, rowName(merge.table, id, row), text));
}

/** The stored PDF held against its own sha256 column and the SHA-256 recorded when it was stored. */
function checkPdf(merge: Merge, id: number, row: Record<string, unknown>, recorded: RecordedRow | undefined): void {
  const pdf = row.pdf;
  const actual = Buffer.isBuffer(pdf) ? sha256HexBytes(pdf) : '';
  if (actual !== row.sha256) {
    problem(merge, id, row, 'the stored PDF does not match its sha256 column (PDF bytes replaced outside the app)');
  }
  if (recorded?.pdfSha256 !== undefined && actual !== recorded.pdfSha256) {
    problem(
      merge,
      id,
      row,
      `the stored PDF does not match the SHA-256 audit entry ${recorded.pdfSeq ?? recorded.seq} recorded when it was stored (PDF replaced outside the app)`,
    );
  }
}

/** The row by column name, built only where a row is named or its PDF checked. */
function rowObject(table: KeyedTableName, values: readonly unknown[]): Record<string, unknown> {
  const spec: KeyedTable = keyedTables[table];
  return Object.fromEntries(spec.columns.map((column, index) => [column, values[index]]));
}

function checkRow(merge: Merge, id: number, values: readonly unknown[], recorded: RecordedRow | undefined): void {
  const spec: KeyedTable = keyedTables[merge.table];
  const digest = recorded?.digest;
  const isDocument = merge.table === 'signed_documents';
  const seq = recorded?.digestSeq ?? recorded?.seq;
  if (typeof digest === 'string') {
    merge.result.checked += 1;
    const same = keyedValuesDigest(merge.table, values) === digest;
    // The common case, kept free of per-row objects: a million session entries pass here.
    if (same && !isDocument) return;
    const row = rowObject(merge.table, values);
    if (isDocument) checkPdf(merge, id, row, recorded);
    if (!same) problem(merge, id, row, `the row differs from the audit trail, as of audit entry ${String(seq)}`);
    return;
  }
  const row = rowObject(merge.table, values);
  if (isDocument) checkPdf(merge, id, row, recorded);
  if (digest === null) {
    problem(merge, id, row, `audit entry ${String(seq)} records it deleted (put back outside the app)`);
    return;
  }
  const time = row[spec.timeColumn];
  const old = merge.start === null || (typeof time === 'string' && time < merge.start);
  // Named only by entries written before digests were recorded, or older than the first digest.
  if (recorded !== undefined || old) {
    merge.result.notCovered.push(finding(merge.table, id, rowName(merge.table, id, row), notCoveredReason));
  } else {
    problem(merge, id, row, 'no audit entry records this row (added outside the app)');
  }
}

function checkMissing(merge: Merge, recorded: RecordedRow): void {
  // Deleted by the app (a discarded draft), or never recorded with a digest: nothing to hold.
  if (recorded.digest === null || recorded.digest === undefined) return;
  problem(
    merge,
    recorded.id,
    undefined,
    `deleted outside the app (audit entry ${recorded.digestSeq ?? recorded.seq} records it)`,
  );
}

/** Merges the table (ordered by id) with its trail (ordered by row id): linear, constant memory. */
function verifyKeyedTable(raw: Database.Database, table: KeyedTableName, merge: Merge): void {
  const spec: KeyedTable = keyedTables[table];
  const idIndex = spec.columns.indexOf(spec.idColumn);
  const rows = raw
    .prepare(`SELECT ${spec.columns.map((column) => `"${column}"`).join(', ')} FROM ${table} ORDER BY ${spec.idColumn}`)
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;
  const trail = recordedRows(trailEntries(raw, table));
  let row = rows.next();
  let recorded = trail.next();
  while (!row.done || !recorded.done) {
    const rowId = row.done ? Number.POSITIVE_INFINITY : Number(row.value[idIndex]);
    const recordedId = recorded.done ? Number.POSITIVE_INFINITY : recorded.value.id;
    if (!recorded.done && recordedId < rowId) {
      checkMissing(merge, recorded.value);
      recorded = trail.next();
    } else if (!row.done && rowId < recordedId) {
      checkRow(merge, rowId, row.value, undefined);
      row = rows.next();
    } else if (!row.done && !recorded.done) {
      checkRow(merge, rowId, row.value, recorded.value);
      row = rows.next();
      recorded = trail.next();
    }
  }
}

/**
 * `verifyKeyedTables` one table at a time, for callers that report progress (or yield) between
 * tables: the same checks in the same order.
 */
export function keyedTableParts(
  raw: Database.Database,
): { table: KeyedTableName; run: (result: TableStatesVerification) => void }[] {
  const start = coverageStart(raw);
  return (Object.keys(keyedTables) as KeyedTableName[]).map((table) => ({
    table,
    run: (result: TableStatesVerification) => verifyKeyedTable(raw, table, { table, start, result }),
  }));
}

/** Holds every keyed table (see keyed-tables.ts) against the digests its audit entries recorded. */
export function verifyKeyedTables(raw: Database.Database, result: TableStatesVerification): void {
  const start = coverageStart(raw);
  for (const table of Object.keys(keyedTables) as KeyedTableName[]) {
    verifyKeyedTable(raw, table, { table, start, result });
  }
}
