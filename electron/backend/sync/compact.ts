/**
 * Migration in place of a database written before issue 19: acknowledged changes leave the log
 * (forget.ts) and a row's field clocks of its oldest stamp fold into one row clock (clocks.ts),
 * every field reading the same clock as before. In chunks, each one transaction that also records
 * where it got to, so a process killed at any point (kill -9 included) leaves a usable database
 * (both layouts read alike) and the next start goes on from there. Then VACUUM when the space
 * freed is worth it. Runs at start (app.ts) until done; then it costs one meta read.
 */
import type { Store } from '../store/store';
import { clocksOf, columnOrder, rowClockField } from './clocks';
import { forgetAcknowledged } from './forget';

export const COMPACT_META = 'storage_compacted';
const CURSOR_META = 'storage_compact_cursor';
/** Field clock entries read per chunk (a few thousand rows). */
const ENTRIES_PER_CHUNK = 20_000;
const CHANGES_PER_CHUNK = 5_000;
/** VACUUM when at least this share of the file is free pages (and at least 4 MB). */
const VACUUM_SHARE = 0.2;
const VACUUM_MIN_BYTES = 4 * 1024 * 1024;

export interface CompactProgress {
  /** Field clock entries looked at so far, of `total`. */
  done: number;
  total: number;
}

export interface CompactResult {
  changesForgotten: number;
  rowsFolded: number;
  entriesRemoved: number;
  vacuumed: boolean;
}

export function compactionDone(store: Store): boolean {
  return store.getMeta(COMPACT_META) === '1';
}

interface Entry {
  table_name: string;
  row_id: string;
  field: string;
  hlc: string;
}

/**
 * One row's entries folded into a row clock: the oldest stamp covers every column (each field's
 * clock is the newer of its own entry and the row clock, so fields stamped later keep their own
 * entries). Only for rows with an entry for every column and no row clock yet. Returns the entries
 * removed.
 */
function foldRow(store: Store, rows: Entry[]): number {
  const { table_name: table, row_id: rowId } = rows[0]!;
  if (rows.some((e) => e.field.startsWith('*'))) return 0;
  const field = rowClockField(store, table, rows.map((e) => e.field));
  if (field === null) return 0;
  let oldest = rows[0]!.hlc;
  for (const e of rows) if (e.hlc < oldest) oldest = e.hlc;
  const folded = rows.filter((e) => e.hlc === oldest);
  if (folded.length < 2) return 0;
  const drop = store.prepare('DELETE FROM field_clocks WHERE table_name = ? AND row_id = ? AND field = ?');
  for (const e of folded) drop.run(table, rowId, e.field);
  store.prepare('INSERT INTO field_clocks (table_name, row_id, field, hlc) VALUES (?, ?, ?, ?)').run(table, rowId, field, oldest);
  return folded.length - 1;
}

/** Runs the migration to its end (or on from where an earlier run stopped). */
export function compactStorage(store: Store, opts: { onProgress?: (p: CompactProgress) => void; chunk?: number } = {}): CompactResult {
  const result: CompactResult = { changesForgotten: 0, rowsFolded: 0, entriesRemoved: 0, vacuumed: false };
  if (compactionDone(store)) return result;
  const chunk = opts.chunk ?? ENTRIES_PER_CHUNK;
  for (;;) {
    const n = store.tx(() => forgetAcknowledged(store, CHANGES_PER_CHUNK));
    result.changesForgotten += n;
    if (n === 0) break;
  }
  const total = store.prepare('SELECT count(*) FROM field_clocks').pluck().get() as number;
  let done = 0;
  const next = store.prepare(
    'SELECT table_name, row_id, field, hlc FROM field_clocks WHERE (table_name, row_id) > (?, ?) ORDER BY table_name, row_id LIMIT ?',
  );
  for (;;) {
    const more = store.tx(() => {
      const cursor = JSON.parse(store.getMeta(CURSOR_META) ?? '["",""]') as [string, string];
      const entries = next.all(cursor[0], cursor[1], chunk) as Entry[];
      if (entries.length === 0) return false;
      const groups: Entry[][] = [];
      for (const e of entries) {
        const last = groups.at(-1);
        if (last && last[0]!.table_name === e.table_name && last[0]!.row_id === e.row_id) last.push(e);
        else groups.push([e]);
      }
      // the last row may go on past the chunk: it starts the next one (unless it fills it alone)
      if (entries.length === chunk && groups.length > 1) groups.pop();
      for (const g of groups) {
        const removed = foldRow(store, g);
        if (removed > 0) {
          result.rowsFolded++;
          result.entriesRemoved += removed;
        }
        done += g.length;
      }
      const end = groups.at(-1)![0]!;
      store.setMeta(CURSOR_META, JSON.stringify([end.table_name, end.row_id]));
      return true;
    });
    opts.onProgress?.({ done: Math.min(done, total), total });
    if (!more) break;
  }
  store.tx(() => store.setMeta(COMPACT_META, '1'));
  const pageSize = store.sqlite.pragma('page_size', { simple: true }) as number;
  const free = (store.sqlite.pragma('freelist_count', { simple: true }) as number) * pageSize;
  const size = (store.sqlite.pragma('page_count', { simple: true }) as number) * pageSize;
  if (free >= VACUUM_MIN_BYTES && free >= size * VACUUM_SHARE) {
    store.sqlite.exec('VACUUM');
    result.vacuumed = true;
  }
  return result;
}

/** The clocks every field of a row reads (for tests: the migration keeps each one's meaning). */
export function readClocks(store: Store, table: string, rowId: string): Record<string, string | undefined> {
  const clocks = clocksOf(store, table, rowId);
  return Object.fromEntries([...columnOrder(store, table).keys()].map((c) => [c, clocks.get(c)]));
}
