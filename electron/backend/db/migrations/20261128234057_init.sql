CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`username` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`summary` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_events` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `change_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hlc` text NOT NULL,
	`node_id` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`partition` text NOT NULL,
	`fields` text NOT NULL,
	`pushed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `change_log_hlc_unique` ON `change_log` (`hlc`);--> statement-breakpoint
CREATE INDEX `change_log_unpushed_idx` ON `change_log` (`pushed_at`,`seq`);--> statement-breakpoint
CREATE TABLE `communities` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'community' NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `communities_street_idx` ON `communities` (`street_code`);--> statement-breakpoint
CREATE TABLE `field_clocks` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`hlc` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`, `field`)
);
--> statement-breakpoint
CREATE TABLE `grids` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`community_id` text NOT NULL,
	`name` text NOT NULL,
	`worker_name` text,
	`worker_phone` text,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `grids_community_idx` ON `grids` (`community_id`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`community_id` text NOT NULL,
	`grid_id` text,
	`address` text NOT NULL,
	`hukou_type` text NOT NULL,
	`phone` text,
	`bank_name` text,
	`bank_account` text,
	`account_holder` text,
	`categories` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`notes` text,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `households_community_idx` ON `households` (`community_id`);--> statement-breakpoint
CREATE INDEX `households_grid_idx` ON `households` (`grid_id`);--> statement-breakpoint
CREATE INDEX `households_status_idx` ON `households` (`status`);--> statement-breakpoint
CREATE INDEX `households_updated_idx` ON `households` (`updated_at`);--> statement-breakpoint
CREATE TABLE `local_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`username` text PRIMARY KEY NOT NULL,
	`failed_count` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`last_failed_at` text
);
--> statement-breakpoint
CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`household_id` text NOT NULL,
	`relation` text NOT NULL,
	`name` text NOT NULL,
	`name_pinyin` text NOT NULL,
	`name_initials` text NOT NULL,
	`id_number` text NOT NULL,
	`sex` text NOT NULL,
	`birth_date` text NOT NULL,
	`ethnicity` text,
	`marital_status` text,
	`health` text DEFAULT 'healthy' NOT NULL,
	`disability_category` text,
	`disability_grade` text,
	`self_care` text DEFAULT 'full' NOT NULL,
	`labour_capacity` text,
	`employment` text,
	`incomes` text DEFAULT '[]' NOT NULL,
	`phone` text,
	`notes` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `persons_household_idx` ON `persons` (`household_id`);--> statement-breakpoint
CREATE INDEX `persons_name_idx` ON `persons` (`name`);--> statement-breakpoint
CREATE INDEX `persons_initials_idx` ON `persons` (`name_initials`);--> statement-breakpoint
CREATE INDEX `persons_pinyin_idx` ON `persons` (`name_pinyin`);--> statement-breakpoint
CREATE UNIQUE INDEX `persons_active_id_number_uq` ON `persons` (`id_number`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `policy_params` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`effective_from` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `policy_params_key_idx` ON `policy_params` (`key`,`effective_from`);--> statement-breakpoint
CREATE TABLE `streets` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`office_name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `streets_code_unique` ON `streets` (`code`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`phone` text,
	`disabled` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);