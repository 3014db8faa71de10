import { z } from 'zod';

/**
 * A drawn signature, stored as vector strokes so it can be drawn again in the PDF. Coordinates
 * are whole numbers on the signature box scaled to `signatureGrid` × (`signatureGrid` ÷ 3) (the
 * box is three times as wide as high), whatever the screen: exact, no float artefacts; `tMs`
 * is milliseconds since the first point.
 */
export const signatureGrid = 3000;
export const signatureGridHeight = signatureGrid / 3;

const pointSchema = z.tuple([
  z.number().int().min(0).max(signatureGrid),
  z.number().int().min(0).max(signatureGridHeight),
  z.number().int().min(0).max(3_600_000),
]);
export type SignaturePoint = z.infer<typeof pointSchema>;

export const signatureStrokesSchema = z
  .array(z.array(pointSchema).min(1).max(2000, 'A stroke of at most 2,000 points'))
  .max(60, 'At most 60 strokes')
  .refine(
    (strokes) => strokes.reduce((sum, stroke) => sum + stroke.length, 0) <= 12_000,
    'At most 12,000 points in all',
  );
export type SignatureStrokes = z.infer<typeof signatureStrokesSchema>;

/** Smaller than this, in either direction and in ink, it is a dot or a slip, not a signature. */
const minimumWidth = signatureGrid * 0.08;
const minimumHeight = signatureGridHeight * 0.08;
const minimumInk = signatureGrid * 0.2;

function inkLength(strokes: SignatureStrokes): number {
  let length = 0;
  for (const stroke of strokes) {
    for (let index = 1; index < stroke.length; index += 1) {
      const [x0, y0] = stroke[index - 1] ?? [0, 0];
      const [x1, y1] = stroke[index] ?? [0, 0];
      length += Math.hypot(x1 - x0, y1 - y0);
    }
  }
  return length;
}

/** Why the strokes are not a signature to accept, or null. */
export function signatureProblem(strokes: SignatureStrokes): string | null {
  const points = strokes.flat();
  if (points.length < 2 || strokes.every((stroke) => stroke.length < 2)) {
    return 'No signature was drawn: sign in the box with a finger, pen or mouse.';
  }
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const width = Math.max(...xs) - Math.min(...xs);
  const height = Math.max(...ys) - Math.min(...ys);
  if ((width < minimumWidth && height < minimumHeight) || inkLength(strokes) < minimumInk) {
    return 'The signature is too small to be a signature (a dot or a short line): clear it and sign across the box.';
  }
  return null;
}

/** A name as people type it: no accents, case, punctuation or spacing that differ. */
function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
}

/**
 * Whether a typed name is the expected person's: the same words in any order ("Ana María Ruiz",
 * "ruiz, ana maria"); middle names may be left out, never the family name or the first given name.
 */
export function typedNameMatches(typed: string, person: { givenNames: string; familyName: string }): boolean {
  const words = nameWords(typed);
  const given = nameWords(person.givenNames);
  const family = nameWords(person.familyName);
  if (words.length === 0 || given.length === 0 || family.length === 0) return false;
  const needed = [given[0] ?? '', ...family];
  const allowed = new Set([...given, ...family]);
  return needed.every((word) => words.includes(word)) && words.every((word) => allowed.has(word));
}

/** Whether a typed name is a representative's as entered (all of its words, in any order). */
export function typedNameIs(typed: string, name: string): boolean {
  const words = nameWords(typed).sort();
  const expected = nameWords(name).sort();
  return words.length > 0 && words.join(' ') === expected.join(' ');
}
