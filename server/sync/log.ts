/**
 * The server's change log and merged state: push (validated, idempotent by node + hlc), pull by
 * sequence filtered to the device's scope (snapshot pages of current state: snapshot.ts). Pushes
 * are serialised with a transaction-scoped advisory lock so that sequence numbers become visible in order and a
 * pull cursor never skips a change committed later with a lower number.
 */
import { and, asc, eq, gt, inArray, isNull, lte, max, ne, or, sql } from 'drizzle-orm';
import type { ServerDb } from '../db/open';
import { syncChanges, syncRows } from '../db/schema';
import { SYNC_CATALOG } from '../../electron/backend/sync/catalog';
import {
  DISTRICT_PARTITION,
  type Change,
  type PullResponse,
  type PushResponse,
  type RowResponse,
  type Rejection,
  type Scope,
} from '../../shared/sync/wire';
import { validateChange } from './validate';

type Tx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];
type Value = string | number | null;

export interface Pusher {
  deviceId: string | null;
  node: string | null;
  scope: Scope | null;
}

const PUSH_LOCK = 0x646f7564; // 'doud'

async function mergeRow(tx: Tx, c: Change, seq: number): Promise<void> {
  const [row] = await tx
    .select()
    .from(syncRows)
    .where(and(eq(syncRows.tableName, c.table), eq(syncRows.rowId, c.rowId)))
    .for('update');
  const fields: Record<string, Value> = { ...(row?.fields ?? {}) };
  const clocks: Record<string, string> = { ...(row?.clocks ?? {}) };
  for (const [f, v] of Object.entries(c.fields)) {
    const cur = clocks[f];
    if (!cur || c.hlc > cur) {
      fields[f] = v;
      clocks[f] = c.hlc;
    }
  }
  if (row) {
    await tx
      .update(syncRows)
      .set({ fields, clocks, seq })
      .where(and(eq(syncRows.tableName, c.table), eq(syncRows.rowId, c.rowId)));
  } else {
    await tx.insert(syncRows).values({ tableName: c.table, rowId: c.rowId, partition: c.partition, fields, clocks, seq });
  }
}

export async function pushChanges(db: ServerDb, who: Pusher, changes: Change[], now: Date): Promise<PushResponse> {
  const accepted: string[] = [];
  const rejected: Rejection[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK})`);
    const known = new Set<string>();
    const hlcs = changes.map((c) => c.hlc);
    if (hlcs.length > 0) {
      const dup = await tx
        .select({ node: syncChanges.node, hlc: syncChanges.hlc })
        .from(syncChanges)
        .where(inArray(syncChanges.hlc, hlcs));
      for (const d of dup) known.add(`${d.node}/${d.hlc}`);
    }
    for (const c of changes) {
      const key = `${c.node}/${c.hlc}`;
      if (known.has(key)) {
        accepted.push(c.hlc);
        continue;
      }
      const [existing] = await tx
        .select({ partition: syncRows.partition })
        .from(syncRows)
        .where(and(eq(syncRows.tableName, c.table), eq(syncRows.rowId, c.rowId)));
      const problem = validateChange(SYNC_CATALOG, c, {
        scope: who.scope,
        node: who.node,
        nowMs: now.getTime(),
        existingPartition: existing?.partition ?? null,
      });
      if (problem) {
        rejected.push({ hlc: c.hlc, node: c.node, ...problem });
        continue;
      }
      const [ins] = await tx
        .insert(syncChanges)
        .values({
          node: c.node,
          hlc: c.hlc,
          tableName: c.table,
          rowId: c.rowId,
          partition: c.partition,
          fields: c.fields,
          deviceId: who.deviceId,
          receivedAt: now.toISOString(),
        })
        .returning({ seq: syncChanges.seq });
      await mergeRow(tx, c, ins!.seq);
      known.add(key);
      accepted.push(c.hlc);
    }
  });
  return { accepted, rejected, serverTime: now.toISOString() };
}

function scopeFilter(scope: Scope, column: typeof syncChanges.partition | typeof syncRows.partition) {
  if (scope.kind === 'district') return undefined;
  return or(eq(column, scope.partition), eq(column, DISTRICT_PARTITION));
}

export async function maxSeq(db: ServerDb): Promise<number> {
  const [r] = await db.select({ m: max(syncChanges.seq) }).from(syncChanges);
  return Number(r?.m ?? 0);
}

export async function pullChanges(
  db: ServerDb,
  device: { id: string; scope: Scope },
  after: number,
  limit: number,
  now: Date,
): Promise<PullResponse> {
  const top = await maxSeq(db);
  const rows = await db
    .select()
    .from(syncChanges)
    .where(
      and(
        gt(syncChanges.seq, after),
        lte(syncChanges.seq, top),
        scopeFilter(device.scope, syncChanges.partition),
        // a device's own changes are already applied where they came from
        or(isNull(syncChanges.deviceId), ne(syncChanges.deviceId, device.id)),
      ),
    )
    .orderBy(asc(syncChanges.seq))
    .limit(limit + 1);
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  return {
    changes: page.map((r) => ({
      seq: r.seq,
      hlc: r.hlc,
      node: r.node,
      table: r.tableName,
      rowId: r.rowId,
      partition: r.partition,
      fields: r.fields,
    })),
    cursor: hasMore ? page[page.length - 1]!.seq : Math.max(top, after),
    hasMore,
    serverTime: now.toISOString(),
  };
}

/** One row's merged state, if it lies in the device's scope (the 同步 page's "take the server's value"). */
export async function rowOf(db: ServerDb, device: { scope: Scope }, table: string, rowId: string, now: Date): Promise<RowResponse> {
  const [r] = await db
    .select()
    .from(syncRows)
    .where(and(eq(syncRows.tableName, table), eq(syncRows.rowId, rowId), scopeFilter(device.scope, syncRows.partition)))
    .limit(1);
  return {
    row: r ? { table: r.tableName, rowId: r.rowId, partition: r.partition, fields: r.fields, clocks: r.clocks } : null,
    serverTime: now.toISOString(),
  };
}
