CREATE TABLE `register_containers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_id` integer NOT NULL,
	`number_in_receipt` integer NOT NULL,
	`drug_id` text NOT NULL,
	`drug_name` text NOT NULL,
	`concentration_mg_per_ml` text NOT NULL,
	`volume_ml` text NOT NULL,
	`lot_number` text NOT NULL,
	`lot_expiry` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`receipt_id`) REFERENCES `register_receipts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `register_containers_receipt` ON `register_containers` (`receipt_id`);--> statement-breakpoint
CREATE TABLE `register_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`container_id` integer NOT NULL,
	`kind` text NOT NULL,
	`delta_ml` text NOT NULL,
	`delta_mg` text NOT NULL,
	`balance_ml` text NOT NULL,
	`balance_mg` text NOT NULL,
	`occurred_at` text NOT NULL,
	`recorded_at` text NOT NULL,
	`user_id` integer NOT NULL,
	`printed_name` text NOT NULL,
	`witness_user_id` integer,
	`witness_printed_name` text,
	`session_id` integer,
	`session_entry_id` integer,
	`inventory_id` integer,
	`refers_to_entry_id` integer,
	`reason` text,
	`details` text NOT NULL,
	FOREIGN KEY (`container_id`) REFERENCES `register_containers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`witness_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `infusion_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_entry_id`) REFERENCES `session_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inventory_id`) REFERENCES `register_inventories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `register_entries_container` ON `register_entries` (`container_id`);--> statement-breakpoint
CREATE INDEX `register_entries_session` ON `register_entries` (`session_id`);--> statement-breakpoint
CREATE INDEX `register_entries_occurred` ON `register_entries` (`occurred_at`);--> statement-breakpoint
CREATE TABLE `register_inventories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`counted_at` text NOT NULL,
	`user_id` integer NOT NULL,
	`printed_name` text NOT NULL,
	`second_counter_user_id` integer NOT NULL,
	`second_counter_name` text NOT NULL,
	`notes` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`second_counter_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `register_receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`drug_id` text NOT NULL,
	`drug_name` text NOT NULL,
	`concentration_mg_per_ml` text NOT NULL,
	`container_volume_ml` text NOT NULL,
	`container_count` integer NOT NULL,
	`lot_number` text NOT NULL,
	`lot_expiry` text NOT NULL,
	`supplier_name` text NOT NULL,
	`supplier_address` text NOT NULL,
	`supplier_registration` text NOT NULL,
	`invoice_number` text NOT NULL,
	`received_on` text NOT NULL,
	`received_by_user_id` integer NOT NULL,
	`received_by_name` text NOT NULL,
	`checked_by_user_id` integer NOT NULL,
	`checked_by_name` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`received_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `register_settings_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`content` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
