CREATE TABLE `payment_batch_rows` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`batch_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`for_month` text NOT NULL,
	`enrolment_id` text NOT NULL,
	`household_id` text NOT NULL,
	`person_id` text,
	`name` text,
	`id_number` text,
	`community` text NOT NULL,
	`address` text NOT NULL,
	`covered_persons` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`basis` text NOT NULL,
	`figures` text,
	`reason` text,
	`source_ref` text,
	`bank_name` text,
	`bank_account` text,
	FOREIGN KEY (`batch_id`) REFERENCES `payment_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_batch_rows_batch_idx` ON `payment_batch_rows` (`batch_id`,`seq`);--> statement-breakpoint
CREATE INDEX `payment_batch_rows_month_idx` ON `payment_batch_rows` (`enrolment_id`,`for_month`);--> statement-breakpoint
CREATE TABLE `payment_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`programme` text NOT NULL,
	`month` text NOT NULL,
	`status` text NOT NULL,
	`generated_at` text NOT NULL,
	`generated_by` text,
	`confirmed_at` text,
	`confirmed_by` text,
	`paid_at` text,
	`paid_by` text,
	`row_count` integer,
	`total_fen` integer,
	`digest` text,
	`bank_file_digest` text
);
--> statement-breakpoint
CREATE INDEX `payment_batches_month_idx` ON `payment_batches` (`programme`,`month`);