/**
 * Monthly payment batches (发放批次, issue 12). A batch is generated pending for a programme and
 * month; confirming it stores its rows once and for all (frozen: refused by triggers here and by the
 * district server); marking it paid records the bank file's digest. Ids are derived from street,
 * programme and month (rows: batch, kind, month concerned, enrolment) so two PCs of a street
 * converge on one batch.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

export const paymentBatches = sqliteTable(
  'payment_batches',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    programme: text('programme').notNull(),
    /** 'YYYY-MM'. */
    month: text('month').notNull(),
    /** 'pending' | 'confirmed' | 'paid'. */
    status: text('status').notNull(),
    generatedAt: text('generated_at').notNull(),
    generatedBy: text('generated_by'),
    confirmedAt: text('confirmed_at'),
    confirmedBy: text('confirmed_by'),
    paidAt: text('paid_at'),
    paidBy: text('paid_by'),
    /** Frozen at confirmation. */
    rowCount: integer('row_count'),
    totalFen: integer('total_fen'),
    /** sha256 of the canonical frozen rows (batch-digest.ts). */
    digest: text('digest'),
    /** sha256 of the bank file exported when marked paid. */
    bankFileDigest: text('bank_file_digest'),
  },
  (t) => [index('payment_batches_month_idx').on(t.programme, t.month)],
);

/** A frozen row of a confirmed batch: written once at confirmation, never changed or deleted. */
export const paymentBatchRows = sqliteTable(
  'payment_batch_rows',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    batchId: text('batch_id')
      .notNull()
      .references(() => paymentBatches.id),
    seq: integer('seq').notNull(),
    /** 'regular' | 'supplement' (补发) | 'recovery' (扣回). */
    kind: text('kind').notNull(),
    /** The month the money concerns ('YYYY-MM'): the batch's month for regular rows. */
    forMonth: text('for_month').notNull(),
    enrolmentId: text('enrolment_id').notNull(),
    householdId: text('household_id').notNull(),
    personId: text('person_id'),
    name: text('name'),
    idNumber: text('id_number'),
    community: text('community').notNull(),
    address: text('address').notNull(),
    coveredPersons: integer('covered_persons').notNull(),
    /** Signed: a 扣回 row is negative. */
    amountFen: integer('amount_fen').notNull(),
    basis: text('basis').notNull(),
    /** What amountFor returned beyond the amount (opaque JSON), null when nothing. */
    figures: text('figures', { mode: 'json' }),
    reason: text('reason'),
    /** The decision or parameter version an adjustment came from, when known ('policy_params:<id>'…). */
    sourceRef: text('source_ref'),
    bankName: text('bank_name'),
    bankAccount: text('bank_account'),
  },
  (t) => [index('payment_batch_rows_batch_idx').on(t.batchId, t.seq), index('payment_batch_rows_month_idx').on(t.enrolmentId, t.forMonth)],
);
