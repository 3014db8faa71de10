CREATE TABLE `formulary_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`content` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `record_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`user_id` integer NOT NULL,
	`printed_name` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `record_events_record` ON `record_events` (`record_id`);--> statement-breakpoint
CREATE TABLE `record_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`content` text NOT NULL,
	`computed` text,
	`content_sha256` text,
	`amends_version_id` integer,
	`amendment_reason` text,
	`exam_version_id` integer,
	`formulary_version` integer,
	`author_user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`signed_at` text,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "record_versions_signed_has_hash" CHECK("record_versions"."status" = 'draft' OR ("record_versions"."content_sha256" IS NOT NULL AND "record_versions"."signed_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `record_versions_record_version` ON `record_versions` (`record_id`,`version`);--> statement-breakpoint
CREATE TABLE `records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`patient_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `records_patient` ON `records` (`patient_id`,`type`);--> statement-breakpoint
CREATE TABLE `signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`signer_user_id` integer NOT NULL,
	`printed_name` text NOT NULL,
	`meaning` text NOT NULL,
	`signed_at` text NOT NULL,
	`content_sha256` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `record_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signatures_version` ON `signatures` (`version_id`);