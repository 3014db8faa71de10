-- The app never deletes a user (deactivated accounts stay, their signatures name them) nor a
-- patient (records stay for years), nor the clinic's one row: a deletion can only come from
-- another tool. IF NOT EXISTS: a ledger rolled back to before 0012 by tests re-runs this file.
CREATE TRIGGER IF NOT EXISTS `users_no_delete` BEFORE DELETE ON `users`
BEGIN
  SELECT RAISE(ABORT, 'users cannot be deleted: deactivate the account instead');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `patients_no_delete` BEFORE DELETE ON `patients`
BEGIN
  SELECT RAISE(ABORT, 'patients cannot be deleted: their records are kept');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `clinic_no_delete` BEFORE DELETE ON `clinic`
BEGIN
  SELECT RAISE(ABORT, 'the clinic settings cannot be deleted: change them instead');
END;
