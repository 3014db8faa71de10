-- A version of the session configuration is what some sessions were charted under: a change is a new version.
CREATE TRIGGER `session_configuration_versions_no_update` BEFORE UPDATE ON `session_configuration_versions`
BEGIN
  SELECT RAISE(ABORT, 'session configuration versions cannot be changed: save a new version');
END;
--> statement-breakpoint
CREATE TRIGGER `session_configuration_versions_no_delete` BEFORE DELETE ON `session_configuration_versions`
BEGIN
  SELECT RAISE(ABORT, 'session configuration versions cannot be deleted');
END;
