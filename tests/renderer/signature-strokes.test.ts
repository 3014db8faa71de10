import { describe, expect, it } from 'vitest';
import type { SignaturePoint, SignatureStrokes } from '../../src/domain/consent-signature';
import { signatureProblem, signatureStrokesSchema } from '../../src/domain/consent-signature';
import {
  addPoint,
  extendLastStroke,
  gridPoint,
  maxStrokes,
  polylinePoints,
  startStroke,
} from '../../src/renderer/features/consents/record/signature-strokes';

/** A box of 600 × 200 CSS pixels whose top left is at (100, 50) on screen. */
const box = { left: 100, top: 50, width: 600, height: 200 };

describe('a pointer position as a point of the stored signature', () => {
  it('scales the box to the 3000 × 1000 grid, whatever its size on screen', () => {
    expect(gridPoint(400, 150, box, 1_000, 1_250)).toEqual([1500, 500, 250]);
    expect(gridPoint(100, 50, box, 0, 0)).toEqual([0, 0, 0]);
    expect(gridPoint(700, 250, box, 0, 0)).toEqual([3000, 1000, 0]);
    // The same place on a box twice as large is the same point.
    expect(gridPoint(700, 250, { left: 100, top: 50, width: 1200, height: 400 }, 0, 0)).toEqual([1500, 500, 0]);
  });

  it('gives whole numbers only, for sub-pixel positions and fractional times', () => {
    const point = gridPoint(333.337, 97.123, { left: 10.5, top: 3.25, width: 777.7, height: 259.2 }, 0.4, 17.9);
    for (const value of point) expect(Number.isInteger(value)).toBe(true);
    expect(signatureStrokesSchema.safeParse([[point]]).success).toBe(true);
  });

  it('clamps a finger that slides off the box to its border, and a clock that went back to 0', () => {
    expect(gridPoint(-40, -10, box, 0, 5)).toEqual([0, 0, 5]);
    expect(gridPoint(2_000, 900, box, 0, 5)).toEqual([3000, 1000, 5]);
    expect(gridPoint(400, 150, box, 500, 400)).toEqual([1500, 500, 0]);
    expect(gridPoint(400, 150, box, 0, 5_000_000)[2]).toBe(3_600_000);
  });

  it('does not divide by zero on a box not laid out yet', () => {
    expect(gridPoint(400, 150, { left: 0, top: 0, width: 0, height: 0 }, 0, 0)).toEqual([0, 0, 0]);
  });
});

describe('strokes', () => {
  it('drop a point where the last one lay (many moves within one grid cell add no ink)', () => {
    const stroke: SignaturePoint[] = [[10, 10, 0]];
    expect(addPoint(stroke, [10, 10, 16])).toEqual([[10, 10, 0]]);
    expect(addPoint(stroke, [11, 10, 16])).toEqual([
      [10, 10, 0],
      [11, 10, 16],
    ]);
    // Only consecutive duplicates: coming back to a place is ink.
    expect(addPoint([...stroke, [20, 10, 8]], [10, 10, 16])).toHaveLength(3);
    const strokes: SignatureStrokes = [stroke];
    expect(extendLastStroke(strokes, [10, 10, 30])).toBe(strokes);
  });

  it('begin a new stroke at each pen-down and grow the last one', () => {
    let strokes: SignatureStrokes = startStroke([], [100, 100, 0]);
    strokes = extendLastStroke(strokes, [900, 400, 40]);
    strokes = startStroke(strokes, [1200, 300, 400]);
    strokes = extendLastStroke(strokes, [2400, 700, 460]);
    expect(strokes).toEqual([
      [
        [100, 100, 0],
        [900, 400, 40],
      ],
      [
        [1200, 300, 400],
        [2400, 700, 460],
      ],
    ]);
    expect(signatureStrokesSchema.safeParse(strokes).success).toBe(true);
    expect(signatureProblem(strokes)).toBeNull();
    expect(polylinePoints(strokes[0] ?? [])).toBe('100,100 900,400');
  });

  it('stop taking ink at what the stored signature may hold, so it always parses', () => {
    let strokes: SignatureStrokes = [];
    for (let index = 0; index < maxStrokes + 5; index += 1) strokes = startStroke(strokes, [index, 0, index]);
    expect(strokes).toHaveLength(maxStrokes);
    let long: SignatureStrokes = startStroke([], [0, 0, 0]);
    for (let index = 1; index < 2_100; index += 1) long = extendLastStroke(long, [index % 3000, index % 2, index]);
    expect(long[0]).toHaveLength(2000);
    expect(signatureStrokesSchema.safeParse(long).success).toBe(true);
  });
});
