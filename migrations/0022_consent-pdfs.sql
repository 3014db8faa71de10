CREATE TABLE `consent_pdfs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consent_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`pdf` blob NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_pdfs_consent_id_unique` ON `consent_pdfs` (`consent_id`);