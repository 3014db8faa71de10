ALTER TABLE `clinic` ADD `weight_change_percent` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `clinic` ADD `weight_change_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `clinic` ADD `weight_plausible_min_kg` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `clinic` ADD `weight_plausible_max_kg` integer DEFAULT 300 NOT NULL;