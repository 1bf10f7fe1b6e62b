CREATE TABLE `mobile_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`election_id` text NOT NULL,
	`district` text NOT NULL,
	`constituency` text NOT NULL,
	`number` text,
	`base_address` text NOT NULL,
	`lat` real,
	`lon` real,
	`order_kept` integer DEFAULT false NOT NULL,
	`handed_over_at` text,
	`handed_over_by` integer,
	`changed_after_handover` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mobile_sections_district` ON `mobile_sections` (`election_id`,`district`);--> statement-breakpoint
CREATE TABLE `route_stops` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`section_id` integer NOT NULL,
	`election_id` text NOT NULL,
	`voter_request_id` integer NOT NULL,
	`origin_district` text NOT NULL,
	`position` integer NOT NULL,
	`record_key` text NOT NULL,
	`location_sealed` text,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`purge_after` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `route_stops_one_per_voter` ON `route_stops` (`election_id`,`voter_request_id`);--> statement-breakpoint
CREATE INDEX `route_stops_section` ON `route_stops` (`section_id`,`position`);--> statement-breakpoint
CREATE INDEX `route_stops_purge` ON `route_stops` (`purge_after`);--> statement-breakpoint
ALTER TABLE `mobile_box_requests` ADD `stop_id` integer;