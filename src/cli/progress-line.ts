import { timeLeftText } from '../domain/time-left';

/** What a long job reports: how far it is (0–1) and what it is doing, in words. */
export type ProgressReport = (fraction: number, what: string) => void;

/** Where the line is drawn: stderr, or a test's stand-in for it. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressLine {
  /** Absent when nobody watches a terminal: the job then reports nothing. */
  onProgress?: ProgressReport;
  /** Clears the line, so the result is printed on a clean one. */
  end(): void;
}

/**
 * A progress line on stderr, redrawn in place, with an estimate of the time left once the job
 * has run long enough to tell: only for a person watching a terminal (quiet in scripts and logs).
 */
export function progressLine(stderr: ProgressStream, now: () => number = Date.now): ProgressLine {
  if (stderr.isTTY !== true) return { end: () => undefined };
  let shown = false;
  const startedAt = now();
  return {
    onProgress: (fraction, what) => {
      shown = true;
      const percent = Math.floor(Math.min(Math.max(fraction, 0), 1) * 100);
      stderr.write(`\r${what}… ${percent}%${timeLeft(now() - startedAt, fraction)}\u001b[K`);
    },
    end: () => {
      if (shown) stderr.write('\r\u001b[K');
    },
  };
}

/** " (about 2 min left)", once 2 s and 2 % of the job have passed; empty before (see src/domain/time-left.ts). */
export function timeLeft(elapsedMs: number, fraction: number): string {
  const words = timeLeftText(elapsedMs, fraction);
  return words === null ? '' : ` (${words})`;
}

/**
 * Calls `stop` on Ctrl+C (SIGINT) instead of ending the process, until the returned function is
 * called: a long job then stops cleanly, removing what it had half-written.
 */
export function listenForCtrlC(stop: () => void): () => void {
  process.on('SIGINT', stop);
  return () => process.off('SIGINT', stop);
}
