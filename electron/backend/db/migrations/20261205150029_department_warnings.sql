CREATE TABLE `department_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`source` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`period_start_on` text NOT NULL,
	`period_end_on` text NOT NULL,
	`row_count` integer NOT NULL,
	`matched_count` integer NOT NULL,
	`unmatched_count` integer NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` text NOT NULL,
	`imported_by_name` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `department_imports_sha_idx` ON `department_imports` (`file_sha256`);--> statement-breakpoint
CREATE INDEX `department_imports_source_idx` ON `department_imports` (`source`,`imported_at`);--> statement-breakpoint
CREATE TABLE `department_records` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`import_id` text NOT NULL,
	`source` text NOT NULL,
	`person_id` text NOT NULL,
	`household_id` text NOT NULL,
	`id_number` text NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	`facts` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `department_records_person_idx` ON `department_records` (`person_id`,`source`,`start_on`);--> statement-breakpoint
CREATE INDEX `department_records_import_idx` ON `department_records` (`import_id`);--> statement-breakpoint
CREATE TABLE `warnings` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`household_id` text NOT NULL,
	`person_id` text NOT NULL,
	`rule` text NOT NULL,
	`rule_version` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`trigger` text NOT NULL,
	`record_ids` text NOT NULL,
	`raised_at` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text NOT NULL,
	`disposition` text,
	`disposition_reason` text,
	`ledger_item_id` text,
	`disposed_at` text,
	`disposed_by` text,
	`disposed_by_name` text
);
--> statement-breakpoint
CREATE INDEX `warnings_dedupe_idx` ON `warnings` (`street_code`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `warnings_status_idx` ON `warnings` (`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `warnings_household_idx` ON `warnings` (`household_id`,`status`);