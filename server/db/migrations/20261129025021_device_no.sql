ALTER TABLE "devices" ADD COLUMN "device_no" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "devices_partition_no_uq" ON "devices" USING btree ("partition","device_no");