/**
 * What a pushed change may not touch of a payment batch (issue 12), as the office database's
 * triggers (migration payment_batch_rows_frozen) refuse it: a stored batch row is frozen whole; a
 * confirmed batch keeps its confirmed fields and stays confirmed or paid; a paid batch keeps its
 * payment fields. Returns the first field the change would alter, or null.
 */
import type { Change } from '../../shared/sync/wire';
import { SYNC_REASONS } from '../../shared/sync/rejections';
import type { Problem } from './validate';

const CONFIRMED_FROZEN = ['street_code', 'programme', 'month', 'confirmed_at', 'confirmed_by', 'row_count', 'total_fen', 'digest', 'deleted_at'];
const PAID_FROZEN = ['paid_at', 'paid_by', 'bank_file_digest'];
const LOCKED = new Set(['confirmed', 'paid']);

export function frozenBatchField(c: Change, existing: Record<string, unknown> | null): string | null {
  const changes = (f: string) => f in c.fields && (existing ? existing[f] ?? null : null) !== c.fields[f];
  if (c.table === 'payment_batch_rows') {
    if (!existing) return c.fields.deleted_at != null ? 'deleted_at' : null;
    return Object.keys(c.fields).find(changes) ?? null;
  }
  if (!existing || !LOCKED.has(String(existing.status))) return null;
  if ('status' in c.fields && !LOCKED.has(String(c.fields.status))) return 'status';
  if (existing.status === 'paid' && changes('status')) return 'status';
  const frozen = existing.status === 'paid' ? [...CONFIRMED_FROZEN, ...PAID_FROZEN] : CONFIRMED_FROZEN;
  return frozen.find(changes) ?? null;
}

/**
 * A row new to the server for a batch it already holds confirmed: the batch's rows were all written
 * before its confirmation (confirmBatch inserts them first), so a later one is a change to a frozen
 * batch (another PC's different confirmation, or a forged row).
 */
export function newRowProblem(batch: Record<string, unknown> | null): Problem | null {
  if (!batch || !LOCKED.has(String(batch.status))) return null;
  return { code: 'payment-batch-frozen', message: SYNC_REASONS['payment-batch-frozen'].message, field: 'batch_id' };
}
