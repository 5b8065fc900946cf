/**
 * The server's change log and merged state: push (validated, idempotent by node + hlc), pull by
 * sequence filtered to the device's scope (snapshot pages of current state: snapshot.ts). Pushes
 * are serialised with a transaction-scoped advisory lock so that sequence numbers become visible in order and a
 * pull cursor never skips a change committed later with a lower number.
 *
 * Changes are checked and stored a chunk at a time (store-batch.ts: a few statements per chunk, not
 * five per change, since the lock holds every other street's sync for the whole push).
 * A change the server cannot store is refused on its own, never the batch: checked first
 * (validate.ts), and a chunk the database refuses is redone change by change, each under a
 * savepoint, so that a database error on one (a value PostgreSQL refuses that the checks missed)
 * rolls back that change only and is answered `store-failed`. What is logged of it: its stamp,
 * table, row id and the database's error code.
 */
import { and, asc, eq, gt, inArray, isNull, lte, max, ne, or, sql } from 'drizzle-orm';
import type { ServerDb } from '../db/open';
import { syncChanges, syncRows } from '../db/schema';
import {
  DISTRICT_PARTITION,
  type Change,
  type OwnCheck,
  type PullResponse,
  type PushResponse,
  type RowResponse,
  type Rejection,
  type Scope,
  sameFields,
} from '../../shared/sync/wire';
import { unstorableProblem, type Problem } from './validate';
import { GUARDED_TABLES, type Voucher } from './authority';
import { newRowProblem } from './batch-freeze';
import { withholdCredentials } from './credentials';
import { changeProblem, storeChunk, type Outcome } from './store-batch';
import { SYNC_REASONS, SyncRefusal } from '../../shared/sync/rejections';

export type Tx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];
type Value = string | number | null;

