-- Full-text search over the registry with the trigram tokenizer, so that any fragment of three or
-- more characters (part of an ID number, a phone, an address, a pinyin spelling) is found through
-- the index. The index rows use the base tables' rowids; triggers keep them current for every
-- write, local or synced. After a VACUUM (which may renumber rowids) the index must be rebuilt
-- (see services/registry/search-index.ts).
CREATE VIRTUAL TABLE `person_search` USING fts5(`body`, tokenize = 'trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE `household_search` USING fts5(`body`, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER `persons_search_ai` AFTER INSERT ON `persons` WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO person_search(rowid, body) VALUES (new.rowid,
    new.name || ' ' || new.name_pinyin || ' ' || new.name_initials || ' ' || new.id_number || ' ' || ifnull(new.phone, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `persons_search_au` AFTER UPDATE OF `name`, `name_pinyin`, `name_initials`, `id_number`, `phone`, `deleted_at` ON `persons` BEGIN
  DELETE FROM person_search WHERE rowid = old.rowid;
  INSERT INTO person_search(rowid, body) SELECT new.rowid,
    new.name || ' ' || new.name_pinyin || ' ' || new.name_initials || ' ' || new.id_number || ' ' || ifnull(new.phone, '')
    WHERE new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `persons_search_ad` AFTER DELETE ON `persons` BEGIN
  DELETE FROM person_search WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `households_search_ai` AFTER INSERT ON `households` WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO household_search(rowid, body) VALUES (new.rowid, new.address || ' ' || ifnull(new.phone, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `households_search_au` AFTER UPDATE OF `address`, `phone`, `deleted_at` ON `households` BEGIN
  DELETE FROM household_search WHERE rowid = old.rowid;
  INSERT INTO household_search(rowid, body) SELECT new.rowid, new.address || ' ' || ifnull(new.phone, '')
    WHERE new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `households_search_ad` AFTER DELETE ON `households` BEGIN
  DELETE FROM household_search WHERE rowid = old.rowid;
END;
