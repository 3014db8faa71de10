/** What a long job reports: how far it is (0–1) and what it is doing, in words. */
export type ProgressReport = (fraction: number, what: string) => void;

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
export function progressLine(stderr: NodeJS.WriteStream, now: () => number = Date.now): ProgressLine {
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

/** " (about 2 min left)", once 2 s and 2 % of the job have passed; empty before. */
export function timeLeft(elapsedMs: number, fraction: number): string {
  if (elapsedMs < 2000 || fraction < 0.02 || fraction >= 1) return '';
  const leftS = Math.round((elapsedMs / fraction - elapsedMs) / 1000);
  if (leftS < 60) return ` (about ${Math.max(leftS, 1)} s left)`;
  return ` (about ${Math.round(leftS / 60)} min left)`;
}
