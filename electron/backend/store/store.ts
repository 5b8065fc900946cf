/**
 * The one write path. Every change to a synced table goes through `Store.insert/update/softDelete`,
 * which in one transaction writes the row, stamps each changed field with a hybrid-logical-clock
 * timestamp (field_clocks), appends the change to the outbox (change_log) and appends an audit
 * event. The sync client only has to ship change_log; services never write synced tables directly.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3-multiple-ciphers';
import { HybridClock } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/uuid';
import { commitLong, type OpenedDb, type Orm } from '../db/open';
import type { SyncedTableName } from '../db/schema';
import { AppError } from '../../../shared/errors';
import { PLAIN_BOX, type SecretBox } from './secret-box';
import { printable, printableJson } from '../../../shared/text/printable';
import { insertRows } from './bulk-insert';
import { ChangeEntries } from './change-entries';
import { BOOKKEEPING, rowPartition, storedRow, tableMeta, toDriver } from './table-meta';

export interface Actor {
  userId: string | null;
  username: string | null;
  /** Partition the actor works in. */
  streetCode: string;
}

export interface AuditSpec {
  action: string;
  summary: string;
  detail?: unknown;
}

export const CLOCK_SKEW_META = 'sync_clock_skew_ms';
export const REMOTE_HLC_META = 'sync_max_remote_hlc';

/** Corrects only a clock that runs fast by more than a minute; a slow clock stamps in the past, which is safe. */
function clockCorrection(skewMs: number): number {
  return Number.isFinite(skewMs) && skewMs > 60_000 ? skewMs : 0;
}

/** 16 hex chars of a UUIDv7's random part: unique per replica, stable across restarts. */
export function newNodeId(): string {
  return uuidv7().replace(/-/g, '').slice(16);
}

export class Store {
  readonly sqlite: Database.Database;
  readonly orm: Orm;
  readonly databaseKey: Buffer | null; // the file's key (recovery key, backups); null when plain
  private readonly checkpointLongCommits: (() => void) | undefined; // OpenedDb.checkpointLongCommits
  private hybridClock: HybridClock;
  private node: string;
  private readonly now: () => Date;
  /** Set only inside `asOf`. */
  private pinnedNow: Date | null = null;
  private readonly stmts = new Map<string, Database.Statement>();
  private readonly secrets: SecretBox;
  /** How far this PC's clock runs ahead of the district server, as the last sync measured it. */
  private clockAheadMs = 0;
  /** Tables written since the last flush: told to `onChanged` once the transaction commits. */
  private readonly touched = new Set<string>();
  private readonly onChanged: ((tables: string[]) => void) | undefined;
  /** The async context of the open yielding transaction's work (txYielding), null when none is open. */
  private yielding: AsyncLocalStorage<true> | null = null;
  /** The open group commit (groupStep): its steps so far, and whether one of them is running. */
  private group: { steps: number; inStep: boolean; stepTx: boolean } | null = null;

  constructor(db: OpenedDb, opts: { now?: () => Date; secrets?: SecretBox; onChanged?: (tables: string[]) => void } = {}) {
    this.secrets = opts.secrets ?? PLAIN_BOX;
    this.onChanged = opts.onChanged;
    this.sqlite = db.sqlite;
    this.orm = db.orm;
    this.databaseKey = db.key;
    this.checkpointLongCommits = db.checkpointLongCommits;
    // Performance only. Each write touches many b-trees (row, indexes, search index, field clocks,
    // change log); with the default 2 MB page cache a large transaction (an import, a sync page, the
    // demo street) spills dirty pages to the WAL and reads them back. Statement journals stay in memory.
    this.sqlite.pragma('cache_size = -65536');
    this.sqlite.pragma('temp_store = MEMORY');
    this.now = opts.now ?? (() => new Date());
    let node = this.getMeta('node_id');
    if (!node) {
      node = newNodeId();
      this.setMeta('node_id', node);
    }
    this.node = node;
    this.clockAheadMs = clockCorrection(Number(this.getMeta(CLOCK_SKEW_META) ?? 0));
    this.hybridClock = new HybridClock(node, this.stampTime, this.getMeta('hlc') ?? undefined);
  }

