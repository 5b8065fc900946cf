CREATE TABLE `circulars` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`month` text NOT NULL,
	`title` text NOT NULL,
	`doc_number` text NOT NULL,
	`body` text NOT NULL,
	`streets` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`published_at` text,
	`published_by` text
);
--> statement-breakpoint
CREATE INDEX `circulars_month_idx` ON `circulars` (`month`);--> statement-breakpoint
CREATE TABLE `report_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`payload` text NOT NULL,
	`reason` text,
	`submitted_at` text NOT NULL,
	`submitted_by` text NOT NULL,
	`submitted_by_name` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_submissions_month_idx` ON `report_submissions` (`month`,`street_code`,`version`);