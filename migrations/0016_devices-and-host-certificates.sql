CREATE TABLE `devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text,
	`status` text NOT NULL,
	`pairing_code` text NOT NULL,
	`token_sha256` text NOT NULL,
	`requested_from` text NOT NULL,
	`user_agent` text NOT NULL,
	`requested_at` text NOT NULL,
	`approved_at` text,
	`approved_by` integer,
	`revoked_at` text,
	`revoked_by` integer,
	`revoke_reason` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_token_unique` ON `devices` (`token_sha256`);--> statement-breakpoint
CREATE UNIQUE INDEX `devices_pairing_code_unique` ON `devices` (`pairing_code`);--> statement-breakpoint
CREATE TABLE `host_certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`host_names` text NOT NULL,
	`addresses` text NOT NULL,
	`certificate_pem` text NOT NULL,
	`fingerprint_sha256` text NOT NULL,
	`not_before` text NOT NULL,
	`not_after` text NOT NULL,
	`issued_at` text NOT NULL,
	`issued_by` integer NOT NULL
);
