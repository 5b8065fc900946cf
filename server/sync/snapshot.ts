/**
 * Snapshot pages of the merged state (sync_rows) that a new device bootstraps from, in keyset order.
 *
 * Tables come parents first (SYNC_TABLE_ORDER of the wire catalog), each walked in row id order, so
 * that a bootstrapping PC finds every row's parent already stored and parks nothing: in name order
 * a street's enrolment_steps, enrolments and care rows came pages before its households and persons,
 * and waited parked until the last page.
 *
 * A street device reads two partitions, the district-wide rows first (policy parameters, district
 * accounts: parents, never children, of street rows), then its street, each table through the index
 * sync_rows_partition_idx (partition, table_name, row_id), so that every page costs the same however
 * far the bootstrap has got. One query over both partitions (`partition = street OR partition =
 * 'district'`) made PostgreSQL collect and sort every remaining row of the street for each page:
 * quadratic, most of the server's time in a 100,000-person bootstrap (bench sync-bootstrap). A
 * district device reads every partition, table by table through the primary key.
 *
 * The position is `deps/partition/table/rowId` (a district device: `deps/table/rowId`). A position
 * of the name order that servers sent before (`partition/table/rowId`, `table/rowId`) goes on in
 * name order to the end, so a PC that was bootstrapping across the upgrade finishes without a gap
 * (it retries its parked rows after the last page); any other position starts the snapshot again,
 * which is safe since applying is idempotent.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ServerDb } from '../db/open';
import { DISTRICT_PARTITION, type Scope } from '../../shared/sync/wire';
import { maxSeq } from './log';
import { fieldsSql } from './credentials';
import { SYNC_TABLE_ORDER, type SyncTableName } from '../../shared/sync/catalog';

/** The prefix of a position in parents-first order; a position without it is of the older name order. */
const PARENTS_FIRST = 'deps/';
const STREET_POSITION = /^(district|\d{9}(?:\d{3})?)\/([a-z][a-z0-9_]*)\/(.+)$/s;
const DISTRICT_POSITION = /^([a-z][a-z0-9_]*)\/(.+)$/s;

interface Key {
  table: string;
  rowId: string;
}

/** Where a walk resumes: the partition (null: every partition, a district device) and its last row sent. */
interface Position extends Key {
  partition: string | null;
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
 * Rows of one partition (or of all, null) as JSON text built by the database: no parsing of each
 * row's fields and clocks into objects and serializing them again (those were half of the server's
 * time in bench sync-bootstrap). `after` is a key in (table, row id) order; `table` keeps to one table.
 */
async function slice(
  tx: ServerDb,
  where: { partition: string | null; table?: string; after: Key | null },
  n: number,
  rowClocks: boolean,
  fields: SQL,
): Promise<string[]> {
  const conds = [
    where.partition === null ? null : sql`partition = ${where.partition}`,
    where.table === undefined ? null : sql`table_name = ${where.table}`,
    where.after ? sql`(table_name, row_id) > (${where.after.table}, ${where.after.rowId})` : null,
  ].filter((w) => w !== null);
  const res = await tx.execute(sql`
    WITH p AS (
      SELECT table_name, row_id, partition, fields, clocks, clock FROM sync_rows
      ${conds.length > 0 ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``}
      ORDER BY table_name, row_id LIMIT ${n}
    )
    SELECT ${rowJson(rowClocks, fields)}::text AS json FROM p ORDER BY p.table_name, p.row_id`);
  return (res as unknown as { rows: { json: string }[] }).rows.map((r) => r.json);
}

type Walk = (tx: ServerDb, partitions: (string | null)[], from: Position | null, n: number, rowClocks: boolean, fields: SQL) => Promise<string[]>;

/** Parents first: partition by partition, table by table in SYNC_TABLE_ORDER, rows by id. */
const parentsFirst: Walk = async (tx, partitions, from, n, rowClocks, fields) => {
  const out: string[] = [];
  let p = from ? partitions.indexOf(from.partition) : 0;
  let t = from ? SYNC_TABLE_ORDER.indexOf(from.table as SyncTableName) : 0;
  let after = from;
  for (; p < partitions.length && out.length < n; p++, t = 0) {
    for (; t < SYNC_TABLE_ORDER.length && out.length < n; t++, after = null) {
      const table = SYNC_TABLE_ORDER[t]!;
      out.push(...(await slice(tx, { partition: partitions[p]!, table, after }, n - out.length, rowClocks, fields)));
    }
  }
  return out;
};

/** The name order of older servers, for a device that began its bootstrap with one: partition by partition, (table, row id). */
const nameOrder: Walk = async (tx, partitions, from, n, rowClocks, fields) => {
  const out: string[] = [];
  for (let p = from ? partitions.indexOf(from.partition) : 0; p < partitions.length && out.length < n; p++) {
    const after = from && from.partition === partitions[p] ? from : null;
    out.push(...(await slice(tx, { partition: partitions[p]!, after }, n - out.length, rowClocks, fields)));
  }
  return out;
};

/** A position as the device sent it: which order it walks and where it got to (null: from the start). */
function parsePosition(position: string | undefined, partitions: (string | null)[]): { walk: Walk; from: Position | null } {
  const ordered = position?.startsWith(PARENTS_FIRST) ?? false;
  const rest = ordered ? position!.slice(PARENTS_FIRST.length) : position;
  const street = partitions[0] !== null;
  const m = rest === undefined ? null : (street ? STREET_POSITION : DISTRICT_POSITION).exec(rest);
  const from = m && (street ? { partition: m[1]!, table: m[2]!, rowId: m[3]! } : { partition: null, table: m[1]!, rowId: m[2]! });
  if (!from || !partitions.includes(from.partition)) return { walk: parentsFirst, from: null };
  if (!ordered) return { walk: nameOrder, from };
  return SYNC_TABLE_ORDER.includes(from.table as SyncTableName) ? { walk: parentsFirst, from } : { walk: parentsFirst, from: null };
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
  const partitions = street === null ? [null] : [DISTRICT_PARTITION, street];
  const { walk, from } = parsePosition(q.after, partitions);
  const got = await db.transaction(async (tx) => {
    // Walk the index in order whatever the planner's statistics say: embedded PGlite never runs
    // ANALYZE, and without statistics PostgreSQL prefers a bitmap scan that sorts every remaining
    // row for each page (the quadratic plan above).
    await tx.execute(sql`SET LOCAL enable_sort = off`);
    await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
    // District accounts' password hashes withheld from street devices (credentials.ts).
    return walk(tx as unknown as ServerDb, partitions, from, q.limit + 1, rowClocks, fieldsSql(device.scope));
  });
  const hasMore = got.length > q.limit;
  const rows = got.slice(0, q.limit);
  let next: string | null = null;
  if (hasMore) {
    // The position of the page's last row (the one before the extra row), in the order walked.
    const last = JSON.parse(rows[rows.length - 1]!) as { table: string; rowId: string; partition: string };
    const at = street === null ? `${last.table}/${last.rowId}` : `${last.partition}/${last.table}/${last.rowId}`;
    next = walk === nameOrder ? at : PARENTS_FIRST + at;
  }
  return `{"rows":[${rows.join(',')}],"next":${JSON.stringify(next)},"cursor":${cursor},"serverTime":${JSON.stringify(now.toISOString())}}`;
}
