CREATE TABLE `consent_document_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`version` integer NOT NULL,
	`content` text NOT NULL,
	`text_sha256` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_document_versions_document_version` ON `consent_document_versions` (`document_id`,`version`);--> statement-breakpoint
CREATE TABLE `consent_settings_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`content` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `consent_withdrawals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consent_id` integer NOT NULL,
	`withdrawn_at` text NOT NULL,
	`reason` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_by_name` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_withdrawals_consent_id_unique` ON `consent_withdrawals` (`consent_id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`patient_id` integer NOT NULL,
	`document_version_id` integer NOT NULL,
	`plan_record_id` integer,
	`text_sha256` text NOT NULL,
	`signer_kind` text NOT NULL,
	`representative_name` text,
	`representative_relationship` text,
	`typed_name` text NOT NULL,
	`initialled` text NOT NULL,
	`strokes` text NOT NULL,
	`patient_signed_at` text NOT NULL,
	`clinician_user_id` integer NOT NULL,
	`clinician_printed_name` text NOT NULL,
	`witness_user_id` integer,
	`witness_printed_name` text,
	`signed_at` text NOT NULL,
	`content_sha256` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_version_id`) REFERENCES `consent_document_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinician_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`witness_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_patient` ON `consents` (`patient_id`);