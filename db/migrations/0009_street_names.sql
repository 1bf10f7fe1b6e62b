CREATE TABLE `street_names` (
	`country` text NOT NULL,
	`election_id` text NOT NULL,
	`generation` integer NOT NULL,
	`settlement_search_key` text NOT NULL,
	`search_key` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`country`, `election_id`, `generation`, `settlement_search_key`, `search_key`, `name`)
);
--> statement-breakpoint
-- Added by hand from here, as in 0008: the streets of the ranges already loaded, and the triggers
-- that keep the table in step with `address_ranges` whoever writes them (the importer upserts,
-- and deletes whole generations; a name goes with the last range that carries it). NOT EXISTS,
-- not INSERT OR IGNORE: inside a trigger the outer statement's conflict policy (an upsert's) wins.
INSERT OR IGNORE INTO `street_names` (`country`, `election_id`, `generation`, `settlement_search_key`, `search_key`, `name`)
  SELECT DISTINCT `country`, `election_id`, `generation`, `settlement_search_key`, `street_search_key`, `street` FROM `address_ranges`;--> statement-breakpoint
CREATE TRIGGER `street_names_after_range_insert` AFTER INSERT ON `address_ranges` BEGIN
  INSERT INTO `street_names` (`country`, `election_id`, `generation`, `settlement_search_key`, `search_key`, `name`)
    SELECT NEW.`country`, NEW.`election_id`, NEW.`generation`, NEW.`settlement_search_key`, NEW.`street_search_key`, NEW.`street`
    WHERE NOT EXISTS (SELECT 1 FROM `street_names` WHERE `country` = NEW.`country` AND `election_id` = NEW.`election_id` AND `generation` = NEW.`generation` AND `settlement_search_key` = NEW.`settlement_search_key` AND `search_key` = NEW.`street_search_key` AND `name` = NEW.`street`);
END;--> statement-breakpoint
CREATE TRIGGER `street_names_after_range_update` AFTER UPDATE OF `country`, `election_id`, `generation`, `settlement_search_key`, `street`, `street_search_key` ON `address_ranges` BEGIN
  INSERT INTO `street_names` (`country`, `election_id`, `generation`, `settlement_search_key`, `search_key`, `name`)
    SELECT NEW.`country`, NEW.`election_id`, NEW.`generation`, NEW.`settlement_search_key`, NEW.`street_search_key`, NEW.`street`
    WHERE NOT EXISTS (SELECT 1 FROM `street_names` WHERE `country` = NEW.`country` AND `election_id` = NEW.`election_id` AND `generation` = NEW.`generation` AND `settlement_search_key` = NEW.`settlement_search_key` AND `search_key` = NEW.`street_search_key` AND `name` = NEW.`street`);
  DELETE FROM `street_names`
    WHERE `country` = OLD.`country` AND `election_id` = OLD.`election_id` AND `generation` = OLD.`generation` AND `settlement_search_key` = OLD.`settlement_search_key` AND `search_key` = OLD.`street_search_key` AND `name` = OLD.`street`
      AND NOT EXISTS (SELECT 1 FROM `address_ranges` WHERE `country` = OLD.`country` AND `election_id` = OLD.`election_id` AND `generation` = OLD.`generation` AND `settlement_search_key` = OLD.`settlement_search_key` AND `street_search_key` = OLD.`street_search_key` AND `street` = OLD.`street`);
END;--> statement-breakpoint
CREATE TRIGGER `street_names_after_range_delete` AFTER DELETE ON `address_ranges` BEGIN
  DELETE FROM `street_names`
    WHERE `country` = OLD.`country` AND `election_id` = OLD.`election_id` AND `generation` = OLD.`generation` AND `settlement_search_key` = OLD.`settlement_search_key` AND `search_key` = OLD.`street_search_key` AND `name` = OLD.`street`
      AND NOT EXISTS (SELECT 1 FROM `address_ranges` WHERE `country` = OLD.`country` AND `election_id` = OLD.`election_id` AND `generation` = OLD.`generation` AND `settlement_search_key` = OLD.`settlement_search_key` AND `street_search_key` = OLD.`street_search_key` AND `street` = OLD.`street`);
END;
