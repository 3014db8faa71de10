import { formatNumber } from '../../../domain/quantity';

const units = [
  { unit: 'GB', bytes: 1_000_000_000 },
  { unit: 'MB', bytes: 1_000_000 },
  { unit: 'kB', bytes: 1_000 },
] as const;

/**
 * "12.4 MB", "812.3 kB", "640 bytes": SI units (1 MB = 1,000,000 bytes) so the figure reads
 * the same as in a file manager; one decimal, never a trailing zero.
 */
export function formatByteSize(bytes: number): string {
  const scale = units.find((candidate) => bytes >= candidate.bytes);
  if (scale === undefined) return `${formatNumber(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return `${formatNumber((bytes / scale.bytes).toFixed(1))} ${scale.unit}`;
}
