/**
 * Parsed JSON of frozen rows (signed record versions, session entries), kept per connection so a
 * hot read (every chairside view, every charted check) does not parse the same text again.
 *
 * A value is served only for the very text it was parsed from: the key is the row's id, and the
 * stored text must equal the row's text as read now, in this transaction. A row whose id was
 * reused after a rollback, or a draft that changed, has another text and is parsed afresh, so
 * nothing stale can be served. Values are deep-frozen because every reader shares them: a
 * caller that mutated one would otherwise change what the next request sees.
 */
interface Parsed {
  text: string;
  value: unknown;
}

/** Enough for every open session and signed plan of a busy clinic; the oldest go first. */
export const storedJsonCapacity = 20_000;

const caches = new WeakMap<object, Map<string, Map<number, Parsed>>>();

/** Connections that read each row once (an export): a cache there would only hold memory. */
const uncached = new WeakSet<object>();

/**
 * Parses afresh on every read through this connection. An export reads a decade's rows through
 * its own connection, most of them once per file: kept, their texts and values (record contents
 * are kilobytes each) were hundreds of megabytes held until the export ended.
 */
export function withoutStoredJsonCache(connection: object): void {
  uncached.add(connection);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function cacheOf(connection: object, kind: string): Map<number, Parsed> {
  let kinds = caches.get(connection);
  if (kinds === undefined) {
    kinds = new Map();
    caches.set(connection, kinds);
  }
  let cache = kinds.get(kind);
  if (cache === undefined) {
    cache = new Map();
    kinds.set(kind, cache);
  }
  return cache;
}

/**
 * `JSON.parse(text)` of the row `id` of `kind` (e.g. "record_versions.content"), frozen, parsed
 * once per distinct text. Only for rows the database freezes, so the cache keeps hitting.
 */
export function parsedStoredJson<T>(connection: object, kind: string, id: number, text: string): T {
  if (uncached.has(connection)) return deepFreeze(JSON.parse(text) as unknown) as T;
  const cache = cacheOf(connection, kind);
  const hit = cache.get(id);
  if (hit !== undefined && hit.text === text) return hit.value as T;
  const value = deepFreeze(JSON.parse(text) as unknown);
  if (hit !== undefined) cache.delete(id);
  else if (cache.size >= storedJsonCapacity) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(id, { text, value });
  return value as T;
}
