CREATE TABLE "bundle_imports" (
	"device_id" text NOT NULL,
	"seq" integer NOT NULL,
	"digest" text NOT NULL,
	"created_at" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"result" jsonb NOT NULL,
	CONSTRAINT "bundle_imports_device_id_seq_pk" PRIMARY KEY("device_id","seq")
);
