CREATE TABLE `care_agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`person_id` text NOT NULL,
	`caregiver_id` text NOT NULL,
	`has_party_c` integer DEFAULT true NOT NULL,
	`guardian_name` text,
	`guardian_id_number` text,
	`guardian_relation` text,
	`guardian_phone` text,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`services` text DEFAULT '[]' NOT NULL,
	`visit_interval_days` integer NOT NULL,
	`care_level` text NOT NULL,
	`subsidy_fen` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`signed_date` text,
	`terminated_date` text,
	`termination_reason` text,
	`template` text NOT NULL,
	`template_effective_from` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`caregiver_id`) REFERENCES `caregivers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `care_agreements_person_idx` ON `care_agreements` (`person_id`);--> statement-breakpoint
CREATE INDEX `care_agreements_caregiver_idx` ON `care_agreements` (`caregiver_id`);--> statement-breakpoint
CREATE TABLE `care_cards` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`person_id` text NOT NULL,
	`agreement_id` text,
	`card_number` text NOT NULL,
	`issued_date` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`service_items` text DEFAULT '[]' NOT NULL,
	`visit_interval_days` integer,
	`hotline` text,
	`street_contact` text,
	`street_phone` text,
	`ended_date` text,
	`end_reason` text,
	`replaces_id` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `care_agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `care_cards_person_idx` ON `care_cards` (`person_id`);--> statement-breakpoint
CREATE INDEX `care_cards_number_idx` ON `care_cards` (`card_number`);--> statement-breakpoint
CREATE INDEX `care_cards_issued_idx` ON `care_cards` (`issued_date`);--> statement-breakpoint
CREATE TABLE `care_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`person_id` text NOT NULL,
	`contacts` text DEFAULT '[]' NOT NULL,
	`hospital` text,
	`hospital_phone` text,
	`conditions` text,
	`actions` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `care_plans_person_idx` ON `care_plans` (`person_id`);--> statement-breakpoint
CREATE TABLE `care_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`person_id` text NOT NULL,
	`self_care_met` text,
	`self_care_level` text,
	`care_level` text,
	`assessed_date` text,
	`health` text,
	`risks` text,
	`needs` text,
	`supply_mode` text DEFAULT 'home' NOT NULL,
	`transfer_date` text,
	`transfer_institution` text,
	`transfer_reason` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `care_profiles_person_idx` ON `care_profiles` (`person_id`);--> statement-breakpoint
CREATE TABLE `care_visits` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`person_id` text NOT NULL,
	`visit_date` text NOT NULL,
	`visitor_kind` text NOT NULL,
	`visitor_name` text NOT NULL,
	`org_name` text,
	`method` text DEFAULT 'home' NOT NULL,
	`services` text DEFAULT '[]' NOT NULL,
	`content` text NOT NULL,
	`findings` text,
	`care_failed` integer DEFAULT false NOT NULL,
	`conditions_poor` integer DEFAULT false NOT NULL,
	`no_other_carer` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `care_visits_person_idx` ON `care_visits` (`person_id`,`visit_date`);--> statement-breakpoint
CREATE TABLE `caregivers` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`street_code` text NOT NULL,
	`name` text NOT NULL,
	`id_number` text NOT NULL,
	`relation` text NOT NULL,
	`phone` text NOT NULL,
	`address` text,
	`notes` text
);
--> statement-breakpoint
CREATE INDEX `caregivers_id_number_idx` ON `caregivers` (`id_number`);--> statement-breakpoint
CREATE INDEX `caregivers_name_idx` ON `caregivers` (`name`);