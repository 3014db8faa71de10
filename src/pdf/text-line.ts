import type { FaceKey } from './fonts';
import type { TextStyle } from './text-style';

/* What the text engine's layout yields: lines of runs placed on a shared baseline, ready to draw. */

export interface PlacedRun {
  text: string;
  face: FaceKey;
  style: TextStyle;
  /** Right-to-left level: the run's characters are shown in reverse order. */
  rightToLeft: boolean;
  /** Offset from the line's start, points. */
  x: number;
  width: number;
}

export interface TextLine {
  runs: PlacedRun[];
  width: number;
  /** Largest font size on the line, points. */
  size: number;
  /** Line height, points. */
  height: number;
  /** Baseline below the line's top, points. */
  baseline: number;
}
