-- Which households' last visit changed, in order (issue 15): after a visit the kept due order
-- (services/screening/kept-due-order.ts) reads only the households logged after the last entry it
-- saw, instead of the whole household_last_visit. Local to this PC (never synced): the triggers
-- fire on every connection, so a sync apply on another handle is logged too. AUTOINCREMENT: a seq
-- is never given twice, even once older entries are pruned. Each insert prunes entries more than
-- 4096 behind (LOG_KEPT in kept-due-order.ts): an order further behind reads the whole table.
CREATE TABLE `household_last_visit_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` text NOT NULL
);--> statement-breakpoint
CREATE TRIGGER `household_last_visit_changes_ins` AFTER INSERT ON `household_last_visit` BEGIN
  INSERT INTO household_last_visit_changes (household_id) VALUES (NEW.household_id);
  DELETE FROM household_last_visit_changes WHERE seq <= (SELECT max(seq) FROM household_last_visit_changes) - 4096;
END;--> statement-breakpoint
CREATE TRIGGER `household_last_visit_changes_upd` AFTER UPDATE ON `household_last_visit` BEGIN
  INSERT INTO household_last_visit_changes (household_id) SELECT OLD.household_id WHERE OLD.household_id IS NOT NEW.household_id;
  INSERT INTO household_last_visit_changes (household_id) VALUES (NEW.household_id);
  DELETE FROM household_last_visit_changes WHERE seq <= (SELECT max(seq) FROM household_last_visit_changes) - 4096;
END;--> statement-breakpoint
CREATE TRIGGER `household_last_visit_changes_del` AFTER DELETE ON `household_last_visit` BEGIN
  INSERT INTO household_last_visit_changes (household_id) VALUES (OLD.household_id);
  DELETE FROM household_last_visit_changes WHERE seq <= (SELECT max(seq) FROM household_last_visit_changes) - 4096;
END;
