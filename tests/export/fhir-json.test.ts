import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/quantity';
import { weightKg } from '../../src/domain/weight';
import { fhirDecimal, prune, serializeFhirJson } from '../../src/export/fhir/json';
import { nameBasedUuid } from '../../src/export/sha256';

describe('FHIR decimals are written from decimal text, never through floats', () => {
  it('writes 0.1 + 0.2 as 0.3, where a JS number would write 0.30000000000000004', () => {
    expect(JSON.stringify({ value: 0.1 + 0.2 })).toBe('{"value":0.30000000000000004}');
    expect(serializeFhirJson({ value: fhirDecimal(new Decimal('0.1').plus('0.2')) })).toBe('{"value":0.3}');
  });

  it('keeps every digit a float would lose, and never uses exponent notation', () => {
    expect(serializeFhirJson({ value: fhirDecimal('72.4') })).toBe('{"value":72.4}');
    expect(serializeFhirJson({ value: fhirDecimal(weightKg({ value: '160', unit: 'lb' })) })).toBe(
      '{"value":72.5747792}',
    );
    expect(serializeFhirJson({ value: fhirDecimal('123456789.123456789123') })).toBe(
      '{"value":123456789.123456789123}',
    );
    expect(serializeFhirJson({ value: fhirDecimal('0.0000001') })).toBe('{"value":0.0000001}');
    expect(serializeFhirJson({ value: fhirDecimal('1e21') })).toBe('{"value":1000000000000000000000}');
    expect(serializeFhirJson({ value: fhirDecimal('-0.5') })).toBe('{"value":-0.5}');
  });

  it('refuses a fractional JS number, so a float cannot reach an export by accident', () => {
    expect(() => serializeFhirJson({ value: 72.4 })).toThrow(/FhirDecimal/);
    expect(() => serializeFhirJson({ value: Number.NaN })).toThrow();
    expect(() => fhirDecimal('Infinity')).toThrow(/finite/);
    expect(serializeFhirJson({ count: 6 })).toBe('{"count":6}');
  });

  it('cannot be written by JSON.stringify, which would lose the exact text', () => {
    expect(() => JSON.stringify({ value: fhirDecimal('1.5') })).toThrow(/serializeFhirJson/);
  });
});

describe('FHIR JSON writing', () => {
  it('leaves out empty strings, arrays and objects, which FHIR forbids, and undefined members', () => {
    expect(prune({ a: '', b: [], c: {}, d: [''], e: { f: undefined }, g: 'x', h: false, i: 0 })).toEqual({
      g: 'x',
      h: false,
      i: 0,
    });
    expect(
      serializeFhirJson({ resourceType: 'Patient', id: 'p', telecom: [{ value: '' }], name: [{ given: [] }] }),
    ).toBe('{"resourceType":"Patient","id":"p"}');
  });

  it('keeps member order and indents on request', () => {
    expect(serializeFhirJson({ resourceType: 'X', id: 'a', b: [1, { c: 'd' }] }, 2)).toBe(
      '{\n  "resourceType": "X",\n  "id": "a",\n  "b": [\n    1,\n    {\n      "c": "d"\n    }\n  ]\n}',
    );
  });

  it('escapes text as JSON does and keeps every script as is', () => {
    const text = 'Ruiz "Ani" \\ 王小明 Żółć\n';
    expect(JSON.parse(serializeFhirJson({ text }))).toEqual({ text });
    expect(serializeFhirJson({ text: '王' })).toBe('{"text":"王"}');
  });
});

describe('name-based UUIDs for bundle fullUrls', () => {
  it('are stable, distinct per name, and well-formed (version 8, RFC variant)', () => {
    expect(nameBasedUuid('a')).toBe(nameBasedUuid('a'));
    expect(nameBasedUuid('a')).not.toBe(nameBasedUuid('b'));
    expect(nameBasedUuid('Patient/patient-1')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
