import type Database from 'better-sqlite3';
import type { CoveredTable, StoredRow } from './row-state';
import { coveredTables, digestColumns, rowDigest, toStoredRow } from './row-state';
import { keyedTableParts } from './keyed-table-states';
import type { TableStatesVerification } from './table-state-finding';
import { finding, notCoveredReason } from './table-state-finding';

export type { TableStateFinding, TableStatesVerification } from './table-state-finding';

interface Recorded {
  seq: number;
  sha256: string;
  state: StoredRow | null;
}

function parseState(text: string | null): StoredRow | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as StoredRow) : null;
  } catch {
    return null;
  }
}

/** For each row of the table's entity type: the latest recorded digest, and every id named at all. */
function auditedRows(raw: Database.Database, entityType: string) {
  const latest = new Map<number, Recorded>();
  const rows = raw
    .prepare(
      `SELECT seq, entity_id AS entityId, json_extract(details, '$.rowSha256') AS sha256,
              json_extract(details, '$.rowState') AS state
         FROM audit_log
        WHERE entity_type = ? AND entity_id IS NOT NULL AND json_extract(details, '$.rowSha256') IS NOT NULL
        ORDER BY seq`,
    )
    .iterate(entityType) as IterableIterator<{ seq: number; entityId: string; sha256: unknown; state: string | null }>;
  for (const row of rows) {
    if (typeof row.sha256 !== 'string') continue;
    latest.set(Number(row.entityId), { seq: row.seq, sha256: row.sha256, state: parseState(row.state) });
  }
  const named = new Set(
    (
      raw
        .prepare('SELECT DISTINCT entity_id AS entityId FROM audit_log WHERE entity_type = ? AND entity_id IS NOT NULL')
        .all(entityType) as { entityId: string }[]
    ).map((row) => Number(row.entityId)),
  );
  return { latest, named };
}

function shown(value: unknown): string {
  const text =
    value === null || value === undefined ? 'empty' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function columnName(column: string): string {
  return column.replaceAll('_', ' ');
}

/** What differs between the recorded state and the row: field by field where the state was recorded. */
function differences(table: CoveredTable, row: StoredRow, state: StoredRow | null): string {
  if (state === null) return 'the row differs from the audit trail';
  const changed = Object.keys(state).filter(
    (column) => JSON.stringify(state[column] ?? null) !== JSON.stringify(row[column] ?? null),
  );
  // The state leaves secrets out: if every field shown matches, a secret column changed.
  if (changed.length === 0) {
    const secrets = coveredTables[table].secretColumns.map(columnName);
    return `${secrets.join(', ')} ${secrets.length === 1 ? 'differs' : 'differ'} from the audit trail`;
  }
  const values = changed.map((column) => `${shown(state[column])} → ${shown(row[column])}`);
  if (changed.length === 1) return `${columnName(changed[0] ?? '')} differs from the audit trail (${values[0]})`;
  const each = changed.map((column, index) => `${columnName(column)} ${values[index]}`);
  return `${changed.map(columnName).join(', ')} differ from the audit trail (${each.join('; ')})`;
}

function rowName(table: CoveredTable, id: number, row: StoredRow | null | undefined): string {
  const label = row?.[coveredTables[table].label];
  return typeof label === 'string' ? `${table} row ${id} (${label})` : `${table} row ${id}`;
}

function verifyTable(raw: Database.Database, table: CoveredTable, result: TableStatesVerification): void {
  const { latest, named } = auditedRows(raw, coveredTables[table].entityType);
  const seen = new Set<number>();
  const rows = raw.prepare(`SELECT * FROM ${table} ORDER BY id`).iterate() as IterableIterator<Record<string, unknown>>;
  for (const stored of rows) {
    const row = toStoredRow(stored);
    const id = Number(row.id);
    seen.add(id);
    const recorded = latest.get(id);
    if (recorded === undefined) {
      const name = rowName(table, id, row);
      if (named.has(id)) result.notCovered.push(finding(table, id, name, notCoveredReason));
      else result.problems.push(finding(table, id, name, 'no audit entry records this row (added outside the app)'));
      continue;
    }
    result.checked += 1;
    const columns = recorded.state === null ? Object.keys(row) : digestColumns(table, recorded.state);
    if (rowDigest(row, columns) === recorded.sha256) continue;
    const problem = `${differences(table, row, recorded.state)}, as of audit entry ${recorded.seq}`;
    result.problems.push(finding(table, id, rowName(table, id, row), problem));
  }
  for (const [id, recorded] of latest) {
    if (seen.has(id)) continue;
    const problem = `deleted outside the app (audit entry ${recorded.seq} records it)`;
    result.problems.push(finding(table, id, rowName(table, id, recorded.state), problem));
  }
}

/** One part of the table-state check: one table. */
export interface TableStatePart {
  /** The table it checks, in words ("users", "session events"). */
  name: string;
  run(result: TableStatesVerification): void;
}

/** The parts of `verifyTableStates`, in its order, for callers that report progress between them. */
export function tableStateParts(raw: Database.Database): TableStatePart[] {
  return [
    ...(Object.keys(coveredTables) as CoveredTable[]).map((table) => ({
      name: table.replaceAll('_', ' '),
      run: (result: TableStatesVerification) => verifyTable(raw, table, result),
    })),
    ...keyedTableParts(raw).map(({ table, run }) => ({ name: table.replaceAll('_', ' '), run })),
  ];
}

/**
 * Holds every current row of every audited table against the latest digest its audit entries
 * recorded, so that an edit, insertion or deletion made with another tool is reported with its
 * table, row and (where the trail holds the row's state) field. Read-only; one pass over the
 * audit log per table. The users, patients and clinic rows come first, then the keyed tables
 * (records, sessions, signatures, documents, certificates, formulary and configuration).
 * `onPart` is told before each part (its index, the number of parts and its name).
 */
export function verifyTableStates(
  raw: Database.Database,
  onPart?: (index: number, parts: number, name: string) => void,
): TableStatesVerification {
  const result: TableStatesVerification = { checked: 0, problems: [], notCovered: [] };
  const parts = tableStateParts(raw);
  parts.forEach((part, index) => {
    onPart?.(index, parts.length, part.name);
    part.run(result);
  });
  return result;
}
