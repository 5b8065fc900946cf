ALTER TABLE `temporary_assistance` ADD `papers_owed` text;--> statement-breakpoint
ALTER TABLE `temporary_assistance` ADD `papers_due_on` text;--> statement-breakpoint
ALTER TABLE `temporary_assistance` ADD `papers_completed_at` text;