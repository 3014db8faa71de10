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
