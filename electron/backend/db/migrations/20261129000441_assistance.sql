CREATE TABLE `enrolment_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`enrolment_id` text NOT NULL,
	`step` text NOT NULL,
	`at` text NOT NULL,
	`username` text,
	`note` text,
	`detail` text,
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enrolment_steps_enrolment_idx` ON `enrolment_steps` (`enrolment_id`,`at`);--> statement-breakpoint
CREATE TABLE `enrolments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`programme` text NOT NULL,
	`household_id` text NOT NULL,
	`person_id` text,
	`status` text NOT NULL,
	`covered_persons` integer DEFAULT 1 NOT NULL,
	`per_capita_income_fen` integer,
	`start_month` text,
	`end_month` text,
	`fixed_amount_fen` integer,
	`public_from` text,
	`public_to` text,
	`notes` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enrolments_household_idx` ON `enrolments` (`household_id`);--> statement-breakpoint
CREATE INDEX `enrolments_person_idx` ON `enrolments` (`person_id`);--> statement-breakpoint
CREATE INDEX `enrolments_programme_idx` ON `enrolments` (`programme`,`status`);--> statement-breakpoint
CREATE TABLE `income_rise_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`enrolment_id` text NOT NULL,
	`report_month` text NOT NULL,
	`input` text NOT NULL,
	`kind` text NOT NULL,
	`monthly_amount_fen` integer,
	`schedule` text,
	`exit_month` text,
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `income_rise_enrolment_idx` ON `income_rise_decisions` (`enrolment_id`);--> statement-breakpoint
CREATE TABLE `temporary_assistance` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`household_id` text NOT NULL,
	`person_id` text,
	`type` text NOT NULL,
	`reason` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`received_at` text NOT NULL,
	`approver` text NOT NULL,
	`approve_first` integer NOT NULL,
	`deadline` text,
	`standard_fen` integer NOT NULL,
	`status` text NOT NULL,
	`approved_at` text,
	`approved_by` text,
	`paid_at` text,
	`referral` text,
	`decision_note` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `temporary_status_idx` ON `temporary_assistance` (`status`);--> statement-breakpoint
CREATE INDEX `temporary_household_idx` ON `temporary_assistance` (`household_id`);