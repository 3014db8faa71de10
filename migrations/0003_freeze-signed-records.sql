-- Signed means frozen: the database itself refuses to change or remove a signed version.
CREATE TRIGGER `record_versions_signed_no_update` BEFORE UPDATE ON `record_versions`
WHEN OLD.status = 'signed'
BEGIN
  SELECT RAISE(ABORT, 'signed record versions are frozen: amend instead');
END;
--> statement-breakpoint
CREATE TRIGGER `record_versions_signed_no_delete` BEFORE DELETE ON `record_versions`
WHEN OLD.status = 'signed'
BEGIN
  SELECT RAISE(ABORT, 'signed record versions are frozen: they cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `signatures_no_update` BEFORE UPDATE ON `signatures`
BEGIN
  SELECT RAISE(ABORT, 'signatures cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `signatures_no_delete` BEFORE DELETE ON `signatures`
BEGIN
  SELECT RAISE(ABORT, 'signatures cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `record_events_no_update` BEFORE UPDATE ON `record_events`
BEGIN
  SELECT RAISE(ABORT, 'record events cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `record_events_no_delete` BEFORE DELETE ON `record_events`
BEGIN
  SELECT RAISE(ABORT, 'record events cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `formulary_versions_no_update` BEFORE UPDATE ON `formulary_versions`
BEGIN
  SELECT RAISE(ABORT, 'formulary versions cannot be changed: save a new version');
END;
--> statement-breakpoint
CREATE TRIGGER `formulary_versions_no_delete` BEFORE DELETE ON `formulary_versions`
BEGIN
  SELECT RAISE(ABORT, 'formulary versions cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `records_no_delete` BEFORE DELETE ON `records`
WHEN EXISTS (SELECT 1 FROM record_versions WHERE record_id = OLD.id AND status = 'signed')
BEGIN
  SELECT RAISE(ABORT, 'a record with a signed version cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `records_no_update` BEFORE UPDATE ON `records`
BEGIN
  SELECT RAISE(ABORT, 'records cannot be changed: their content lives in versions');
END;
