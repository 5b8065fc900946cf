CREATE TABLE `left_behind_records` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`person_id` text NOT NULL,
	`household_id` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`reason_note` text,
	`away_members` text NOT NULL,
	`guardian_name` text,
	`guardian_relation` text,
	`guardian_phone` text,
	`school` text,
	`living_arrangement` text,
	`notes` text,
	`opened_on` text NOT NULL,
	`last_updated_on` text NOT NULL,
	`closed_on` text,
	`close_reason` text,
	`close_note` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `left_behind_person_idx` ON `left_behind_records` (`person_id`,`kind`);--> statement-breakpoint
CREATE INDEX `left_behind_street_idx` ON `left_behind_records` (`street_code`,`closed_on`);