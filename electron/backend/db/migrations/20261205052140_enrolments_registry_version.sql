-- A household's programme categories come from its enrolments (one truth): the screening cadence cache is keyed on this version.
CREATE TRIGGER `enrolments_version_ins` AFTER INSERT ON `enrolments` BEGIN UPDATE screening_registry_version SET n = n + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `enrolments_version_upd` AFTER UPDATE OF `status`, `programme`, `household_id`, `deleted_at` ON `enrolments` BEGIN UPDATE screening_registry_version SET n = n + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `enrolments_version_del` AFTER DELETE ON `enrolments` BEGIN UPDATE screening_registry_version SET n = n + 1 WHERE id = 1; END;
