PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_lookup_outcomes` (
	`day` text NOT NULL,
	`outcome` text NOT NULL,
	`channel` text DEFAULT 'web' NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`day`, `outcome`, `channel`)
);
--> statement-breakpoint
INSERT INTO `__new_lookup_outcomes`("day", "outcome", "count") SELECT "day", "outcome", "count" FROM `lookup_outcomes`;--> statement-breakpoint
DROP TABLE `lookup_outcomes`;--> statement-breakpoint
ALTER TABLE `__new_lookup_outcomes` RENAME TO `lookup_outcomes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;