import type { JsonValue } from './canonical-json';

export interface FieldChange {
  /** Dotted path, e.g. "vitals.systolicMmHg" or "screening.2.answer". */
  path: string;
  before: JsonValue | undefined;
  after: JsonValue | undefined;
}

function flatten(value: JsonValue | undefined, prefix: string, into: Map<string, JsonValue>): void {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    if (entries.length === 0) into.set(prefix, value);
    for (const [key, item] of entries) {
      if (item !== undefined) flatten(item, prefix === '' ? key : `${prefix}.${key}`, into);
    }
    return;
  }
  if (value !== undefined) into.set(prefix, value);
}

/** Every leaf of a record by its dotted path: what `diffRecords` compares. */
export function flattenRecord(value: JsonValue): Map<string, JsonValue> {
  const into = new Map<string, JsonValue>();
  flatten(value, '', into);
  return into;
}

/** What changed between two versions, field by field, in a stable order. */
export function diffRecords(before: JsonValue, after: JsonValue): FieldChange[] {
  const a = new Map<string, JsonValue>();
  const b = new Map<string, JsonValue>();
  flatten(before, '', a);
  flatten(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((path) => JSON.stringify(a.get(path)) !== JSON.stringify(b.get(path)))
    .map((path) => ({ path, before: a.get(path), after: b.get(path) }));
}
