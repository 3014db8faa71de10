import { DateTime } from 'luxon';
import { parseBackupFileName } from './backup-names';

export interface RetentionRule {
  /** Keep the newest backup of each of the last N days that have backups (at least 1). */
  keepDaily: number;
  /** Keep the newest backup of each of the last M months that have backups (0 for none). */
  keepMonthly: number;
  /** Days and months are the clinic's, not UTC's. */
  timeZone: string;
}

/**
 * Which backups of a folder to delete after a good backup: every file named like our backups
 * that is not the newest of one of the last `keepDaily` days or `keepMonthly` months with
 * backups, and never `justWritten`. Names that are not ours are never chosen. Pure: the caller
 * deletes (each with its sidecar).
 */
export function backupsToDelete(names: readonly string[], justWritten: string, rule: RetentionRule): string[] {
  const ours = names
    .map((name) => ({ name, parsed: parseBackupFileName(name) }))
    .filter((entry): entry is { name: string; parsed: NonNullable<typeof entry.parsed> } => entry.parsed !== null)
    // Newest first: by instant, then by attempt (two backups within one second).
    .sort(
      (a, b) =>
        b.parsed.createdAt.getTime() - a.parsed.createdAt.getTime() ||
        b.parsed.attempt - a.parsed.attempt ||
        (a.name < b.name ? 1 : -1),
    );
  const keep = new Set<string>([justWritten]);
  const newestOf = (period: (createdAt: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const { name, parsed } of ours) {
      const key = period(parsed.createdAt);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(name);
    }
  };
  const local = (createdAt: Date) => DateTime.fromJSDate(createdAt, { zone: rule.timeZone });
  newestOf((createdAt) => local(createdAt).toFormat('yyyy-MM-dd'), Math.max(1, rule.keepDaily));
  newestOf((createdAt) => local(createdAt).toFormat('yyyy-MM'), Math.max(0, rule.keepMonthly));
  return ours.filter(({ name }) => !keep.has(name)).map(({ name }) => name);
}
