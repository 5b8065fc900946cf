/**
 * The order rows were created in, as every PC reads it. A row's time (`at`, created_at) ties when two
 * rows are recorded at one instant (a frozen clock; two PCs), and rowid is only the order THIS PC
 * wrote them: a row synced from another PC is written when it arrives, so two PCs may disagree about
 * which came last. A row's creation HLC (the stamp of its insert: the oldest of its field clocks, as
 * later writes only stamp newer ones) is one total order that every replica holds alike.
 *
 * Services order by it through this SQL term and never read the sync's tables themselves.
 */
import type { SyncedTableName } from '../db/schema';

/**
 * A SQL term of the creation HLC of the row `rowId` (a column of the query, e.g. `s.id`) of a synced
 * table. NULL for a row this replica holds no clock of: order by it after the row's time and before
 * the old key (rowid), which then decides for such rows as before. NULLs sort first: a row without a
 * clock was written before clocks were kept for it.
 */
export function creationHlc(table: SyncedTableName, rowId: string): string {
  return `(SELECT min(fc.hlc) FROM field_clocks fc WHERE fc.table_name = '${table}' AND fc.row_id = ${rowId})`;
}
