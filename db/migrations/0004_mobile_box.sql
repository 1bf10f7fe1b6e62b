CREATE TABLE `idempotency_keys` (
	`key_hash` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer,
	`body` text,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mobile_box_counts` (
	`election_id` text NOT NULL,
	`district` text NOT NULL,
	`ballot` text NOT NULL,
	`status` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`election_id`, `district`, `ballot`, `status`)
);
--> statement-breakpoint
CREATE TABLE `mobile_box_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`election_id` text NOT NULL,
	`ballot` text NOT NULL,
	`reference` text NOT NULL,
	`id_hash` text NOT NULL,
	`district` text NOT NULL,
	`citizenship` text NOT NULL,
	`submitted_by` text NOT NULL,
	`channel` text DEFAULT 'online' NOT NULL,
	`late` integer NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`record_key` text NOT NULL,
	`person_sealed` text NOT NULL,
	`representative_sealed` text,
	`reason_sealed` text,
	`section` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`purge_after` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mobile_box_requests_reference` ON `mobile_box_requests` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `mobile_box_requests_one_per_ballot` ON `mobile_box_requests` (`election_id`,`ballot`,`id_hash`);--> statement-breakpoint
CREATE INDEX `mobile_box_requests_district` ON `mobile_box_requests` (`election_id`,`district`,`ballot`);--> statement-breakpoint
CREATE INDEX `mobile_box_requests_purge` ON `mobile_box_requests` (`purge_after`);