  /** The node id of this replica: the node part of its stamps (renewed when restored from an old copy). */
  get nodeId(): string { return this.node; }

  get clock(): HybridClock {
    return this.hybridClock;
  }

  // Change stamps follow the server's time when this PC's clock is known to run fast: the server
  // refuses stamps more than 5 minutes ahead, and office PCs with a wrong clock are common.
  private readonly stampTime = (): number => this.now().getTime() - this.clockAheadMs;

  /**
   * Switches this replica to a new node id, the clock continuing from where it stands. Only for a
   * replica found to run on an older copy of its data (sync/recover.ts): its old node's later stamps
   * are on the server, and a new stamp must never repeat one of them.
   */
  renewNode(node: string): void {
    const last = this.hybridClock.current();
    this.setMeta('node_id', node);
    this.node = node;
    this.hybridClock = new HybridClock(node, this.stampTime, last);
    this.setMeta('hlc', this.hybridClock.current());
  }

  /** The newest stamp received from the server (never in the future: the server checks them). */
  noteRemoteHlc(hlc: string): void {
    const seen = this.getMeta(REMOTE_HLC_META);
    if (!seen || hlc > seen) this.setMeta(REMOTE_HLC_META, hlc);
  }

  /** Records the local clock's offset from the server's (local minus server, ms), measured by a sync. */
  noteClockSkew(skewMs: number): void {
    this.setMeta(CLOCK_SKEW_META, String(skewMs));
    this.clockAheadMs = clockCorrection(skewMs);
  }

  nowIso(): string {
    return this.nowDate().toISOString();
  }

  nowDate(): Date {
    return this.pinnedNow ?? this.now();
  }

  /**
   * Runs fn with the services' "now" at `at` (the demo street's generated past, demo/history.ts).
   * Change stamps and ids keep the real clock, so they never run backwards.
   */
  asOf<T>(at: Date, fn: () => T): T {
    const before = this.pinnedNow;
    this.pinnedNow = at;
    try {
      return fn();
    } finally {
      this.pinnedNow = before;
    }
  }

  prepare(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.sqlite.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  /** Runs fn in one transaction (a savepoint when nested); the outermost one tells what it changed. */
  tx<T>(fn: () => T): T {
    this.refuseOutsideYielding();
    this.commitGroupForOutsideWrite();
    if (this.group?.inStep && !this.group.stepTx) return this.stepTx(fn);
    if (this.sqlite.inTransaction) return this.sqlite.transaction(fn)();
    let out: T;
    try {
      out = this.sqlite.transaction(fn)();
    } catch (err) {
      this.touched.clear(); // rolled back: nothing changed
      throw err;
    }
    this.flushChanged();
    return out;
  }

  /**
   * Runs async fn in one transaction that stays open across fn's awaits: long work that must be
   * all-or-nothing (an import of 20,000 rows) yet gives the backend's other calls a turn. Those
   * calls must not write meanwhile, or their writes would join (and roll back with) this one: the
   * backend's call gate holds them back, and tx() refuses a write from outside fn while it is open.
   */
  async txYielding<T>(fn: () => Promise<T>): Promise<T> {
    this.refuseOutsideYielding();
    this.commitGroupForOutsideWrite();
    if (this.sqlite.inTransaction) throw new Error('txYielding cannot run inside another transaction');
    const scope = new AsyncLocalStorage<true>();
    this.sqlite.exec('BEGIN IMMEDIATE');
    this.yielding = scope;
    let out: T;
    try {
      out = await scope.run(true, fn);
      commitLong(this.sqlite, this.checkpointLongCommits); // its WAL checkpoint off this thread (db/open.ts)
    } catch (err) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      this.touched.clear(); // rolled back: nothing changed
      throw err;
    } finally {
      this.yielding = null;
    }
    this.flushChanged();
    return out;
  }

  /** Whether a yielding transaction is open (its work is under way). */
  get yieldingOpen(): boolean {
    return this.yielding !== null;
  }

