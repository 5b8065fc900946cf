-- Deferred search indexing for bulk writes (a sync page, the snapshot of a new PC, an import).
-- FTS5 writes its pending index data to disk at every statement savepoint, so an index row added
-- by a per-row trigger costs a tiny segment and merge work each: bench sync-bootstrap spent more
-- time in the search index than in everything else SQLite did. While search_index_state.deferred
-- is 1 (set only inside a write transaction, store/search-index.ts), the triggers below only note
-- the row in search_index_dirty, and the same transaction indexes the noted rows in one statement
-- per table before it clears the flag. The index text is the same as the triggers' (a test checks).
CREATE TABLE `search_index_state` (
	`id` integer PRIMARY KEY NOT NULL CHECK (id = 1),
	`deferred` integer NOT NULL DEFAULT 0
);--> statement-breakpoint
INSERT INTO `search_index_state` (id, deferred) VALUES (1, 0);--> statement-breakpoint
CREATE TABLE `search_index_dirty` (
	`table_name` text NOT NULL,
	`row` integer NOT NULL,
	PRIMARY KEY (`table_name`, `row`)
) WITHOUT ROWID;--> statement-breakpoint
DROP TRIGGER `persons_search_ai`;--> statement-breakpoint
DROP TRIGGER `persons_search_au`;--> statement-breakpoint
DROP TRIGGER `persons_search_ad`;--> statement-breakpoint
DROP TRIGGER `households_search_ai`;--> statement-breakpoint
DROP TRIGGER `households_search_au`;--> statement-breakpoint
DROP TRIGGER `households_search_ad`;--> statement-breakpoint
CREATE TRIGGER `persons_search_ai` AFTER INSERT ON `persons`
  WHEN new.deleted_at IS NULL AND (SELECT deferred FROM search_index_state WHERE id = 1) = 0 BEGIN
  INSERT INTO person_search(rowid, body) VALUES (new.rowid,
    new.name || ' ' || new.name_pinyin || ' ' || new.name_initials || ' ' || new.id_number || ' ' || ifnull(new.phone, ''));
END;--> statement-breakpoint
CREATE TRIGGER `persons_search_au` AFTER UPDATE OF `name`, `name_pinyin`, `name_initials`, `id_number`, `phone`, `deleted_at` ON `persons`
  WHEN (SELECT deferred FROM search_index_state WHERE id = 1) = 0 BEGIN
  DELETE FROM person_search WHERE rowid = old.rowid;
  INSERT INTO person_search(rowid, body) SELECT new.rowid,
    new.name || ' ' || new.name_pinyin || ' ' || new.name_initials || ' ' || new.id_number || ' ' || ifnull(new.phone, '')
    WHERE new.deleted_at IS NULL;
END;--> statement-breakpoint
CREATE TRIGGER `persons_search_ad` AFTER DELETE ON `persons`
  WHEN (SELECT deferred FROM search_index_state WHERE id = 1) = 0 BEGIN
  DELETE FROM person_search WHERE rowid = old.rowid;
END;--> statement-breakpoint
CREATE TRIGGER `persons_search_deferred_ai` AFTER INSERT ON `persons`
  WHEN (SELECT deferred FROM search_index_state WHERE id = 1) = 1 BEGIN
  INSERT OR IGNORE INTO search_index_dirty (table_name, row) VALUES ('persons', new.rowid);
END;--> statement-breakpoint
CREATE TRIGGER `persons_search_deferred_au` AFTER UPDATE OF `name`, `name_pinyin`, `name_initials`, `id_number`, `phone`, `deleted_at` ON `persons`
  WHEN (SELECT deferred FROM search_index_state WHERE id = 1) = 1 BEGIN
  INSERT OR IGNORE INTO search_index_dirty (table_name, row) VALUES ('persons', new.rowid);
END;--> statement-breakpoint
CREATE TRIGGER `persons_search_deferred_ad` AFTER DELETE ON `persons`
  WHEN (SELECT deferred FROM search_index_state WHERE id = 1) = 1 BEGIN
  INSERT OR IGNORE INTO search_index_dirty (table_name, row) VALUES ('persons', old.rowid);
END;--> statement-breakpoint
CREATE TRIGGER `households_search_ai` AFTER INSERT ON `households`
  WHEN new.deleted_at IS NULL AND (SELECT deferred FROM search_index_state WHERE id = 1) = 0 BEGIN
  INSERT INTO household_search(rowid, body) VALUES (new.rowid, new.address || ' ' || ifnull(new.phone, ''));
END;--> statement-breakpoint
CREATE TRIGGER `households_search_au` AFTER UPDATE OF `address`, `phone`, `deleted_at` ON `households`
  WHEN (SELECT deferred FROM search_index_state WHERE id = 1) = 0 BEGIN
  DELETE FROM household_search WHERE rowid = old.rowid;
  INSERT INTO household_search(rowid, body) SELECT new.rowid, new.address || ' ' || ifnull(new.phone, '')
    WHERE new.deleted_at IS NULL;
END;--> statement-breakpoint
CREATE TRIGGER `households_search_ad` AFTER DELETE ON `households`
  WHEN (SELECT deferred FROM search_index_state WHERE id = 1) = 0 BEGIN
  DELETE FROM household_search WHERE rowid = old.rowid;
END;--> statement-breakpoint
CREATE TRIGGER `households_search_deferred_ai` AFTER INSERT ON `households`
  WHEN (SELECT deferred FROM search_index_state WHERE id = 1) = 1 BEGIN
  INSERT OR IGNORE INTO search_index_dirty (table_name, row) VALUES ('households', new.rowid);
END;--> statement-breakpoint
CREATE TRIGGER `households_search_deferred_au` AFTER UPDATE OF `address`, `phone`, `deleted_at` ON `households`
  WHEN (SELECT deferred FROM search_index_state WHERE id = 1) = 1 BEGIN
  INSERT OR IGNORE INTO search_index_dirty (table_name, row) VALUES ('households', new.rowid);
END;--> statement-breakpoint
CREATE TRIGGER `households_search_deferred_ad` AFTER DELETE ON `households`
  WHEN (SELECT deferred FROM search_index_state WHERE id = 1) = 1 BEGIN
  INSERT OR IGNORE INTO search_index_dirty (table_name, row) VALUES ('households', old.rowid);
END;
