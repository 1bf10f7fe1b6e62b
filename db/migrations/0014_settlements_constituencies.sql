CREATE TABLE `district_constituencies` (
	`election_id` text NOT NULL,
	`district` text NOT NULL,
	`constituency` text NOT NULL,
	`set_by` integer NOT NULL,
	`set_at` text NOT NULL,
	PRIMARY KEY(`election_id`, `district`)
);
--> statement-breakpoint
ALTER TABLE `mobile_box_requests` ADD `settlement` text;--> statement-breakpoint
CREATE INDEX `mobile_box_requests_settlement` ON `mobile_box_requests` (`election_id`,`settlement`,`ballot`);