-- Custom migration, written by hand over what drizzle-kit generated (its snapshot is kept):
-- drizzle cannot express WITHOUT ROWID, and its generated rebuild would copy columns that
-- do not exist yet. What it does:
--  1. import generations: the register and the address ranges get a `generation`; the
--     rows already loaded become generation 0 and are marked active;
--  2. problem reports may hold sealed details and a record key (their old plaintext details
--     stay until `npm run rekey` seals them);
--  3. lookup outcomes are counted by day (no number, hash or address).
PRAGMA defer_foreign_keys = on;
--> statement-breakpoint
CREATE TABLE `import_generations` (
	`election_id` text NOT NULL,
	`dataset` text NOT NULL,
	`active` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`election_id`, `dataset`)
);
--> statement-breakpoint
CREATE TABLE `lookup_outcomes` (
	`day` text NOT NULL,
	`outcome` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`day`, `outcome`)
);
--> statement-breakpoint
DROP INDEX `address_ranges_natural_key`;
--> statement-breakpoint
DROP INDEX `address_ranges_street`;
--> statement-breakpoint
ALTER TABLE `address_ranges` ADD `generation` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX `address_ranges_natural_key` ON `address_ranges` (`country`,`election_id`,`generation`,`settlement_key`,`street_key`,`from_number`,`to_number`,`parity`);
--> statement-breakpoint
CREATE INDEX `address_ranges_street` ON `address_ranges` (`country`,`election_id`,`generation`,`settlement_key`,`street_key`);
--> statement-breakpoint
CREATE TABLE `__new_register_entries` (
	`election_id` text NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL,
	`id_hash` text NOT NULL,
	`station_id` integer NOT NULL,
	PRIMARY KEY(`election_id`, `generation`, `id_hash`),
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_register_entries` (`election_id`, `generation`, `id_hash`, `station_id`) SELECT `election_id`, 0, `id_hash`, `station_id` FROM `register_entries`;
--> statement-breakpoint
DROP TABLE `register_entries`;
--> statement-breakpoint
ALTER TABLE `__new_register_entries` RENAME TO `register_entries`;
--> statement-breakpoint
INSERT INTO `import_generations` (`election_id`, `dataset`, `active`, `updated_at`)
  SELECT DISTINCT `election_id`, 'register', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `register_entries`;
--> statement-breakpoint
INSERT INTO `import_generations` (`election_id`, `dataset`, `active`, `updated_at`)
  SELECT DISTINCT `election_id`, 'ranges', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `address_ranges`;
--> statement-breakpoint
CREATE TABLE `__new_station_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station_id` integer NOT NULL,
	`kind` text NOT NULL,
	`details` text,
	`details_sealed` text,
	`contact_sealed` text,
	`record_key` text,
	`locale` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_station_reports` (`id`, `station_id`, `kind`, `details`, `contact_sealed`, `locale`, `created_at`, `expires_at`)
  SELECT `id`, `station_id`, `kind`, `details`, `contact_sealed`, `locale`, `created_at`, `expires_at` FROM `station_reports`;
--> statement-breakpoint
DROP TABLE `station_reports`;
--> statement-breakpoint
ALTER TABLE `__new_station_reports` RENAME TO `station_reports`;
--> statement-breakpoint
CREATE INDEX `station_reports_station` ON `station_reports` (`station_id`);
--> statement-breakpoint
CREATE INDEX `station_reports_expiry` ON `station_reports` (`expires_at`);
--> statement-breakpoint
CREATE UNIQUE INDEX `station_reports_record_key` ON `station_reports` (`record_key`);
