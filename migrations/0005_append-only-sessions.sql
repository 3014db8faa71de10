-- The chairside record is append-only: corrections are new entries, signatures are final.
CREATE TRIGGER `infusion_sessions_no_update` BEFORE UPDATE ON `infusion_sessions`
BEGIN
  SELECT RAISE(ABORT, 'infusion sessions cannot be changed: add an entry instead');
END;
--> statement-breakpoint
CREATE TRIGGER `infusion_sessions_no_delete` BEFORE DELETE ON `infusion_sessions`
BEGIN
  SELECT RAISE(ABORT, 'infusion sessions cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `session_entries_no_update` BEFORE UPDATE ON `session_entries`
BEGIN
  SELECT RAISE(ABORT, 'session entries cannot be changed: record a correction instead');
END;
--> statement-breakpoint
CREATE TRIGGER `session_entries_no_delete` BEFORE DELETE ON `session_entries`
BEGIN
  SELECT RAISE(ABORT, 'session entries cannot be deleted: record a correction instead');
END;
--> statement-breakpoint
CREATE TRIGGER `session_signatures_no_update` BEFORE UPDATE ON `session_signatures`
BEGIN
  SELECT RAISE(ABORT, 'signatures cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `session_signatures_no_delete` BEFORE DELETE ON `session_signatures`
BEGIN
  SELECT RAISE(ABORT, 'signatures cannot be deleted');
END;
