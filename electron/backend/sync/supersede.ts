/**
 * A local edit of a record whose earlier change the server refused supersedes that change. The
 * refused change's fields that still hold its value (nothing newer wrote them) go out again with
 * the edit, under the edit's stamp, so that a row whose creation was refused (a NUL in its name)
 * reaches the server whole once the user fixes the name; the refusal is then resolved. Runs before
 * each push batch; a fix the server refuses again is parked as a refusal of its own.
 */
import type { Store } from '../store/store';
import { SYNC_CATALOG } from '../../../shared/sync/catalog';
import { clocksOf, stampClocks } from './clocks';

interface Superseding {
  refused: string;
  table: string;
  rowId: string;
  seq: number;
}

export function supersedeRefused(store: Store): number {
  const found = store
    .prepare(
      `SELECT r.hlc AS refused, r.table_name AS "table", r.row_id AS rowId,
         (SELECT c.seq FROM change_log c WHERE c.pushed_at IS NULL AND c.table_name = r.table_name AND c.row_id = r.row_id AND c.hlc > r.hlc
          ORDER BY c.seq LIMIT 1) AS seq
       FROM sync_rejections r WHERE r.resolved_at IS NULL`,
    )
    .all() as (Superseding | (Omit<Superseding, 'seq'> & { seq: null }))[];
  const due = found.filter((s): s is Superseding => s.seq !== null && SYNC_CATALOG.has(s.table));
  if (due.length === 0) return 0;
  const logged = store.prepare('SELECT hlc, fields FROM change_log WHERE seq = ?');
  const rewrite = store.prepare('UPDATE change_log SET fields = ? WHERE seq = ?');
  const resolve = store.prepare('UPDATE sync_rejections SET resolved_at = ? WHERE hlc = ?');
  store.tx(() => {
    for (const s of due) {
      const edit = logged.get(s.seq) as { hlc: string; fields: string };
      const fields = JSON.parse(edit.fields) as Record<string, unknown>;
      const row = store.prepare(`SELECT * FROM "${s.table}" WHERE id = ?`).get(s.rowId) as Record<string, unknown> | undefined;
      const clocks = clocksOf(store, s.table, s.rowId);
      const restamp: Record<string, string> = {};
      for (const field of row ? Object.keys(row) : []) {
        if (field in fields || clocks.get(field) !== s.refused) continue;
        fields[field] = row![field];
        // The field's value now travels under the edit's stamp, here as at the server.
        restamp[field] = edit.hlc;
      }
      stampClocks(store, s.table, s.rowId, restamp);
      rewrite.run(JSON.stringify(fields), s.seq);
      resolve.run(store.nowIso(), s.refused);
    }
  });
  return due.length;
}
