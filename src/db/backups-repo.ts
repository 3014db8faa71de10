import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { BackupRunKind } from '../domain/backups';
import type { Drizzle } from './open';
import { backupRuns, backupSettings } from './schema/backups';

export type BackupSettingsRow = typeof backupSettings.$inferSelect;
export type BackupRunRow = typeof backupRuns.$inferSelect;
export type NewBackupRun = Omit<typeof backupRuns.$inferInsert, 'id' | 'kind'> & { kind: BackupRunKind };

export function getBackupSettings(db: Drizzle): BackupSettingsRow | undefined {
  return db.select().from(backupSettings).where(eq(backupSettings.id, 1)).get();
}

/** Writes the one settings row (id 1), creating it the first time. */
export function saveBackupSettings(db: Drizzle, row: Omit<BackupSettingsRow, 'id'>): void {
  db.insert(backupSettings)
    .values({ id: 1, ...row })
    .onConflictDoUpdate({ target: backupSettings.id, set: row })
    .run();
}

export function insertBackupRun(db: Drizzle, run: NewBackupRun): BackupRunRow {
  return db.insert(backupRuns).values(run).returning().get();
}

/** Newest first, `limit` of them, before the run `beforeId` when given. */
export function listBackupRuns(db: Drizzle, options: { beforeId?: number; limit: number }): BackupRunRow[] {
  return db
    .select()
    .from(backupRuns)
    .where(options.beforeId === undefined ? undefined : lt(backupRuns.id, options.beforeId))
    .orderBy(desc(backupRuns.id))
    .limit(options.limit)
    .all();
}

export function latestBackupRun(
  db: Drizzle,
  kinds: readonly BackupRunKind[],
  options: { okOnly?: boolean } = {},
): BackupRunRow | undefined {
  const ofKind = inArray(backupRuns.kind, [...kinds]);
  return db
    .select()
    .from(backupRuns)
    .where(options.okOnly === true ? and(ofKind, eq(backupRuns.ok, true)) : ofKind)
    .orderBy(desc(backupRuns.id))
    .limit(1)
    .get();
}
