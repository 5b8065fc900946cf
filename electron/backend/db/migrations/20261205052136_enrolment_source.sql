ALTER TABLE `enrolments` ADD `source` text;--> statement-breakpoint
ALTER TABLE `enrolments` ADD `import_confirmed_at` text;--> statement-breakpoint
CREATE INDEX `enrolments_household_programme_idx` ON `enrolments` (`household_id`,`programme`,`status`);