  /**
   * Runs fn as one step of a group commit (the bootstrap's snapshot pages): the steps share one
   * transaction, committed every `every` steps, so the pages each touches (a table's last page, unique
   * index leaves) go to the WAL once a group, not once a step. Each step must leave the data whole (a
   * crash loses the uncommitted steps). Open between steps, across awaits: any other write and every
   * served call (app.ts) commits it first. Steps take no savepoint (it copies each page touched into a
   * sub-journal): one that throws rolls back the open group. The caller ends it with commitGroup.
   */
  groupStep<T>(every: number, fn: () => T): T {
    this.refuseOutsideYielding();
    if (!this.group) {
      if (this.sqlite.inTransaction) return this.tx(fn); // inside another transaction: a part of it
      this.sqlite.exec('BEGIN IMMEDIATE');
      this.group = { steps: 0, inStep: false, stepTx: false };
    }
    const group = this.group;
    group.inStep = true;
    let out: T;
    try {
      out = fn();
    } catch (err) {
      this.group = null;
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      this.touched.clear(); // rolled back: nothing changed
      throw err;
    } finally {
      group.inStep = false;
    }
    if (++group.steps >= every) this.commitGroup();
    return out;
  }

  /** Commits the open group commit's steps (groupStep), if any; a failed COMMIT rolls them back and throws. */
  commitGroup(): void {
    const open = this.group !== null && this.sqlite.inTransaction;
    this.group = null;
    if (!open) return;
    try {
      this.sqlite.exec('COMMIT');
    } catch (err) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      this.touched.clear();
      throw err;
    }
    this.flushChanged();
  }

  /** A step's own transaction (tx inside groupStep): the open group's, without a savepoint. */
  private stepTx<T>(fn: () => T): T {
    this.group!.stepTx = true;
    try {
      return fn();
    } finally {
      if (this.group) this.group.stepTx = false;
    }
  }

  private commitGroupForOutsideWrite(): void {
    if (this.group && !this.group.inStep) this.commitGroup();
  }

  private refuseOutsideYielding(): void {
    if (this.yielding && !this.yielding.getStore()) {
      throw new AppError('busy', '正在进行导入等耗时操作，请等其完成后再保存');
    }
  }

  /** Notes a table written by the open transaction (the sync's apply writes rows with SQL of its own). */
  noteTouched(table: string): void {
    this.touched.add(table);
  }

  /**
   * Tells the listener which tables changed since the last flush, once (after a commit; the backend
   * also flushes after each call, for writes made outside `tx`).
   */
  flushChanged(): void {
    if (this.touched.size === 0 || this.sqlite.inTransaction) return;
    const tables = [...this.touched].sort();
    this.touched.clear();
    this.onChanged?.(tables);
  }

  /**
   * Runs one insert/update as a unit: a transaction of its own, or, inside an open transaction,
   * no savepoint (a savepoint copies every page the write touches into a sub-journal: a sixth of
   * the cost of a bulk load). Nothing is lost by that: everything that can fail on data (an
   * unknown column, clock overflow, a constraint of the row's own statement, which SQLite undoes
   * by itself) happens before or as the first write, so a failing call leaves nothing behind.
   */
  private unit<T>(fn: () => T): T {
    this.refuseOutsideYielding();
    this.commitGroupForOutsideWrite();
    return this.sqlite.inTransaction ? fn() : this.tx(fn);
  }

  getMeta(key: string): string | null {
    const row = this.prepare('SELECT value FROM local_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  /** A secret kept in local_meta, sealed with the OS key store when the shell provides one. */
  getSecretMeta(key: string): string | null {
    const stored = this.getMeta(key);
    return stored === null ? null : this.secrets.open(stored);
  }

  setSecretMeta(key: string, value: string): void {
    this.setMeta(key, this.secrets.seal(value));
  }

  setMeta(key: string, value: string): void {
    this.prepare('INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Inserts a row (camelCase keys); returns its id. */
  insert(table: SyncedTableName, values: Record<string, unknown>, actor: Actor, audit: AuditSpec | null): string {
    return this.unit(() => {
      const id = typeof values.id === 'string' ? values.id : uuidv7(this.now().getTime());
      const { names, args } = storedRow(table, values, id, this.nowIso());
      const hlc = this.clock.tick();
      this.touched.add(table);
      this.prepare(`INSERT INTO ${table} (${names}) VALUES (${args.map(() => '?').join(', ')})`).run(...args);
      // Log the row as stored, defaults included, so every replica builds the same complete row.
      const stored = this.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
      this.logChange(table, id, rowPartition(table, stored), stored, hlc, true);
      if (audit) this.audit(actor, { ...audit, entity: table, entityId: id });
      return id;
    });
  }

  /**
   * Inserts many rows of one table (camelCase keys, no audit event each): the same rows, change log
   * entries and field clocks as `insert` row by row, written with fewer statements (bulk-insert.ts).
   */
  insertMany(table: SyncedTableName, rows: readonly Record<string, unknown>[]): string[] {
    return this.unit(() => {
      this.touched.add(table);
      return insertRows(this, table, rows, () => uuidv7(this.now().getTime()));
    });
  }

  /**
   * Applies a patch (camelCase keys) to a live row. Only fields whose value changes are written,
   * logged and clocked. Returns the changed keys; an empty patch writes nothing.
   */
  update(
    table: SyncedTableName,
    id: string,
    patch: Record<string, unknown>,
    actor: Actor,
    audit: AuditSpec | null,
  ): string[] {
    return this.unit(() => {
      const meta = tableMeta(table);
      const current = this.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
      if (!current) throw new AppError('not-found', '记录不存在或已被删除');
      const changed: Record<string, unknown> = {};
      const changedKeys: string[] = [];
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || BOOKKEEPING.has(key)) continue;
        const col = meta.byKey.get(key);
        if (!col) throw new Error(`unknown column ${table}.${key}`);
        const driver = toDriver(col, value);
        if (driver !== current[col.name]) {
          changed[col.name] = driver;
          changedKeys.push(key);
        }
      }
      if (changedKeys.length === 0) return [];
      changed.updated_at = this.nowIso();
      const names = Object.keys(changed);
      const partition = rowPartition(table, current);
      const hlc = this.clock.tick();
      this.touched.add(table);
      this.prepare(`UPDATE ${table} SET ${names.map((n) => `"${n}" = ?`).join(', ')} WHERE id = ?`).run(
        ...names.map((n) => changed[n]),
        id,
      );
      this.logChange(table, id, partition, changed, hlc);
      if (audit) {
        const before: Record<string, unknown> = {};
        for (const key of changedKeys) before[key] = current[meta.byKey.get(key)!.name];
        this.audit(actor, {
          ...audit,
          entity: table,
          entityId: id,
          detail: audit.detail ?? { fields: changedKeys, before },
        });
      }
      return changedKeys;
    });
  }

  softDelete(table: SyncedTableName, id: string, actor: Actor, audit: AuditSpec | null): void {
    this.update(table, id, { deletedAt: this.nowIso() }, actor, audit);
  }

  /** Appends an audit event (itself a synced, append-only row). */
  audit(actor: Actor, spec: AuditSpec & { entity: string; entityId: string | null }): void {
    const id = uuidv7(this.now().getTime());
    const at = this.nowIso();
    const fields: Record<string, unknown> = {
      id,
      created_at: at,
      updated_at: at,
      deleted_at: null,
      street_code: actor.streetCode,
      at,
      user_id: actor.userId,
      username: actor.username,
      action: spec.action,
      entity: spec.entity,
      entity_id: spec.entityId,
      // What the event saw is kept printable: a value the server refuses (a NUL an old PC stored) must
      // not make the append-only event itself unsyncable.
      summary: printable(spec.summary, { keepBackslash: true }),
      detail: spec.detail === undefined ? null : JSON.stringify(printableJson(spec.detail)),
    };
    const names = Object.keys(fields);
    const hlc = this.clock.tick();
    this.touched.add('audit_events');
    this.prepare(`INSERT INTO audit_events (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(
      ...names.map((n) => fields[n]),
    );
    this.logChange('audit_events', id, actor.streetCode, fields, hlc, true);
  }

  /** The change's field clocks and change-log entry, and the last stamp saved (change-entries.ts). */
  private logChange(
    table: SyncedTableName,
    rowId: string,
    partition: string,
    fields: Record<string, unknown>,
    hlc: string,
    whole = false,
  ): void {
    const entries = new ChangeEntries(this);
    entries.add(table, rowId, partition, fields, hlc, whole);
    entries.write();
  }
}
