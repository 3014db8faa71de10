import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

/** One column as SQLite reports it; `pk` is the column's position in the primary key (0: not in it). */
export interface ColumnShape {
  name: string;
  type: string;
  notnull: boolean;
  pk: number;
}

/** Table name → its columns in declaration order. */
export type SchemaShape = Record<string, ColumnShape[]>;

/** The committed baseline of every released table and column. */
export const releasedSchemaPath = fileURLToPath(new URL('../db/released-schema.json', import.meta.url));

export function loadReleasedSchema(): SchemaShape {
  return JSON.parse(readFileSync(releasedSchemaPath, 'utf8')) as SchemaShape;
}

/**
 * The tables of a migrated ledger and their columns. SQLite's own tables, drizzle's migration
 * log and the shadow tables behind full-text indexes are left out: they are not ours to keep
 * stable. The full-text (virtual) tables themselves are kept, since queries name them.
 */
export function describeSchema(raw: Database.Database): SchemaShape {
  const tables = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
    sql: string | null;
  }[];
  const virtual = tables.filter((table) => /^CREATE VIRTUAL TABLE/i.test(table.sql ?? '')).map((table) => table.name);
  const shape: SchemaShape = {};
  for (const { name } of tables) {
    if (name.startsWith('sqlite_') || name === '__drizzle_migrations') continue;
    if (virtual.some((table) => name.startsWith(`${table}_`))) continue;
    const columns = raw.prepare(`PRAGMA table_info("${name}")`).all() as {
      name: string;
      type: string;
      notnull: number;
      pk: number;
    }[];
    shape[name] = columns.map((column) => ({
      name: column.name,
      type: column.type,
      notnull: column.notnull === 1,
      pk: column.pk,
    }));
  }
  return shape;
}

/**
 * What `current` removed or changed of `baseline`, one line each. New tables and new columns
 * are not listed: releases may only add.
 */
export function breakingChanges(baseline: SchemaShape, current: SchemaShape): string[] {
  const problems: string[] = [];
  for (const [table, columns] of Object.entries(baseline)) {
    const now = current[table];
    if (now === undefined) {
      problems.push(`table ${table} was removed`);
      continue;
    }
    for (const column of columns) {
      const found = now.find((candidate) => candidate.name === column.name);
      if (found === undefined) {
        problems.push(`column ${table}.${column.name} was removed`);
      } else if (found.type !== column.type || found.notnull !== column.notnull || found.pk !== column.pk) {
        problems.push(
          `column ${table}.${column.name} changed from ${JSON.stringify(column)} to ${JSON.stringify(found)}`,
        );
      }
    }
  }
  return problems;
}
