CREATE TABLE `infusion_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`patient_id` integer NOT NULL,
	`plan_record_id` integer NOT NULL,
	`plan_version_id` integer NOT NULL,
	`series_number` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_version_id`) REFERENCES `record_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `infusion_sessions_patient` ON `infusion_sessions` (`patient_id`);--> statement-breakpoint
CREATE INDEX `infusion_sessions_plan` ON `infusion_sessions` (`plan_record_id`);--> statement-breakpoint
CREATE TABLE `session_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`kind` text NOT NULL,
	`occurred_at` text NOT NULL,
	`recorded_at` text NOT NULL,
	`user_id` integer NOT NULL,
	`printed_name` text NOT NULL,
	`content` text NOT NULL,
	`corrects_entry_id` integer,
	`correction_reason` text,
	`witness_user_id` integer,
	`witness_printed_name` text,
	FOREIGN KEY (`session_id`) REFERENCES `infusion_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`witness_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_entries_session` ON `session_entries` (`session_id`);--> statement-breakpoint
CREATE TABLE `session_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`signer_user_id` integer NOT NULL,
	`printed_name` text NOT NULL,
	`meaning` text NOT NULL,
	`signed_at` text NOT NULL,
	`last_entry_id` integer NOT NULL,
	`content_sha256` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `infusion_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_signatures_session` ON `session_signatures` (`session_id`);