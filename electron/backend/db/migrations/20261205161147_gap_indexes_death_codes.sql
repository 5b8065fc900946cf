ALTER TABLE `care_agreements` ADD `termination_code` text;--> statement-breakpoint
ALTER TABLE `care_cards` ADD `end_code` text;--> statement-breakpoint
ALTER TABLE `ledger_items` ADD `origin` text;--> statement-breakpoint
CREATE INDEX `households_child_category_idx` ON `households` (`street_code`) WHERE deleted_at IS NULL AND (categories LIKE '%"orphan"%' OR categories LIKE '%"unsupported-child"%');--> statement-breakpoint
CREATE INDEX `persons_certificate_idx` ON `persons` (`street_code`) WHERE deleted_at IS NULL AND disability_category IS NOT NULL AND disability_grade IS NOT NULL;--> statement-breakpoint
CREATE INDEX `persons_died_idx` ON `persons` (`household_id`,`died_on`) WHERE died_on IS NOT NULL;--> statement-breakpoint
CREATE INDEX `persons_household_street_idx` ON `persons` (`household_id`,`street_code`) WHERE deleted_at IS NULL;--> statement-breakpoint
-- Rows a recorded death wrote before these codes, known by the exact form death-stop.ts gave them.
UPDATE `ledger_items` SET `origin` = 'death-review' WHERE `origin` IS NULL AND `source` = 'department' AND EXISTS (
  SELECT 1 FROM `persons` p WHERE p.id = `ledger_items`.`person_id` AND p.died_on IS NOT NULL
    AND substr(`ledger_items`.`description`, 1, length('死亡后复核：' || p.name || '于 ' || p.died_on || ' 死亡')) = '死亡后复核：' || p.name || '于 ' || p.died_on || ' 死亡'
);--> statement-breakpoint
UPDATE `care_agreements` SET `termination_code` = 'death' WHERE `termination_code` IS NULL AND `status` = 'terminated' AND `termination_reason` = '死亡' AND EXISTS (
  SELECT 1 FROM `persons` p WHERE p.id = `care_agreements`.`person_id` AND p.died_on IS NOT NULL AND `care_agreements`.`terminated_date` = max(p.died_on, `care_agreements`.`start_date`)
);--> statement-breakpoint
UPDATE `care_cards` SET `end_code` = 'death' WHERE `end_code` IS NULL AND `status` = 'cancelled' AND `end_reason` = '死亡' AND EXISTS (
  SELECT 1 FROM `persons` p WHERE p.id = `care_cards`.`person_id` AND p.died_on IS NOT NULL AND `care_cards`.`ended_date` = max(p.died_on, `care_cards`.`valid_from`)
);
