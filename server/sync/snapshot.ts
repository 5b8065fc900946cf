/**
 * Snapshot pages of the merged state (sync_rows) that a new device bootstraps from, in keyset order.
 *
 * A street device reads two partitions, the district-wide rows first (policy parameters, district
 * accounts: parents, never children, of street rows), then its street, each walked in (table, row
 * id) order through the index sync_rows_partition_idx (partition, table_name, row_id), so that
 * every page costs the same however far the bootstrap has got. One query over both partitions
 * (`partition = street OR partition = 'district'`) made PostgreSQL collect and sort every remaining
 * row of the street for each page: quadratic, most of the server's time in a 100,000-person
 * bootstrap (bench sync-bootstrap). The position is `partition/table/rowId`; a position in another
 * form (from an older server) starts the snapshot again, which is safe since applying is idempotent.
 *
 * A district device reads every partition in (table, row id) order through the primary key, with
 * the position `table/rowId`.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { ServerDb } from '../db/open';
import { syncRows } from '../db/schema';
import { DISTRICT_PARTITION, type Scope, type SnapshotResponse } from '../../shared/sync/wire';
import { maxSeq } from './log';

type SyncRow = typeof syncRows.$inferSelect;

const STREET_POSITION = /^(district|\d{9}(?:\d{3})?)\/([a-z][a-z0-9_]*)\/(.+)$/s;

function after(key: { table: string; rowId: string } | null) {
  return key ? sql`(${syncRows.tableName}, ${syncRows.rowId}) > (${key.table}, ${key.rowId})` : undefined;
}

async function districtRows(db: ServerDb, position: string | undefined, n: number): Promise<SyncRow[]> {
  let key = null;
  if (position) {
    const slash = position.indexOf('/');
    key = { table: position.slice(0, slash), rowId: position.slice(slash + 1) };
  }
  return db.select().from(syncRows).where(after(key)).orderBy(asc(syncRows.tableName), asc(syncRows.rowId)).limit(n);
}

async function streetRows(db: ServerDb, street: string, position: string | undefined, n: number): Promise<SyncRow[]> {
  const partitions = [DISTRICT_PARTITION, street];
  let start = 0;
  let key: { table: string; rowId: string } | null = null;
  const m = position ? STREET_POSITION.exec(position) : null;
  if (m && partitions.includes(m[1]!)) {
    start = partitions.indexOf(m[1]!);
    key = { table: m[2]!, rowId: m[3]! };
  }
  const out: SyncRow[] = [];
  for (let i = start; i < partitions.length && out.length < n; i++) {
    const rows = await db
      .select()
      .from(syncRows)
      .where(and(eq(syncRows.partition, partitions[i]!), i === start ? after(key) : undefined))
      .orderBy(asc(syncRows.tableName), asc(syncRows.rowId))
      .limit(n - out.length);
    out.push(...rows);
  }
  return out;
}

/** The clock of every field when the row's fields all carry the same one, else null. */
function oneClock(r: SyncRow): string | null {
  let clock: string | null = null;
  let n = 0;
  for (const f in r.clocks) {
    const c = r.clocks[f]!;
    if (clock === null) clock = c;
    else if (c !== clock) return null;
    n++;
  }
  let fields = 0;
  for (const f in r.fields) {
    if (!(f in r.clocks)) return null;
    fields++;
  }
  return fields === n ? clock : null;
}

export async function snapshotPage(
  db: ServerDb,
  device: { scope: Scope },
  q: { after?: string; cursor?: number; limit: number; clocks?: 'field' | 'row' },
  now: Date,
): Promise<SnapshotResponse> {
  const cursor = q.cursor ?? (await maxSeq(db));
  const street = device.scope.kind === 'district' ? null : device.scope.partition;
  const rows = await db.transaction(async (tx) => {
    // Walk the index in order whatever the planner's statistics say: embedded PGlite never runs
    // ANALYZE, and without statistics PostgreSQL prefers a bitmap scan that sorts every remaining
    // row for each page (the quadratic plan above).
    await tx.execute(sql`SET LOCAL enable_sort = off`);
    await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
    const t = tx as unknown as ServerDb;
    return street === null ? districtRows(t, q.after, q.limit + 1) : streetRows(t, street, q.after, q.limit + 1);
  });
  const hasMore = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const position = (r: SyncRow) => (street === null ? `${r.tableName}/${r.rowId}` : `${r.partition}/${r.tableName}/${r.rowId}`);
  return {
    rows: page.map((r) => {
      const base = { table: r.tableName, rowId: r.rowId, partition: r.partition, fields: r.fields };
      const one = q.clocks === 'row' ? oneClock(r) : null;
      return one ? { ...base, clock: one } : { ...base, clocks: r.clocks };
    }),
    next: hasMore && last ? position(last) : null,
    cursor,
    serverTime: now.toISOString(),
  };
}
