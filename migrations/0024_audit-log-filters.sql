CREATE INDEX `audit_log_entity_type` ON `audit_log` (`entity_type`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_id` ON `audit_log` (`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor` ON `audit_log` (`actor_user_id`);--> statement-breakpoint
CREATE INDEX `audit_log_action` ON `audit_log` (`action`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);