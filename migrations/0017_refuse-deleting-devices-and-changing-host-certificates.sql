-- A device row is never deleted (the audit trail names devices by their rows), and the
-- record of host certificates the clinic root issued is append-only.
CREATE TRIGGER IF NOT EXISTS `devices_no_delete` BEFORE DELETE ON `devices`
BEGIN
  SELECT RAISE(ABORT, 'devices cannot be deleted: revoke the device instead');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `host_certificates_no_update` BEFORE UPDATE ON `host_certificates`
BEGIN
  SELECT RAISE(ABORT, 'host certificates are append-only: they cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `host_certificates_no_delete` BEFORE DELETE ON `host_certificates`
BEGIN
  SELECT RAISE(ABORT, 'host certificates are append-only: they cannot be deleted');
END;
