/**
 * The estimate of the time a long job (an export, a backup) still needs, from how long it has
 * run and how much of it is done, assuming it goes on at the pace it has kept so far. Shared by
 * the app's progress bars and the command line's progress line.
 */

/** Before this long, or this share done, the pace says too little: no estimate is shown. */
export const minElapsedForEstimateMs = 2000;
export const minFractionForEstimate = 0.02;

/** Milliseconds left, or null while it is too early to tell (and once the job is done). */
export function timeLeftMs(elapsedMs: number, fraction: number): number | null {
  if (!Number.isFinite(elapsedMs) || !Number.isFinite(fraction)) return null;
  if (elapsedMs < minElapsedForEstimateMs || fraction < minFractionForEstimate || fraction >= 1) return null;
  return elapsedMs / fraction - elapsedMs;
}

/** "about 40 s left", "about 3 min left", "about 2 h 5 min left": rounded, never "0 s". */
export function timeLeftWords(leftMs: number): string {
  const leftS = Math.round(leftMs / 1000);
  if (leftS < 60) return `about ${Math.max(leftS, 1)} s left`;
  const leftMin = Math.round(leftS / 60);
  if (leftMin < 60) return `about ${leftMin} min left`;
  const hours = Math.floor(leftMin / 60);
  const minutes = leftMin % 60;
  return minutes === 0 ? `about ${hours} h left` : `about ${hours} h ${minutes} min left`;
}

/** The estimate in words, or null while it is too early to tell. */
export function timeLeftText(elapsedMs: number, fraction: number): string | null {
  const leftMs = timeLeftMs(elapsedMs, fraction);
  return leftMs === null ? null : timeLeftWords(leftMs);
}
