CREATE TABLE `settlement_names` (
	`country` text NOT NULL,
	`election_id` text NOT NULL,
	`search_key` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`country`, `election_id`, `search_key`, `name`)
);
--> statement-breakpoint
-- Added by hand from here: the names of the stations already loaded, and the triggers that keep
-- the table in step with `stations` whoever writes them (the importer upserts, so an update
-- can change a station's settlement; a name goes when its last station does). NOT EXISTS, not
-- INSERT OR IGNORE: inside a trigger the outer statement's conflict policy (an upsert's) wins.
INSERT OR IGNORE INTO `settlement_names` (`country`, `election_id`, `search_key`, `name`)
  SELECT DISTINCT `country`, `election_id`, `settlement_search_key`, `settlement` FROM `stations`;--> statement-breakpoint
CREATE TRIGGER `settlement_names_after_station_insert` AFTER INSERT ON `stations` BEGIN
  INSERT INTO `settlement_names` (`country`, `election_id`, `search_key`, `name`)
    SELECT NEW.`country`, NEW.`election_id`, NEW.`settlement_search_key`, NEW.`settlement`
    WHERE NOT EXISTS (SELECT 1 FROM `settlement_names` WHERE `country` = NEW.`country` AND `election_id` = NEW.`election_id` AND `search_key` = NEW.`settlement_search_key` AND `name` = NEW.`settlement`);
END;--> statement-breakpoint
CREATE TRIGGER `settlement_names_after_station_update` AFTER UPDATE OF `country`, `election_id`, `settlement`, `settlement_search_key` ON `stations` BEGIN
  INSERT INTO `settlement_names` (`country`, `election_id`, `search_key`, `name`)
    SELECT NEW.`country`, NEW.`election_id`, NEW.`settlement_search_key`, NEW.`settlement`
    WHERE NOT EXISTS (SELECT 1 FROM `settlement_names` WHERE `country` = NEW.`country` AND `election_id` = NEW.`election_id` AND `search_key` = NEW.`settlement_search_key` AND `name` = NEW.`settlement`);
  DELETE FROM `settlement_names`
    WHERE `country` = OLD.`country` AND `election_id` = OLD.`election_id` AND `search_key` = OLD.`settlement_search_key` AND `name` = OLD.`settlement`
      AND NOT EXISTS (SELECT 1 FROM `stations` WHERE `country` = OLD.`country` AND `election_id` = OLD.`election_id` AND `settlement_search_key` = OLD.`settlement_search_key` AND `settlement` = OLD.`settlement`);
END;--> statement-breakpoint
CREATE TRIGGER `settlement_names_after_station_delete` AFTER DELETE ON `stations` BEGIN
  DELETE FROM `settlement_names`
    WHERE `country` = OLD.`country` AND `election_id` = OLD.`election_id` AND `search_key` = OLD.`settlement_search_key` AND `name` = OLD.`settlement`
      AND NOT EXISTS (SELECT 1 FROM `stations` WHERE `country` = OLD.`country` AND `election_id` = OLD.`election_id` AND `settlement_search_key` = OLD.`settlement_search_key` AND `settlement` = OLD.`settlement`);
END;
