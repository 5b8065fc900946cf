/**
 * Stores a chunk of pushed changes with a handful of statements instead of five per change: the
 * chunk's rows (and the payment batches its new batch rows name) are read at once, every change is
 * checked in JS against that state exactly as storeChange checks it against the database (same
 * checks, same order; a change sees the effect of the earlier ones of the push), the accepted ones
 * are appended to the log in one insert and merged into sync_rows with one upsert.
 *
 * The caller runs it under one savepoint per chunk; when the database refuses the chunk it redoes
 * that chunk change by change (log.ts), so that one bad change is still refused alone.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { syncChanges, syncRows } from '../db/schema';
import { SYNC_CATALOG } from '../../shared/sync/catalog';
import type { Change } from '../../shared/sync/wire';
import { validateChange, type Problem } from './validate';
import { authorityProblem, GUARDED_TABLES } from './authority';
import { newRowProblem } from './batch-freeze';
import type { Pusher, Tx } from './log';

type Value = string | number | null;

/** A row's merged state as the chunk leaves it. */
interface RowState {
  table: string;
  rowId: string;
  partition: string;
  fields: Record<string, Value>;
  clocks: Record<string, string>;
  /** The last accepted change merged into it (its index in the chunk), or -1 when untouched. */
  lastChange: number;
}

/** One change's outcome: stored, acknowledged as already held, or refused. */
export type Outcome = 'stored' | 'duplicate' | Problem;

const rowKey = (table: string, rowId: string) => `${table}\u0000${rowId}`;
const changeKey = (c: Change) => `${c.node}/${c.hlc}`;

/** The rows the chunk's checks need: its own rows and the batches its new batch rows name, in one query. */
async function loadRows(tx: Tx, chunk: readonly Change[]): Promise<Map<string, RowState>> {
  const wanted = new Map<string, Set<string>>();
  const want = (table: string, rowId: string) => {
    if (!wanted.has(table)) wanted.set(table, new Set());
    wanted.get(table)!.add(rowId);
  };
  for (const c of chunk) {
    want(c.table, c.rowId);
    if (c.table === 'payment_batch_rows' && typeof c.fields.batch_id === 'string') want('payment_batches', c.fields.batch_id);
  }
  const state = new Map<string, RowState>();
  if (wanted.size === 0) return state;
  const rows = await tx
    .select({ table: syncRows.tableName, rowId: syncRows.rowId, partition: syncRows.partition, fields: syncRows.fields, clocks: syncRows.clocks })
    .from(syncRows)
    .where(or(...[...wanted].map(([table, ids]) => and(eq(syncRows.tableName, table), inArray(syncRows.rowId, [...ids])))));
  for (const r of rows) state.set(rowKey(r.table, r.rowId), { ...r, lastChange: -1 });
  return state;
}

/** Last writer by hlc per field, as log.ts mergeRow does. */
function merge(row: RowState, c: Change, index: number): void {
  for (const [f, v] of Object.entries(c.fields)) {
    const cur = row.clocks[f];
    if (!cur || c.hlc > cur) {
      row.fields[f] = v;
      row.clocks[f] = c.hlc;
    }
  }
  row.lastChange = index;
}

/**
 * The checks of a change against its row as stored (or as an earlier change of the same push left
 * it): the catalog's rules, then the authority over guarded rows. One place for both paths (the
 * chunk here, one by one in log.ts), so they cannot drift.
 */
export function changeProblem(who: Pusher, c: Change, existing: { partition: string; fields: Record<string, unknown> | null } | undefined, now: Date): Problem | null {
  const problem = validateChange(SYNC_CATALOG, c, {
    scope: who.scope,
    node: who.node,
    nowMs: now.getTime(),
    existingPartition: existing?.partition ?? null,
  });
  if (problem) return problem;
  return authorityProblem(c, existing && GUARDED_TABLES.has(c.table) ? existing.fields : null, {
    device: who.scope ? { partition: who.scope.partition, enrolledAtMs: Date.parse(who.enrolledAt ?? '') || 0 } : null,
    voucher: who.voucher ?? null,
    nowMs: now.getTime(),
  });
}

/** The checks of a change in a chunk, against the chunk's state instead of the database. */
function check(who: Pusher, c: Change, existing: RowState | undefined, state: Map<string, RowState>, now: Date): Problem | null {
  const problem = changeProblem(who, c, existing, now);
  if (problem) return problem;
  if (c.table === 'payment_batch_rows' && !existing && typeof c.fields.batch_id === 'string') {
    return newRowProblem(state.get(rowKey('payment_batches', c.fields.batch_id))?.fields ?? null);
  }
  return null;
}

/**
 * Checks and stores a chunk; `known` holds the (node/hlc) keys already stored and is not changed
 * (the caller adds the stored ones once the chunk's savepoint is released). Outcomes in chunk order.
 */
export async function storeChunk(tx: Tx, who: Pusher, chunk: readonly Change[], known: ReadonlySet<string>, now: Date): Promise<Outcome[]> {
  const state = await loadRows(tx, chunk);
  const held = new Set(known);
  const outcomes: Outcome[] = [];
  const stored: number[] = [];
  chunk.forEach((c, i) => {
    const key = changeKey(c);
    if (held.has(key)) return void outcomes.push('duplicate');
    const rk = rowKey(c.table, c.rowId);
    const existing = state.get(rk);
    const problem = check(who, c, existing, state, now);
    if (problem) return void outcomes.push(problem);
    const row = existing ?? { table: c.table, rowId: c.rowId, partition: c.partition, fields: {}, clocks: {}, lastChange: -1 };
    if (!existing) state.set(rk, row);
    merge(row, c, i);
    held.add(key);
    stored.push(i);
    outcomes.push('stored');
  });
  if (stored.length === 0) return outcomes;

  const inserted = await tx
    .insert(syncChanges)
    .values(
      stored.map((i) => {
        const c = chunk[i]!;
        const { node, hlc, table, rowId, partition, fields } = c;
        return { node, hlc, tableName: table, rowId, partition, fields, deviceId: who.deviceId, receivedAt: now.toISOString() };
      }),
    )
    .returning({ seq: syncChanges.seq, node: syncChanges.node, hlc: syncChanges.hlc });
  const seqOf = new Map(inserted.map((r) => [`${r.node}/${r.hlc}`, r.seq]));

  const touched = [...state.values()].filter((r) => r.lastChange >= 0);
  await tx
    .insert(syncRows)
    .values(
      touched.map((r) => ({
        tableName: r.table,
        rowId: r.rowId,
        partition: r.partition,
        fields: r.fields,
        clocks: r.clocks,
        seq: seqOf.get(changeKey(chunk[r.lastChange]!))!,
      })),
    )
    .onConflictDoUpdate({
      target: [syncRows.tableName, syncRows.rowId],
      set: { fields: sql`excluded.fields`, clocks: sql`excluded.clocks`, seq: sql`excluded.seq` },
    });
  return outcomes;
}
