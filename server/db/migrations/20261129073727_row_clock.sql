-- The one clock of a row whose fields all carry the same clock (and only its fields have clocks),
-- else null: what a snapshot page sends as `clock` instead of a clock per field.
CREATE FUNCTION sync_one_clock(fields jsonb, clocks jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN count(*) > 0 AND count(DISTINCT c.value) = 1 AND bool_and(fields ? c.key)
    AND count(*) = (SELECT count(*) FROM jsonb_object_keys(fields)) THEN min(c.value) END
  FROM jsonb_each_text(clocks) AS c
$$;
--> statement-breakpoint
ALTER TABLE "sync_rows" ADD COLUMN "clock" text GENERATED ALWAYS AS (sync_one_clock(fields, clocks)) STORED;
