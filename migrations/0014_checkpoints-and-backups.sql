CREATE TABLE `audit_checkpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`at` text NOT NULL,
	`user_id` integer NOT NULL,
	`signing_identity_id` integer NOT NULL,
	`reason` text NOT NULL,
	`signature` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `backup_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text NOT NULL,
	`ok` integer NOT NULL,
	`file_name` text,
	`size_bytes` integer,
	`head_seq` integer,
	`head_hash` text,
	`message` text NOT NULL,
	`user_id` integer
);
--> statement-breakpoint
CREATE TABLE `backup_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`destination` text NOT NULL,
	`daily_at` text,
	`on_quit` integer NOT NULL,
	`keep_daily` integer NOT NULL,
	`keep_monthly` integer NOT NULL,
	`recipient` text NOT NULL,
	`wrapped_identity` text NOT NULL,
	`updated_at` text NOT NULL
);
