-- A submitted monthly report (报送, issue 15) is frozen: no statement may change a stored one's fields
-- or delete it (a correction is a new version). A published 通报 is frozen likewise. An UPDATE that
-- writes the same values (a repeated remote row) is let through, as for audit_events.
CREATE TRIGGER `report_submissions_no_update` BEFORE UPDATE ON `report_submissions`
WHEN OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at
  OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.street_code IS NOT NEW.street_code OR OLD.month IS NOT NEW.month
  OR OLD.kind IS NOT NEW.kind OR OLD.version IS NOT NEW.version OR OLD.payload IS NOT NEW.payload
  OR OLD.reason IS NOT NEW.reason OR OLD.submitted_at IS NOT NEW.submitted_at OR OLD.submitted_by IS NOT NEW.submitted_by
  OR OLD.submitted_by_name IS NOT NEW.submitted_by_name
BEGIN
  SELECT RAISE(ABORT, 'report_submissions are frozen');
END;--> statement-breakpoint
CREATE TRIGGER `report_submissions_no_delete` BEFORE DELETE ON `report_submissions`
BEGIN
  SELECT RAISE(ABORT, 'report_submissions are frozen');
END;--> statement-breakpoint
CREATE TRIGGER `circulars_published_frozen` BEFORE UPDATE ON `circulars`
WHEN OLD.status = 'published' AND (
  OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at
  OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.street_code IS NOT NEW.street_code OR OLD.month IS NOT NEW.month
  OR OLD.title IS NOT NEW.title OR OLD.doc_number IS NOT NEW.doc_number OR OLD.body IS NOT NEW.body
  OR OLD.streets IS NOT NEW.streets OR OLD.status IS NOT NEW.status OR OLD.created_by IS NOT NEW.created_by
  OR OLD.published_at IS NOT NEW.published_at OR OLD.published_by IS NOT NEW.published_by)
BEGIN
  SELECT RAISE(ABORT, 'circulars: a published circular is frozen');
END;--> statement-breakpoint
CREATE TRIGGER `circulars_no_delete` BEFORE DELETE ON `circulars`
WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'circulars: a published circular is frozen');
END;
