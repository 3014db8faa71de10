-- Checkpoints anchor the audit chain and the backup log says when the ledger was last safely
-- copied: the app only ever appends to either. The settings row is changed, never deleted.
CREATE TRIGGER IF NOT EXISTS `audit_checkpoints_no_update` BEFORE UPDATE ON `audit_checkpoints`
BEGIN
  SELECT RAISE(ABORT, 'audit checkpoints are append-only: they cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `audit_checkpoints_no_delete` BEFORE DELETE ON `audit_checkpoints`
BEGIN
  SELECT RAISE(ABORT, 'audit checkpoints are append-only: they cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `backup_runs_no_update` BEFORE UPDATE ON `backup_runs`
BEGIN
  SELECT RAISE(ABORT, 'the backup log is append-only: runs cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `backup_runs_no_delete` BEFORE DELETE ON `backup_runs`
BEGIN
  SELECT RAISE(ABORT, 'the backup log is append-only: runs cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `backup_settings_no_delete` BEFORE DELETE ON `backup_settings`
BEGIN
  SELECT RAISE(ABORT, 'the backup settings cannot be deleted: change them instead');
END;
