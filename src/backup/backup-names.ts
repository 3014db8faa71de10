/** `dosing-ledger-20260307-140501Z`: the UTC instant, sortable, and valid on every file system. */
export function backupStem(createdAt: Date): string {
  const iso = createdAt.toISOString(); // 2026-03-07T14:05:01.123Z
  return `dosing-ledger-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}Z`;
}

/**
 * The n-th candidate name for a backup taken at `createdAt`: the first is the plain name, later
 * ones (two backups within one second) add `-2`, `-3`… so neither replaces the other.
 */
export function backupFileName(createdAt: Date, attempt: number): string {
  return `${backupStem(createdAt)}${attempt <= 1 ? '' : `-${attempt}`}.ledger.age`;
}

const backupNamePattern = /^dosing-ledger-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})Z(?:-(\d+))?\.ledger\.age$/;

/**
 * When a backup named by `backupFileName` was taken, and its attempt number; null for any other
 * name (retention deletes only files that this parses).
 */
export function parseBackupFileName(name: string): { createdAt: Date; attempt: number } | null {
  const match = backupNamePattern.exec(name);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const createdAt = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (Number.isNaN(createdAt.getTime()) || createdAt.getUTCDate() !== day) return null;
  return { createdAt, attempt: match[7] === undefined ? 1 : Number(match[7]) };
}
