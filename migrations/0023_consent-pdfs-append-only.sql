-- A consent's signed PDF is made once when it is recorded and never regenerated: like the consent
-- it renders (signed means frozen), its row is never changed or deleted.
CREATE TRIGGER IF NOT EXISTS `consent_pdfs_no_update` BEFORE UPDATE ON `consent_pdfs`
BEGIN
  SELECT RAISE(ABORT, 'informed consent records are append-only: consent_pdfs rows cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `consent_pdfs_no_delete` BEFORE DELETE ON `consent_pdfs`
BEGIN
  SELECT RAISE(ABORT, 'informed consent records are append-only: consent_pdfs rows cannot be deleted');
END;
