CREATE TABLE "devices" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"scope_kind" text NOT NULL,
	"partition" text NOT NULL,
	"node" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	CONSTRAINT "devices_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "enrollment_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"scope_kind" text NOT NULL,
	"partition" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"device_id" text
);
--> statement-breakpoint
CREATE TABLE "server_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"node" text NOT NULL,
	"hlc" text NOT NULL,
	"table_name" text NOT NULL,
	"row_id" text NOT NULL,
	"partition" text NOT NULL,
	"fields" jsonb NOT NULL,
	"device_id" text,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_rows" (
	"table_name" text NOT NULL,
	"row_id" text NOT NULL,
	"partition" text NOT NULL,
	"fields" jsonb NOT NULL,
	"clocks" jsonb NOT NULL,
	"seq" bigint NOT NULL,
	CONSTRAINT "sync_rows_table_name_row_id_pk" PRIMARY KEY("table_name","row_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sync_changes_node_hlc_uq" ON "sync_changes" USING btree ("node","hlc");--> statement-breakpoint
CREATE INDEX "sync_changes_partition_seq_idx" ON "sync_changes" USING btree ("partition","seq");--> statement-breakpoint
CREATE INDEX "sync_rows_partition_idx" ON "sync_rows" USING btree ("partition","table_name","row_id");