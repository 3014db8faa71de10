/**
 * Canonical JSON (RFC 8785 style for the values we store): object keys sorted by code
 * unit, no insignificant whitespace, `undefined` members dropped. Hashes of records and
 * audit entries are taken over this text, so the same value always hashes the same.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('canonical JSON cannot hold a non-finite number');
    return JSON.stringify(value);
  }
  // Built by appending rather than map/filter/join: every audit entry is hashed over this text,
  // twice per write (details, then the entry), and the intermediate arrays showed in profiles.
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += canonicalJson(value[index] as JsonValue);
    }
    return `${text}]`;
  }
  let text = '{';
  for (const key of Object.keys(value).sort()) {
    const member = value[key];
    if (member === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
}
