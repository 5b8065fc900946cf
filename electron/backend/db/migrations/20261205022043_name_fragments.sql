-- One- and two-character name fragments (a given name 淑兰 of 耿淑兰, a middle character 建):
-- the trigram index of 20261128234059_search_index.sql needs three characters. For each live
-- person, every character of the name after the first is posted once under the person's rowid
-- (the first character is found by the name index, persons_name_idx, as a prefix). A fragment
-- of two is looked up as both characters' postings joined, then checked against the name
-- (services/registry/search.ts). WITHOUT ROWID keeps one small B-tree (character, rowid): about
-- two rows per person. Kept by triggers on every write, local or synced, deferral or not (plain
-- B-tree writes do not pay FTS5's per-statement flush). Like the trigram index it rests on
-- persons' rowids: a VACUUM that renumbers them needs the index rebuilt.
CREATE TABLE `person_name_chars` (
	`ch` text NOT NULL,
	`person` integer NOT NULL,
	`household` integer NOT NULL,
	PRIMARY KEY (`ch`, `person`)
) WITHOUT ROWID;--> statement-breakpoint
-- Positions 2..64 of a name (names are at most 30 characters; 64 leaves room for synced data).
CREATE TRIGGER `persons_name_chars_ai` AFTER INSERT ON `persons` WHEN new.deleted_at IS NULL BEGIN
  INSERT OR IGNORE INTO person_name_chars (ch, person, household)
    SELECT substr(new.name, k.value, 1), new.rowid, h.rowid FROM json_each('[2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64]') k, households h
    WHERE h.id = new.household_id AND k.value <= length(new.name);
END;--> statement-breakpoint
CREATE TRIGGER `persons_name_chars_au` AFTER UPDATE OF `name`, `deleted_at`, `household_id` ON `persons`
  WHEN old.name IS NOT new.name OR old.deleted_at IS NOT new.deleted_at OR old.household_id IS NOT new.household_id BEGIN
  DELETE FROM person_name_chars WHERE person = old.rowid AND ch IN (
    SELECT substr(old.name, k.value, 1) FROM json_each('[2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64]') k
    WHERE k.value <= length(old.name));
  INSERT OR IGNORE INTO person_name_chars (ch, person, household)
    SELECT substr(new.name, k.value, 1), new.rowid, h.rowid FROM json_each('[2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64]') k, households h
    WHERE new.deleted_at IS NULL AND h.id = new.household_id AND k.value <= length(new.name);
END;--> statement-breakpoint
CREATE TRIGGER `persons_name_chars_ad` AFTER DELETE ON `persons` BEGIN
  DELETE FROM person_name_chars WHERE person = old.rowid AND ch IN (
    SELECT substr(old.name, k.value, 1) FROM json_each('[2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64]') k
    WHERE k.value <= length(old.name));
END;--> statement-breakpoint
-- Existing persons.
INSERT OR IGNORE INTO person_name_chars (ch, person, household)
  SELECT substr(p.name, k.value, 1), p.rowid, h.rowid FROM persons p JOIN households h ON h.id = p.household_id, json_each('[2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64]') k
  WHERE p.deleted_at IS NULL AND k.value <= length(p.name);
