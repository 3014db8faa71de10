import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { auditHead } from '../../src/services/ledger';

/**
 * Every table a call could write to: all tables but SQLite's own, drizzle's migration log and
 * full-text indexes (virtual tables and their shadow tables), which mirror `patients`.
 * Listed from the file so that tables added by later migrations are watched too.
 */
function recordTables(raw: Database.Database): string[] {
  const tables = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
    sql: string | null;
  }[];
  const virtual = tables.filter((table) => /^CREATE VIRTUAL TABLE/i.test(table.sql ?? '')).map((table) => table.name);
  return tables
    .map((table) => table.name)
    .filter(
      (name) =>
        !name.startsWith('sqlite_') &&
        name !== '__drizzle_migrations' &&
        !virtual.some((table) => name === table || name.startsWith(`${table}_`)),
    );
}

export interface LedgerState {
  head: { seq: number; hash: string };
  counts: Record<string, number>;
  /** Every row of every record table, serialised: any change at all shows up here. */
  rows: string;
}

export function ledgerState(raw: Database.Database): LedgerState {
  const counts: Record<string, number> = {};
  const rows: Record<string, string[]> = {};
  for (const table of recordTables(raw)) {
    // Sorted as text rather than by rowid, which a WITHOUT ROWID table would not have.
    rows[table] = raw
      .prepare(`SELECT * FROM "${table}"`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
    counts[table] = rows[table].length;
  }
  return { head: auditHead(raw), counts, rows: JSON.stringify(rows) };
}

/** Fails the test unless the ledger is exactly as it was in `before`: same head, counts and rows. */
export function expectUnchanged(raw: Database.Database, before: LedgerState): void {
  const after = ledgerState(raw);
  expect(after.head).toEqual(before.head);
  expect(after.counts).toEqual(before.counts);
  // Compared as a boolean so a failure does not print every row of the ledger.
  expect(after.rows === before.rows, 'rows of the record tables changed').toBe(true);
}

export interface AuditRowSummary {
  seq: number;
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

/** Audit entries appended after `afterSeq`, oldest first. */
export function auditSince(raw: Database.Database, afterSeq: number): AuditRowSummary[] {
  const rows = raw
    .prepare(
      `SELECT seq, actor_user_id AS actorUserId, action, entity_type AS entityType, entity_id AS entityId, details
         FROM audit_log WHERE seq > ? ORDER BY seq`,
    )
    .all(afterSeq) as (Omit<AuditRowSummary, 'details'> & { details: string })[];
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}
