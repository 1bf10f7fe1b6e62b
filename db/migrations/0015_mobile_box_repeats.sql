DROP INDEX `mobile_box_requests_one_per_ballot`;--> statement-breakpoint
ALTER TABLE `mobile_box_requests` ADD `repeat_of` integer;--> statement-breakpoint
ALTER TABLE `mobile_box_requests` ADD `fingerprint` text;--> statement-breakpoint
ALTER TABLE `mobile_box_requests` ADD `merged_into` integer;--> statement-breakpoint
ALTER TABLE `mobile_box_requests` ADD `closed_as` text;--> statement-breakpoint
ALTER TABLE `mobile_box_requests` ADD `resolved_at` text;--> statement-breakpoint
CREATE INDEX `mobile_box_requests_person` ON `mobile_box_requests` (`election_id`,`ballot`,`id_hash`);--> statement-breakpoint
CREATE INDEX `mobile_box_requests_fingerprint` ON `mobile_box_requests` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `mobile_box_requests_merged_into` ON `mobile_box_requests` (`merged_into`);--> statement-breakpoint
CREATE INDEX `mobile_box_requests_repeat_of` ON `mobile_box_requests` (`repeat_of`);