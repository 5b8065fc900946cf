CREATE TABLE `sync_pending` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`partition` text NOT NULL,
	`value` text NOT NULL,
	`hlc` text NOT NULL,
	`reason` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`, `field`)
);
--> statement-breakpoint
CREATE TABLE `sync_rejections` (
	`hlc` text PRIMARY KEY NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`code` text NOT NULL,
	`message` text NOT NULL,
	`field` text,
	`fields` text NOT NULL,
	`at` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `sync_rejections_open_idx` ON `sync_rejections` (`resolved_at`,`at`);