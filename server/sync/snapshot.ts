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
import { sql, type SQL } from 'drizzle-orm';
import type { ServerDb } from '../db/open';
import { DISTRICT_PARTITION, type Scope } from '../../shared/sync/wire';
import { maxSeq } from './log';
import { fieldsSql } from './credentials';

const STREET_POSITION = /^(district|\d{9}(?:\d{3})?)\/([a-z][a-z0-9_]*)\/(.+)$/s;

interface Key {
  table: string;
  rowId: string;
}

/**
 * A row as the wire has it (SnapshotPageRowSchema). Asked for row clocks, a row whose fields all
 * carry one clock, and only those fields, gets `clock` (the column the database keeps, migration
 * row_clock); any other row gets `clocks`.
 */
function rowJson(rowClocks: boolean, fields: SQL): SQL {
  const base = sql`'table', p.table_name, 'rowId', p.row_id, 'partition', p.partition, 'fields', ${fields}`;
  if (!rowClocks) return sql`json_build_object(${base}, 'clocks', p.clocks)`;
  return sql`CASE WHEN p.clock IS NOT NULL THEN json_build_object(${base}, 'clock', p.clock) ELSE json_build_object(${base}, 'clocks', p.clocks) END`;
}

/**
 * Rows of one partition (or of all, null) after a key in (table, row id) order, as JSON text built
 * by the database: no parsing of each row's fields and clocks into objects and serializing them
 * again (those were half of the server's time in bench sync-bootstrap).
 */
async function slice(tx: ServerDb, partition: string | null, after: Key | null, n: number, rowClocks: boolean, fields: SQL): Promise<string[]> {
  const where = [
    partition === null ? null : sql`partition = ${partition}`,
    after ? sql`(table_name, row_id) > (${after.table}, ${after.rowId})` : null,
  ].filter((w) => w !== null);
  const res = await tx.execute(sql`
    WITH p AS (
      SELECT table_name, row_id, partition, fields, clocks, clock FROM sync_rows
      ${where.length > 0 ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
      ORDER BY table_name, row_id LIMIT ${n}
    )
    SELECT ${rowJson(rowClocks, fields)}::text AS json FROM p ORDER BY p.table_name, p.row_id`);
  return (res as unknown as { rows: { json: string }[] }).rows.map((r) => r.json);
}

function districtKey(position: string | undefined): Key | null {
  if (!position) return null;
  const slash = position.indexOf('/');
  return { table: position.slice(0, slash), rowId: position.slice(slash + 1) };
}

async function streetSlices(tx: ServerDb, street: string, position: string | undefined, n: number, rowClocks: boolean, fields: SQL): Promise<string[]> {
  const partitions = [DISTRICT_PARTITION, street];
  let start = 0;
  let key: Key | null = null;
  const m = position ? STREET_POSITION.exec(position) : null;
  if (m && partitions.includes(m[1]!)) {
    start = partitions.indexOf(m[1]!);
    key = { table: m[2]!, rowId: m[3]! };
  }
  const out: string[] = [];
  for (let i = start; i < partitions.length && out.length < n; i++) {
    out.push(...(await slice(tx, partitions[i]!, i === start ? key : null, n - out.length, rowClocks, fields)));
  }
  return out;
}

/**
 * One snapshot page (SnapshotResponse) as JSON text, ready to send. Rows are read one more than
 * the page holds, to tell whether another page follows.
 */
export async function snapshotPageJson(
  db: ServerDb,
  device: { scope: Scope },
  q: { after?: string; cursor?: number; limit: number; clocks?: 'field' | 'row' },
  now: Date,
): Promise<string> {
  const cursor = q.cursor ?? (await maxSeq(db));
  const street = device.scope.kind === 'district' ? null : device.scope.partition;
  const rowClocks = q.clocks === 'row';
  const got = await db.transaction(async (tx) => {
    // Walk the index in order whatever the planner's statistics say: embedded PGlite never runs
    // ANALYZE, and without statistics PostgreSQL prefers a bitmap scan that sorts every remaining
    // row for each page (the quadratic plan above).
    await tx.execute(sql`SET LOCAL enable_sort = off`);
    await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
    const t = tx as unknown as ServerDb;
    // District accounts' password hashes withheld from street devices (credentials.ts).
    const fields = fieldsSql(device.scope);
    return street === null
      ? slice(t, null, districtKey(q.after), q.limit + 1, rowClocks, fields)
      : streetSlices(t, street, q.after, q.limit + 1, rowClocks, fields);
  });
  const hasMore = got.length > q.limit;
  const rows = got.slice(0, q.limit);
  let next: string | null = null;
  if (hasMore) {
    // The position of the page's last row: the one before the extra row.
    const lastRow = JSON.parse(rows[rows.length - 1]!) as { table: string; rowId: string; partition: string };
    next = street === null ? `${lastRow.table}/${lastRow.rowId}` : `${lastRow.partition}/${lastRow.table}/${lastRow.rowId}`;
  }
  return `{"rows":[${rows.join(',')}],"next":${JSON.stringify(next)},"cursor":${cursor},"serverTime":${JSON.stringify(now.toISOString())}}`;
}
