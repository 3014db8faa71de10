import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/domain/canonical-json';
import { canonicalJson } from '../../src/domain/canonical-json';

/** Orders two strings by UTF-16 code unit, written out so the reference does not lean on Array#sort. */
function byCodeUnit(a: string, b: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const difference = a.charCodeAt(i) - b.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/**
 * An independent serialiser to compare with. It builds the text itself, because a JS object
 * cannot hold sorted keys: integer-like keys ("0", "10") always come first in an object.
 */
function reference(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const members = Object.entries(value)
    .filter((entry): entry is [string, JsonValue] => entry[1] !== undefined)
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([key, member]) => `${JSON.stringify(key)}:${reference(member)}`);
  return `{${members.join(',')}}`;
}

/** The same object with its members inserted in reverse order. */
function reversedKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  // Object.fromEntries defines own properties: assigning copy["__proto__"] would set the
  // prototype instead, and fast-check's JSON values do contain that key.
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .flatMap((key) => {
        const member = value[key];
        return member === undefined ? [] : [[key, reversedKeys(member)] as const];
      }),
  );
}

describe('canonicalJson', () => {
  it('sorts object keys and adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: 2, c: 'x y' })).toBe('{"a":2,"b":1,"c":"x y"}');
  });

  it('sorts nested objects, including objects inside arrays, but keeps array order', () => {
    const value: JsonValue = { z: [{ d: 1, c: 2 }, 3, { b: { y: true, x: null } }], a: { n: [2, 1] } };
    expect(canonicalJson(value)).toBe('{"a":{"n":[2,1]},"z":[{"c":2,"d":1},3,{"b":{"x":null,"y":true}}]}');
  });

  it('orders keys by UTF-16 code unit, as RFC 8785 requires (not by code point)', () => {
    // U+1F600 is stored as the surrogate pair D83D DE00, which sorts before U+FB00 by code unit
    // although it comes after it by code point.
    const value: JsonValue = { '\uFB00': 5, '\u{1F600}': 4, é: 3, z: 2, Z: 1 };
    expect(canonicalJson(value)).toBe('{"Z":1,"z":2,"é":3,"\u{1F600}":4,"\uFB00":5}');
  });

  it('sorts integer-like keys as text, not in the order JS objects keep them', () => {
    // A JS object lists "9" before "10"; canonical order compares the text, so "10" comes first.
    expect(canonicalJson({ a: 3, 9: 2, 10: 1, '': 0 })).toBe('{"":0,"10":1,"9":2,"a":3}');
  });

  it('drops undefined members at every depth', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson({ outer: { gone: undefined, kept: 'k' }, list: [{ x: undefined }] })).toBe(
      '{"list":[{}],"outer":{"kept":"k"}}',
    );
  });

  it('refuses non-finite numbers wherever they are', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => canonicalJson(bad)).toThrow(RangeError);
      expect(() => canonicalJson([1, bad])).toThrow(RangeError);
      expect(() => canonicalJson({ deep: { deeper: [bad] } })).toThrow(/non-finite/);
    }
  });

  it('writes numbers, strings and literals as JSON does', () => {
    expect(canonicalJson(1.0)).toBe('1');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(1e21)).toBe('1e+21');
    expect(canonicalJson(0.1)).toBe('0.1');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(false)).toBe('false');
    expect(canonicalJson('quote " backslash \\ newline \n bell \u0007')).toBe(
      '"quote \\" backslash \\\\ newline \\n bell \\u0007"',
    );
    expect(canonicalJson('Zoë 王小明 عائشة')).toBe('"Zoë 王小明 عائشة"');
  });

  it('is the sorted JSON of any JSON value and parses back to it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(text).toBe(reference(value));
        // JSON itself turns -0 into 0, so compare with what plain JSON makes of the value.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('keeps a "__proto__" member as data, as JSON.parse gives it', () => {
    const value = JSON.parse('{"__proto__":{},"a":1}') as JsonValue;
    expect(canonicalJson(reversedKeys(value))).toBe('{"__proto__":{},"a":1}');
  });

  it('does not depend on the order in which keys were inserted', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reversedKeys(value))).toBe(canonicalJson(value));
      }),
    );
  });
});
