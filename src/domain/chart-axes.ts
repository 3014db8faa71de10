/** Chart axes: round ticks a reader can read values against. */
const minute = 60_000;
const steps = [1, 2, 5, 10, 15, 30, 60, 120].map((minutes) => minutes * minute);

/**
 * An axis from `fromMs` to `toMs` with round-minute ticks (every 5, 10, 15 … minutes), at
 * most `maxTicks` of them, padded so that a single point is not drawn on the edge.
 */
export function timeAxis(fromMs: number, toMs: number, maxTicks = 8): { domain: [number, number]; ticks: number[] } {
  const span = Math.max(toMs - fromMs, 10 * minute);
  const step = steps.find((candidate) => span / candidate <= maxTicks - 1) ?? 240 * minute;
  const start = Math.floor((fromMs - minute) / step) * step;
  const end = Math.ceil((toMs + minute) / step) * step;
  const ticks: number[] = [];
  for (let tick = start; tick <= end; tick += step) ticks.push(tick);
  return { domain: [start, end], ticks };
}

/** A value axis in steps of 20 around everything measured, with a margin (mmHg, beats/min). */
export function valueAxis(values: readonly (number | null)[]): { domain: [number, number]; ticks: number[] } {
  const present = values.filter((value): value is number => value !== null);
  const low = Math.max(0, Math.floor(((present.length === 0 ? 60 : Math.min(...present)) - 10) / 20) * 20);
  const high = Math.ceil(((present.length === 0 ? 100 : Math.max(...present)) + 10) / 20) * 20;
  const ticks: number[] = [];
  for (let tick = low; tick <= high; tick += 20) ticks.push(tick);
  return { domain: [low, high], ticks };
}
