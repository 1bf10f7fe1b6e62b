CREATE TABLE `address_ranges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station_id` integer NOT NULL,
	`country` text NOT NULL,
	`election_id` text NOT NULL,
	`settlement_key` text NOT NULL,
	`street` text NOT NULL,
	`street_key` text NOT NULL,
	`from_number` integer NOT NULL,
	`to_number` integer NOT NULL,
	`parity` text NOT NULL,
	`source` text NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `address_ranges_natural_key` ON `address_ranges` (`country`,`election_id`,`settlement_key`,`street_key`,`from_number`,`to_number`,`parity`);--> statement-breakpoint
CREATE INDEX `address_ranges_street` ON `address_ranges` (`country`,`election_id`,`settlement_key`,`street_key`);--> statement-breakpoint
CREATE TABLE `register_entries` (
	`election_id` text NOT NULL,
	`id_hash` text NOT NULL,
	`station_id` integer NOT NULL,
	PRIMARY KEY(`election_id`, `id_hash`),
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `station_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station_id` integer NOT NULL,
	`kind` text NOT NULL,
	`details` text NOT NULL,
	`contact_sealed` text,
	`locale` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `station_reports_station` ON `station_reports` (`station_id`);--> statement-breakpoint
CREATE INDEX `station_reports_expiry` ON `station_reports` (`expires_at`);--> statement-breakpoint
CREATE TABLE `stations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`country` text NOT NULL,
	`election_id` text NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`settlement` text NOT NULL,
	`settlement_key` text NOT NULL,
	`district` text NOT NULL,
	`constituency` text NOT NULL,
	`lat` real,
	`lon` real,
	`step_free` integer,
	`mobile` integer DEFAULT false NOT NULL,
	`source` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stations_natural_key` ON `stations` (`country`,`election_id`,`number`);--> statement-breakpoint
CREATE INDEX `stations_settlement` ON `stations` (`country`,`election_id`,`settlement_key`);--> statement-breakpoint
CREATE INDEX `stations_position` ON `stations` (`country`,`lat`,`lon`);