-- The audit log is append-only: no statement may change or remove an entry.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END;
--> statement-breakpoint
-- Patient name search: FTS5 prefix queries over folded names, kept in step by triggers.
CREATE VIRTUAL TABLE `patients_fts` USING fts5(
  search_text,
  content = 'patients',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
--> statement-breakpoint
CREATE TRIGGER `patients_fts_insert` AFTER INSERT ON `patients`
BEGIN
  INSERT INTO patients_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `patients_fts_delete` AFTER DELETE ON `patients`
BEGIN
  INSERT INTO patients_fts (patients_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `patients_fts_update` AFTER UPDATE OF `search_text` ON `patients`
BEGIN
  INSERT INTO patients_fts (patients_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO patients_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
