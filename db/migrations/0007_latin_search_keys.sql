DROP INDEX `address_ranges_street`;--> statement-breakpoint
ALTER TABLE `address_ranges` ADD `settlement_search_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `address_ranges` ADD `street_search_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Added by hand: rows already loaded keep answering Cyrillic searches (the lookup also sends the old key) until the next import writes their Latin keys.
UPDATE `address_ranges` SET `settlement_search_key` = `settlement_key`, `street_search_key` = `street_key`;--> statement-breakpoint
CREATE INDEX `address_ranges_street_search` ON `address_ranges` (`country`,`election_id`,`generation`,`settlement_search_key`,`street_search_key`);--> statement-breakpoint
DROP INDEX `stations_settlement`;--> statement-breakpoint
ALTER TABLE `stations` ADD `settlement_search_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `stations` SET `settlement_search_key` = `settlement_key`;--> statement-breakpoint
CREATE INDEX `stations_settlement_search` ON `stations` (`country`,`election_id`,`settlement_search_key`);
