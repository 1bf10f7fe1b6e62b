CREATE TABLE `staff_passkeys` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`public_key` text NOT NULL,
	`counter` integer NOT NULL,
	`transports` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text
);
--> statement-breakpoint
CREATE INDEX `staff_passkeys_user` ON `staff_passkeys` (`user_id`);--> statement-breakpoint
CREATE TABLE `staff_recovery_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`used_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `staff_recovery_codes_user` ON `staff_recovery_codes` (`user_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_staff_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`records` text NOT NULL,
	`outcome` text DEFAULT 'ok' NOT NULL,
	`source` text
);
--> statement-breakpoint
INSERT INTO `__new_staff_audit`("id", "at", "user_id", "action", "records") SELECT "id", "at", "user_id", "action", "records" FROM `staff_audit`;--> statement-breakpoint
DROP TABLE `staff_audit`;--> statement-breakpoint
ALTER TABLE `__new_staff_audit` RENAME TO `staff_audit`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `staff_audit_at` ON `staff_audit` (`at`);--> statement-breakpoint
ALTER TABLE `login_failures` ADD `blocked_until` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `staff_sessions` ADD `stage` text DEFAULT 'done' NOT NULL;--> statement-breakpoint
ALTER TABLE `staff_sessions` ADD `pending_totp_sealed` text;--> statement-breakpoint
ALTER TABLE `staff_sessions` ADD `challenge` text;--> statement-breakpoint
ALTER TABLE `staff_sessions` ADD `failures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `staff_sessions` ADD `device` text;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `totp_sealed` text;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `totp_step` integer;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `enrolled_at` text;