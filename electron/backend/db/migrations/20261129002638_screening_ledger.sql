CREATE TABLE `ledger_events` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`item_id` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`username` text,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	FOREIGN KEY (`item_id`) REFERENCES `ledger_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_events_item_idx` ON `ledger_events` (`item_id`,`at`);--> statement-breakpoint
CREATE TABLE `ledger_items` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`item_no` text NOT NULL,
	`source` text NOT NULL,
	`household_id` text NOT NULL,
	`person_id` text,
	`community_id` text NOT NULL,
	`grid_id` text,
	`category` text NOT NULL,
	`urgency` text NOT NULL,
	`immediate` integer DEFAULT false NOT NULL,
	`description` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`registered_at` text NOT NULL,
	`verify_due_at` text NOT NULL,
	`due_at` text NOT NULL,
	`handler_name` text,
	`handler_user_id` text,
	`verification` text,
	`measures` text,
	`result` text,
	`closed_at` text,
	`review_result` text,
	`review_note` text,
	`reviewed_at` text,
	`visit_id` text,
	`watch_id` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_items_status_idx` ON `ledger_items` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `ledger_items_household_idx` ON `ledger_items` (`household_id`);--> statement-breakpoint
CREATE INDEX `ledger_items_closed_idx` ON `ledger_items` (`closed_at`);--> statement-breakpoint
CREATE INDEX `ledger_items_visit_idx` ON `ledger_items` (`visit_id`);--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`item_id` text NOT NULL,
	`department` text NOT NULL,
	`department_note` text,
	`sent_on` text NOT NULL,
	`received_on` text,
	`replied_on` text,
	`reply` text,
	`follow_up_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `ledger_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referrals_item_idx` ON `referrals` (`item_id`);--> statement-breakpoint
CREATE TABLE `watch_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`household_id` text NOT NULL,
	`person_id` text,
	`reason` text NOT NULL,
	`status` text DEFAULT 'watching' NOT NULL,
	`item_id` text,
	`note` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `watch_entries_household_idx` ON `watch_entries` (`household_id`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`household_id` text NOT NULL,
	`grid_id` text,
	`community_id` text NOT NULL,
	`visited_on` text NOT NULL,
	`method` text NOT NULL,
	`visitor_name` text NOT NULL,
	`visitor_user_id` text,
	`situation` text NOT NULL,
	`note` text,
	`round_id` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visits_household_idx` ON `visits` (`household_id`,`visited_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `visits_grid_idx` ON `visits` (`grid_id`,`visited_on`);--> statement-breakpoint
CREATE INDEX `visits_date_idx` ON `visits` (`visited_on`);