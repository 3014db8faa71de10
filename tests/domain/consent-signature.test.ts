import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SignatureStrokes } from '../../src/domain/consent-signature';
import {
  signatureGrid,
  signatureGridHeight,
  signatureProblem,
  signatureStrokesSchema,
  typedNameIs,
  typedNameMatches,
} from '../../src/domain/consent-signature';

/** A signature-like scrawl: a wave across most of the box. */
const scrawl: SignatureStrokes = [
  Array.from({ length: 60 }, (_, index) => [
    200 + index * 40,
    Math.round(signatureGridHeight / 2 + Math.sin(index / 3) * 250),
    index * 16,
  ]),
];

describe('a drawn signature', () => {
  it('accepts a signature across the box', () => {
    expect(signatureStrokesSchema.safeParse(scrawl).success).toBe(true);
    expect(signatureProblem(scrawl)).toBeNull();
  });

  it('refuses no strokes, a tap, a dot and a short line, each with the reason', () => {
    expect(signatureProblem([])).toMatch(/No signature was drawn/);
    expect(signatureProblem([[[100, 100, 0]]])).toMatch(/No signature was drawn/);
    expect(
      signatureProblem([
        [
          [100, 100, 0],
          [104, 103, 10],
          [101, 99, 20],
        ],
      ]),
    ).toMatch(/too small/);
    expect(
      signatureProblem([
        [
          [100, 100, 0],
          [300, 100, 50],
        ],
      ]),
    ).toMatch(/too small/);
  });

  it('refuses, in the schema, points off the box, fractions and too many points', () => {
    expect(signatureStrokesSchema.safeParse([[[signatureGrid + 1, 0, 0]]]).success).toBe(false);
    expect(signatureStrokesSchema.safeParse([[[1.5, 0, 0]]]).success).toBe(false);
    expect(signatureStrokesSchema.safeParse([[[0, signatureGridHeight + 1, 0]]]).success).toBe(false);
    const many = Array.from({ length: 7 }, () => Array.from({ length: 2000 }, () => [1, 1, 1]));
    expect(signatureStrokesSchema.safeParse(many).success).toBe(false);
  });

  it('never accepts strokes that all fit in a few pixels, whatever they are', () => {
    const tiny = fc.array(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.nat(1000)), {
        minLength: 1,
        maxLength: 50,
      }),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(tiny, (strokes) => {
        expect(signatureProblem(strokes)).not.toBeNull();
      }),
    );
  });
});

describe('the typed name', () => {
  const patient = { givenNames: 'Ana María', familyName: 'Ruiz Peña' };

  it('matches the patient’s name in any order, without accents, case or punctuation, middle names optional', () => {
    for (const typed of ['Ana María Ruiz Peña', 'ruiz pena, ana maria', 'ANA RUIZ PEÑA', ' Ana  Ruiz-Peña ']) {
      expect(typedNameMatches(typed, patient)).toBe(true);
    }
  });

  it('does not match another name, a missing family name or an extra word', () => {
    for (const typed of ['', 'Ana', 'María Ruiz Peña', 'Ana Ruiz', 'Ana María Ruiz Peña Jr', 'Anna Ruiz Peña']) {
      expect(typedNameMatches(typed, patient)).toBe(false);
    }
  });

  it('matches a representative’s name as entered, words in any order', () => {
    expect(typedNameIs('garcia, luis', 'Luis García')).toBe(true);
    expect(typedNameIs('Luis', 'Luis García')).toBe(false);
    expect(typedNameIs('', '')).toBe(false);
  });
});
