-- Certificates never change; only the encryption of a private key may be re-wrapped.
CREATE TRIGGER `signing_identities_frozen` BEFORE UPDATE OF `id`, `kind`, `user_id`, `certificate_pem`, `source`, `created_at` ON `signing_identities`
BEGIN
  SELECT RAISE(ABORT, 'certificates cannot be changed: issue a new one');
END;
--> statement-breakpoint
CREATE TRIGGER `signing_identities_no_delete` BEFORE DELETE ON `signing_identities`
BEGIN
  SELECT RAISE(ABORT, 'certificates cannot be deleted: older signatures rely on them');
END;
--> statement-breakpoint
CREATE TRIGGER `signed_documents_no_update` BEFORE UPDATE ON `signed_documents`
BEGIN
  SELECT RAISE(ABORT, 'signed documents cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `signed_documents_no_delete` BEFORE DELETE ON `signed_documents`
BEGIN
  SELECT RAISE(ABORT, 'signed documents cannot be deleted');
END;
