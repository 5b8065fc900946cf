CREATE TABLE "intake_clues" (
	"external_id" text PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"street_code" text NOT NULL,
	"item_id" text NOT NULL,
	"item_no" text NOT NULL,
	"due_at" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "intake_keys_key_hash_unique" UNIQUE("key_hash")
);
