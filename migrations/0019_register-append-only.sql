-- The controlled-substance register is append-only: a correction is a new entry that names
-- the one it corrects, never an edit, and nothing is ever deleted (21 CFR 1304: records kept
-- and readily retrievable).
CREATE TRIGGER IF NOT EXISTS `register_receipts_no_update` BEFORE UPDATE ON `register_receipts`
BEGIN
  SELECT RAISE(ABORT, 'the controlled-substance register is append-only: register_receipts rows cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `register_receipts_no_delete` BEFORE DELETE ON `register_receipts`
BEGIN
  SELECT RAISE(ABORT, 'the controlled-substance register is append-only: register_receipts rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `register_containers_no_update` BEFORE UPDATE ON `register_containers`
BEGIN
  SELECT RAISE(ABORT, 'the controlled-substance register is append-only: register_containers rows cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `register_containers_no_delete` BEFORE DELETE ON `register_containers`
BEGIN
  SELECT RAISE(ABORT, 'the controlled-substance register is append-only: register_containers rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `register_inventories_no_update` BEFORE UPDATE ON `register_inventories`
BEGIN
  SELECT RAISE(ABORT, 'the controlled-substance register is append-only: register_inventories rows cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `register_inventories_no_delete` BEFORE DELETE ON `register_inventories`
BEGIN
  SELECT RAISE(ABORT, 'the controlled-substance register is append-only: register_inventories rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `register_entries_no_update` BEFORE UPDATE ON `register_entries`
BEGIN
  SELECT RAISE(ABORT, 'the controlled-substance register is append-only: register_entries rows cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `register_entries_no_delete` BEFORE DELETE ON `register_entries`
BEGIN
  SELECT RAISE(ABORT, 'the controlled-substance register is append-only: register_entries rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `register_settings_versions_no_update` BEFORE UPDATE ON `register_settings_versions`
BEGIN
  SELECT RAISE(ABORT, 'the controlled-substance register is append-only: register_settings_versions rows cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `register_settings_versions_no_delete` BEFORE DELETE ON `register_settings_versions`
BEGIN
  SELECT RAISE(ABORT, 'the controlled-substance register is append-only: register_settings_versions rows cannot be deleted');
END;
