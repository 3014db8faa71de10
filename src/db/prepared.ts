import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * Drizzle builds and SQLite compiles a query on every call unless it is prepared once.
 * Hot paths (every dispatch reads the user and the clinic) keep theirs here, per connection.
 */
const cache = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(connection: object, key: string, build: () => T): T {
  let statements = cache.get(connection);
  if (statements === undefined) {
    statements = new Map();
    cache.set(connection, statements);
  }
  if (!statements.has(key)) statements.set(key, build());
  return statements.get(key) as T;
}

/**
 * `column IN (…ids)` with the list bound as one JSON array under the placeholder `ids`, so one
 * prepared statement serves any number of ids (an IN list of `?` would be a new statement per length).
 */
export function inIds(column: SQLiteColumn): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`;
}

/** The value bound to `inIds`'s placeholder. */
export function idsParam(ids: readonly number[]): { ids: string } {
  return { ids: JSON.stringify(ids) };
}
