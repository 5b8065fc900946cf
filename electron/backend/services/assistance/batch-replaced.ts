/**
 * The note a PC keeps when the district replaced its own confirmation of a batch with another PC's
 * that reached the district first (sync/district-batch.ts writes it; the batch screen shows it).
 */
import type { BatchReplacedNote } from '../../../../shared/assistance/batches';
import type { Store } from '../../store/store';

const keyOf = (batchId: string) => `payment_batch_replaced/${batchId}`;

export function replacedNote(store: Store, batchId: string): BatchReplacedNote | null {
  const v = store.getMeta(keyOf(batchId));
  return v === null ? null : (JSON.parse(v) as BatchReplacedNote);
}

export function noteReplaced(store: Store, batchId: string, note: BatchReplacedNote): void {
  store.setMeta(keyOf(batchId), JSON.stringify(note));
}
