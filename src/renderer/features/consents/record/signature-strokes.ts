import type { SignaturePoint, SignatureStrokes } from '../../../../domain/consent-signature';
import { signatureGrid, signatureGridHeight } from '../../../../domain/consent-signature';

/** The part of a DOMRect the conversion needs (a plain object in tests). */
export interface BoxRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The schema's bound on a point's time: an hour from the first point. */
const maxTimeMs = 3_600_000;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * A pointer position on screen as a point of the stored signature: whole numbers on the
 * 3000 × 1000 grid whatever the box's size on this screen (so a tablet and a desk screen store
 * alike), clamped to the box (a finger that slides off the edge stays on its border), and
 * milliseconds since the signature's first point.
 */
export function gridPoint(
  clientX: number,
  clientY: number,
  rect: BoxRect,
  t0Ms: number,
  nowMs: number,
): SignaturePoint {
  const x = rect.width > 0 ? ((clientX - rect.left) / rect.width) * signatureGrid : 0;
  const y = rect.height > 0 ? ((clientY - rect.top) / rect.height) * signatureGridHeight : 0;
  return [
    clamp(Math.round(x), 0, signatureGrid),
    clamp(Math.round(y), 0, signatureGridHeight),
    clamp(Math.round(nowMs - t0Ms), 0, maxTimeMs),
  ];
}

/**
 * The stroke with the point added at its end, or the same stroke when the point lies where
 * the last one did (a pointer reports many moves within one grid cell: they add no ink).
 */
export function addPoint(stroke: readonly SignaturePoint[], point: SignaturePoint): SignaturePoint[] {
  const last = stroke.at(-1);
  if (last !== undefined && last[0] === point[0] && last[1] === point[1]) return [...stroke];
  return [...stroke, point];
}

/** What the stored signature may hold (domain/consent-signature.ts): ink past it is not taken. */
export const maxStrokes = 60;
const maxStrokePoints = 2000;
const maxPoints = 12_000;

const pointCount = (strokes: SignatureStrokes) => strokes.reduce((sum, stroke) => sum + stroke.length, 0);

/** The strokes with a new stroke begun at the point, or unchanged when the signature is full. */
export function startStroke(strokes: SignatureStrokes, point: SignaturePoint): SignatureStrokes {
  if (strokes.length >= maxStrokes || pointCount(strokes) >= maxPoints) return strokes;
  return [...strokes, [point]];
}

/** The strokes with the point added to the last stroke (the one being drawn), within the limits. */
export function extendLastStroke(strokes: SignatureStrokes, point: SignaturePoint): SignatureStrokes {
  const last = strokes.at(-1);
  if (last === undefined) return startStroke(strokes, point);
  if (last.length >= maxStrokePoints || pointCount(strokes) >= maxPoints) return strokes;
  const extended = addPoint(last, point);
  return extended.length === last.length ? strokes : [...strokes.slice(0, -1), extended];
}

/** An SVG polyline's points for a stroke, in grid units (the SVG's viewBox is the grid). */
export function polylinePoints(stroke: readonly SignaturePoint[]): string {
  return stroke.map(([x, y]) => `${x},${y}`).join(' ');
}
