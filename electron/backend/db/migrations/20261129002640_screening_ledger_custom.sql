-- Derived, local-only helpers of the screening due lists, kept exact by triggers (they fire for
-- local writes and for changes applied by sync alike).
-- 1. Each household's latest live visit, so a due list reads 4,000 rows instead of seeking 500,000 visits.
CREATE TABLE `household_last_visit` (
	`household_id` text PRIMARY KEY NOT NULL,
	`last_visited_on` text NOT NULL
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `household_last_visit` (household_id, last_visited_on)
  SELECT household_id, max(visited_on) FROM visits WHERE deleted_at IS NULL GROUP BY household_id;--> statement-breakpoint
CREATE TRIGGER `visits_last_visit_ins` AFTER INSERT ON `visits` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO household_last_visit (household_id, last_visited_on) VALUES (NEW.household_id, NEW.visited_on)
    ON CONFLICT(household_id) DO UPDATE SET last_visited_on = max(last_visited_on, excluded.last_visited_on);
END;--> statement-breakpoint
CREATE TRIGGER `visits_last_visit_upd` AFTER UPDATE OF deleted_at, visited_on, household_id ON `visits` BEGIN
  DELETE FROM household_last_visit WHERE household_id IN (OLD.household_id, NEW.household_id);
  INSERT INTO household_last_visit (household_id, last_visited_on)
    SELECT household_id, max(visited_on) FROM visits
    WHERE household_id IN (OLD.household_id, NEW.household_id) AND deleted_at IS NULL GROUP BY household_id;
END;--> statement-breakpoint
-- 2. A counter bumped by every change to households or persons: the in-memory cadence cache is
-- valid while it is unchanged.
CREATE TABLE `screening_registry_version` (
	`id` integer PRIMARY KEY NOT NULL CHECK (id = 1),
	`n` integer NOT NULL
);--> statement-breakpoint
INSERT INTO `screening_registry_version` (id, n) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `households_version_ins` AFTER INSERT ON `households` BEGIN UPDATE screening_registry_version SET n = n + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `households_version_upd` AFTER UPDATE ON `households` BEGIN UPDATE screening_registry_version SET n = n + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `households_version_del` AFTER DELETE ON `households` BEGIN UPDATE screening_registry_version SET n = n + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `persons_version_ins` AFTER INSERT ON `persons` BEGIN UPDATE screening_registry_version SET n = n + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `persons_version_upd` AFTER UPDATE ON `persons` BEGIN UPDATE screening_registry_version SET n = n + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `persons_version_del` AFTER DELETE ON `persons` BEGIN UPDATE screening_registry_version SET n = n + 1 WHERE id = 1; END;
