/** Backups for adapters (the CLI, the app): they reach the disk only through src/services. */
export { takeBackup, type BackupResult, type TakeBackupOptions } from '../backup/take-backup';
export { restoreBackup, type RestoreOptions, type RestoreResult } from '../backup/restore-backup';
export { BackupError, type BackupActor, type BackupProgress } from '../backup/backup-error';
