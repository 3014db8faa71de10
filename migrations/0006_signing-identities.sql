CREATE TABLE `root_key_wraps` (
	`admin_user_id` integer PRIMARY KEY NOT NULL,
	`encrypted_private_key` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`admin_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `signed_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer,
	`session_signature_id` integer,
	`file_name` text NOT NULL,
	`pdf` blob NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `record_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_signature_id`) REFERENCES `session_signatures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signed_documents_version` ON `signed_documents` (`version_id`);--> statement-breakpoint
CREATE INDEX `signed_documents_session_signature` ON `signed_documents` (`session_signature_id`);--> statement-breakpoint
CREATE TABLE `signing_identities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer,
	`certificate_pem` text NOT NULL,
	`encrypted_private_key` text,
	`source` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signing_identities_user` ON `signing_identities` (`user_id`);