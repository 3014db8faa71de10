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
