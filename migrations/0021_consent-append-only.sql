-- Informed consent is append-only: a new text is a new version, a withdrawal a new row, and a
-- signed consent is never changed or deleted (signed means frozen).
CREATE TRIGGER IF NOT EXISTS `consent_document_versions_no_update` BEFORE UPDATE ON `consent_document_versions`
BEGIN
  SELECT RAISE(ABORT, 'informed consent records are append-only: consent_document_versions rows cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `consent_document_versions_no_delete` BEFORE DELETE ON `consent_document_versions`
BEGIN
  SELECT RAISE(ABORT, 'informed consent records are append-only: consent_document_versions rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `consents_no_update` BEFORE UPDATE ON `consents`
BEGIN
  SELECT RAISE(ABORT, 'informed consent records are append-only: consents rows cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `consents_no_delete` BEFORE DELETE ON `consents`
BEGIN
  SELECT RAISE(ABORT, 'informed consent records are append-only: consents rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `consent_withdrawals_no_update` BEFORE UPDATE ON `consent_withdrawals`
BEGIN
  SELECT RAISE(ABORT, 'informed consent records are append-only: consent_withdrawals rows cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `consent_withdrawals_no_delete` BEFORE DELETE ON `consent_withdrawals`
BEGIN
  SELECT RAISE(ABORT, 'informed consent records are append-only: consent_withdrawals rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `consent_settings_versions_no_update` BEFORE UPDATE ON `consent_settings_versions`
BEGIN
  SELECT RAISE(ABORT, 'informed consent records are append-only: consent_settings_versions rows cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `consent_settings_versions_no_delete` BEFORE DELETE ON `consent_settings_versions`
BEGIN
  SELECT RAISE(ABORT, 'informed consent records are append-only: consent_settings_versions rows cannot be deleted');
END;
