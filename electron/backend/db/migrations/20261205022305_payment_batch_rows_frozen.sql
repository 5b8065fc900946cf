-- A confirmed payment batch is frozen (issue 12): its rows are never changed or deleted, and the
-- batch's confirmed fields (and, once paid, its payment fields) stay as they were. An UPDATE that
-- writes the same values (a repeated remote row) is let through, as for audit_events.
CREATE TRIGGER `payment_batch_rows_no_update` BEFORE UPDATE ON `payment_batch_rows`
WHEN OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at
  OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.street_code IS NOT NEW.street_code OR OLD.batch_id IS NOT NEW.batch_id
  OR OLD.seq IS NOT NEW.seq OR OLD.kind IS NOT NEW.kind OR OLD.for_month IS NOT NEW.for_month
  OR OLD.enrolment_id IS NOT NEW.enrolment_id OR OLD.household_id IS NOT NEW.household_id OR OLD.person_id IS NOT NEW.person_id
  OR OLD.name IS NOT NEW.name OR OLD.id_number IS NOT NEW.id_number OR OLD.community IS NOT NEW.community
  OR OLD.address IS NOT NEW.address OR OLD.covered_persons IS NOT NEW.covered_persons OR OLD.amount_fen IS NOT NEW.amount_fen
  OR OLD.basis IS NOT NEW.basis OR OLD.figures IS NOT NEW.figures OR OLD.reason IS NOT NEW.reason
  OR OLD.source_ref IS NOT NEW.source_ref OR OLD.bank_name IS NOT NEW.bank_name OR OLD.bank_account IS NOT NEW.bank_account
BEGIN
  SELECT RAISE(ABORT, 'payment_batch_rows are frozen');
END;--> statement-breakpoint
CREATE TRIGGER `payment_batch_rows_no_delete` BEFORE DELETE ON `payment_batch_rows`
BEGIN
  SELECT RAISE(ABORT, 'payment_batch_rows are frozen');
END;--> statement-breakpoint
CREATE TRIGGER `payment_batches_confirmed_frozen` BEFORE UPDATE ON `payment_batches`
WHEN OLD.status IN ('confirmed', 'paid') AND (
  NEW.status NOT IN ('confirmed', 'paid') OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.street_code IS NOT NEW.street_code
  OR OLD.programme IS NOT NEW.programme OR OLD.month IS NOT NEW.month OR OLD.confirmed_at IS NOT NEW.confirmed_at
  OR OLD.confirmed_by IS NOT NEW.confirmed_by OR OLD.row_count IS NOT NEW.row_count OR OLD.total_fen IS NOT NEW.total_fen
  OR OLD.digest IS NOT NEW.digest
  OR (OLD.status = 'paid' AND (NEW.status IS NOT 'paid' OR OLD.paid_at IS NOT NEW.paid_at OR OLD.paid_by IS NOT NEW.paid_by
    OR OLD.bank_file_digest IS NOT NEW.bank_file_digest)))
BEGIN
  SELECT RAISE(ABORT, 'payment_batches: a confirmed batch is frozen');
END;--> statement-breakpoint
CREATE TRIGGER `payment_batches_no_delete` BEFORE DELETE ON `payment_batches`
WHEN OLD.status IN ('confirmed', 'paid')
BEGIN
  SELECT RAISE(ABORT, 'payment_batches: a confirmed batch is frozen');
END;
