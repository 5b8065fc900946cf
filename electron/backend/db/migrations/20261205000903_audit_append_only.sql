-- Audit events are append-only (as at the district server): no statement may change a stored one's
-- fields or delete it. An UPDATE that writes the same values (a repeated remote row) is let through.
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events`
WHEN OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at
  OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.street_code IS NOT NEW.street_code OR OLD.at IS NOT NEW.at
  OR OLD.user_id IS NOT NEW.user_id OR OLD.username IS NOT NEW.username OR OLD.action IS NOT NEW.action
  OR OLD.entity IS NOT NEW.entity OR OLD.entity_id IS NOT NEW.entity_id OR OLD.summary IS NOT NEW.summary
  OR OLD.detail IS NOT NEW.detail
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events`
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