export interface Pusher {
  deviceId: string | null;
  node: string | null;
  scope: Scope | null;
  /** When the device enrolled (ISO); with `voucher`, the authority over users rows (authority.ts). */
  enrolledAt?: string;
  voucher?: Voucher | null;
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

/**
 * True when the server holds changes of this device that the replica does not know of (beyond its
 * `known` and not carried by this request), or knows the device by another node: the replica runs
 * on an older copy of its data (a restored backup, a copied data folder). Uses the (device_id, hlc)
 * index; at most `carried.length + 1` rows are read.
 */
export async function replicaBehind(
  db: ServerDb | Tx,
  who: { deviceId: string | null; node: string | null },
  check: Partial<OwnCheck>,
  carried: readonly Change[] = [],
): Promise<boolean> {
  if (!who.deviceId) return false;
  if (check.node !== undefined && who.node !== null && check.node !== who.node) return true;
  if (check.known === undefined) return false;
  const rows = await db
    .select({ node: syncChanges.node, hlc: syncChanges.hlc })
    .from(syncChanges)
    .where(and(eq(syncChanges.deviceId, who.deviceId), check.known === 'none' ? undefined : gt(syncChanges.hlc, check.known)))
    .orderBy(asc(syncChanges.hlc))
    .limit(carried.length + 1);
  const keys = new Set(carried.map((c) => `${c.node}/${c.hlc}`));
  return rows.some((r) => !keys.has(`${r.node}/${r.hlc}`));
}

/** A new payment batch row for a batch the server already holds confirmed: refused (batch-freeze.ts). */
async function rowOfFrozenBatch(tx: Tx, c: Change, exists: boolean): Promise<Problem | null> {
  if (c.table !== 'payment_batch_rows' || exists || typeof c.fields.batch_id !== 'string') return null;
  const [batch] = await tx
    .select({ fields: syncRows.fields })
    .from(syncRows)
    .where(and(eq(syncRows.tableName, 'payment_batches'), eq(syncRows.rowId, c.fields.batch_id)));
  return newRowProblem(batch?.fields ?? null);
}

/** Validates and stores one change (under the caller's savepoint); its problem, or null when stored. */
async function storeChange(tx: Tx, who: Pusher, c: Change, now: Date): Promise<Problem | null> {
  const [existing] = await tx
    .select({ partition: syncRows.partition, fields: GUARDED_TABLES.has(c.table) ? syncRows.fields : sql<null>`null` })
    .from(syncRows)
    .where(and(eq(syncRows.tableName, c.table), eq(syncRows.rowId, c.rowId)));
  const problem = changeProblem(who, c, existing, now);
  if (problem) return problem;
  const late = await rowOfFrozenBatch(tx, c, existing !== undefined);
  if (late) return late;
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
  return null;
}

/** A change the database refused to store: ids and the error's code only, never its values. */
export interface StoreFailure {
  hlc: string;
  table: string;
  rowId: string;
  error: string;
}

/** The database's error code (SQLSTATE) of an error or its cause, else its class name. */
function errorCode(err: unknown): string {
  for (let e = err as { code?: unknown; cause?: unknown; name?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return String((err as { name?: unknown })?.name ?? 'Error');
}

/**
 * Errors of the database as a whole, not of one change (connection lost, deadlock or serialization
 * failure, out of resources, shutting down): the request fails and the PC retries it, rather than
 * a change being refused for good for them.
 */
const PASSING = /^(08|40|53|57|58)/;

/** Changes per chunk of the batch path: a few thousand statement parameters per insert. */
export const PUSH_CHUNK = 500;

/** One change under its own savepoint; a database error refuses it alone as `store-failed`. */
async function storeOne(
  tx: Tx,
  who: Pusher,
  c: Change,
  known: ReadonlySet<string>,
  now: Date,
  onStoreFailure: (f: StoreFailure) => void,
): Promise<Outcome> {
  if (known.has(`${c.node}/${c.hlc}`)) return 'duplicate';
  try {
    return (await tx.transaction(async (sp) => storeChange(sp, who, c, now))) ?? 'stored';
  } catch (err) {
    if (PASSING.test(errorCode(err))) throw err;
    onStoreFailure({ hlc: c.hlc, table: c.table, rowId: c.rowId, error: errorCode(err) });
    return { code: 'store-failed', message: SYNC_REASONS['store-failed'].message };
  }
}

export async function pushChanges(
  db: ServerDb,
  who: Pusher,
  all: Change[],
  now: Date,
  check: Partial<OwnCheck> = {},
  onStoreFailure: (f: StoreFailure) => void = () => undefined,
  /** Chunks checked in JS and stored a few statements each (store-batch.ts), or each change under its own savepoint. */
  path: { chunk: number } | 'one-by-one' = { chunk: PUSH_CHUNK },
): Promise<PushResponse> {
  const accepted: string[] = [];
  const rejected: Rejection[] = [];
  // Refused before any query: a row id or node PostgreSQL cannot hold would fail the look-ups below.
  const changes: Change[] = [];
  for (const c of all) {
    const problem = unstorableProblem(c);
    if (problem) rejected.push({ hlc: c.hlc, node: c.node, ...problem });
    else changes.push(c);
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK})`);
    const known = new Set<string>();
    const hlcs = changes.map((c) => c.hlc);
    let collides = false;
    if (hlcs.length > 0) {
      const dup = await tx
        .select({ node: syncChanges.node, hlc: syncChanges.hlc, table: syncChanges.tableName, rowId: syncChanges.rowId, fields: syncChanges.fields })
        .from(syncChanges)
        // By (node, hlc), the unique index's columns: by hlc alone PostgreSQL read the whole log at every push.
        .where(and(inArray(syncChanges.node, [...new Set(changes.map((c) => c.node))]), inArray(syncChanges.hlc, hlcs)));
      const byKey = new Map(changes.map((c) => [`${c.node}/${c.hlc}`, c]));
      for (const d of dup) {
        const key = `${d.node}/${d.hlc}`;
        known.add(key);
        const c = byKey.get(key);
        if (c && (c.table !== d.table || c.rowId !== d.rowId || !sameFields(c.fields, d.fields))) collides = true;
      }
    }
    // Before anything is stored: a restored replica's new stamps could repeat ones already held
    // (a different change under a stored key would be acknowledged as a duplicate and lost), and
    // its pushes would hide the gap from a later check. A request whose every change is stored
    // already (a late copy of a retried push) stores nothing and is acknowledged as before.
    const fresh = changes.some((c) => !known.has(`${c.node}/${c.hlc}`));
    if ((check.known !== undefined || check.node !== undefined) && (collides || (fresh && (await replicaBehind(tx, who, check, changes))))) {
      throw new SyncRefusal('replica-behind', undefined, 409);
    }
    const answer = (c: Change, outcome: Outcome) => {
      if (outcome === 'duplicate' || outcome === 'stored') {
        known.add(`${c.node}/${c.hlc}`);
        accepted.push(c.hlc);
      } else {
        rejected.push({ hlc: c.hlc, node: c.node, ...outcome });
      }
    };
    const chunkSize = path === 'one-by-one' ? 0 : path.chunk;
    for (let i = 0; i < changes.length; i += chunkSize || changes.length) {
      const chunk = changes.slice(i, chunkSize ? i + chunkSize : changes.length);
      let outcomes: Outcome[] | null = null;
      if (chunkSize) {
        try {
          outcomes = await tx.transaction(async (sp) => storeChunk(sp, who, chunk, known, now));
        } catch (err) {
          // The chunk is redone change by change below, to refuse the one the database refused.
          if (PASSING.test(errorCode(err))) throw err;
        }
      }
      if (outcomes) chunk.forEach((c, j) => answer(c, outcomes[j]!));
      else for (const c of chunk) answer(c, await storeOne(tx, who, c, known, now, onStoreFailure));
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
  device: { id: string; scope: Scope; node?: string },
  after: number,
  limit: number,
  now: Date,
  opts: { own?: boolean; check?: Partial<OwnCheck> } = {},
): Promise<PullResponse> {
  const top = await maxSeq(db);
  // After `top` is fixed: a change of the device that this page could pass over unseen (a second
  // PC running on a copy of the same data pushing meanwhile) is then caught by the check.
  if (!opts.own && opts.check && (await replicaBehind(db, { deviceId: device.id, node: device.node ?? null }, opts.check))) {
    throw new SyncRefusal('replica-behind', undefined, 409);
  }
  const rows = await db
    .select()
    .from(syncChanges)
    .where(
      and(
        gt(syncChanges.seq, after),
        lte(syncChanges.seq, top),
        scopeFilter(device.scope, syncChanges.partition),
        opts.own
          ? // a replica restored from an older copy fetches back what it pushed after the copy
            eq(syncChanges.deviceId, device.id)
          : // a device's own changes are already applied where they came from
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
      fields: withholdCredentials(device.scope, r.tableName, r.partition, r.fields),
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
    row: r
      ? { table: r.tableName, rowId: r.rowId, partition: r.partition, fields: withholdCredentials(device.scope, r.tableName, r.partition, r.fields), clocks: r.clocks }
      : null,
    serverTime: now.toISOString(),
  };
}
