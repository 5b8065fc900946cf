/**
 * Which tables changed, and which tables a computation read, on one connection (issue 15).
 *
 * Every table of the main schema gets TEMP triggers (this connection only) that call a JS function
 * on each inserted, updated or deleted row; the function stamps the table with the next value of a
 * sequence kept in memory. The sequence only ever grows: a write that is rolled back still counts,
 * so a result is at worst worked out again, never served from rows that were undone (a counter
 * kept in a table would go back with the rollback). Reads are seen by hooking the statements'
 * run methods, so every statement counts, drizzle's included, however it was prepared or cached.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

/** Stands for tables no trigger can watch (FTS5 tables and their shadow tables): any write counts. */
export const UNWATCHED = '*';
const BUMP_FUNCTION = 'doudi_table_changed';
const TRIGGER_PREFIX = 'doudi_changed_';
const MAX_SQL_KEPT = 4000;

interface Recording {
  db: Database.Database;
  tables: Set<string>;
}

/** The computations being recorded, innermost last (calls are synchronous: one stack suffices). */
const recordings: Recording[] = [];
const trackers = new WeakMap<Database.Database, TableChanges>();
const HOOKED = Symbol('doudi.readHook');

export class TableChanges {
  /** Bumped when every kept result must go: another connection committed, or the schema changed. */
  epoch = 0;
  private seq = 0;
  private readonly lastChange = new Map<string, number>();
  /** Table or view name (lower case) → the tables reading it reads. */
  private readonly reads = new Map<string, string[]>();
  private readonly sqlTables = new Map<string, string[]>();
  /** Per statement, so a statement run in a loop is looked up without hashing its SQL each time. */
  private statementTables = new WeakMap<Database.Statement, string[]>();
  private schemaVersion = -1;
  private dataVersion = -1;
  private readonly schemaStmt: Database.Statement;
  private readonly dataStmt: Database.Statement;
  private readonly totalStmt: Database.Statement;
  /** False while the schema changed inside an open transaction (triggers made there could be rolled back). */
  installed = false;

  constructor(private readonly db: Database.Database) {
    db.function(BUMP_FUNCTION, { deterministic: false }, (table: unknown) => {
      this.lastChange.set(String(table), ++this.seq);
      return null;
    });
    this.schemaStmt = db.prepare('PRAGMA schema_version').pluck();
    this.dataStmt = db.prepare('PRAGMA data_version').pluck();
    this.totalStmt = db.prepare('SELECT total_changes()').pluck();
    hookStatementRuns(db);
    this.check();
  }

  /** The sequence now: a result computed from here on is stale once a table it read is stamped later. */
  get now(): number {
    return this.seq;
  }

  /** Re-creates the triggers if the schema changed; a new epoch if it did or another connection committed. */
  check(): void {
    const schema = this.schemaStmt.get() as number;
    if (schema !== this.schemaVersion) {
      this.epoch++;
      if (this.db.inTransaction) {
        this.installed = false;
      } else {
        this.install();
        this.schemaVersion = this.schemaStmt.get() as number;
        this.installed = true;
      }
    }
    const data = this.dataStmt.get() as number;
    if (data !== this.dataVersion) {
      this.dataVersion = data;
      this.epoch++;
    }
  }

  /** Bumped by forgetAll only: state kept beside the results (due orders) is dropped with them. */
  forgotten = 0;

  /** Every kept result goes (a test or bench hook: the cold case). */
  forgetAll(): void {
    this.epoch++;
    this.forgotten++;
  }

  /** Whether none of `tables` changed after `since` (unwatched ones: no write at all since `anyWrites`). */
  unchanged(tables: readonly string[], since: number, anyWrites: number | null): boolean {
    for (const t of tables) {
      if (t === UNWATCHED) {
        if (anyWrites !== this.totalChanges()) return false;
      } else if ((this.lastChange.get(t) ?? 0) > since) return false;
    }
    return true;
  }

  /** Rows written by this connection since it opened, triggers included (for unwatched tables). */
  totalChanges(): number {
    return this.totalStmt.get() as number;
  }

  /** The tables the statement's SQL names. */
  tablesRead(stmt: Database.Statement): string[] {
    let found = this.statementTables.get(stmt);
    if (!found) this.statementTables.set(stmt, (found = this.tablesOf(stmt.source)));
    return found;
  }

  /** The tables the SQL names (views mapped to the tables they read); kept per SQL text. */
  tablesOf(sql: string): string[] {
    let found = this.sqlTables.get(sql);
    if (!found) {
      const names = new Set<string>();
      for (const word of sql.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
        for (const t of this.reads.get(word.toLowerCase()) ?? []) names.add(t);
      }
      found = [...names];
      if (this.sqlTables.size >= MAX_SQL_KEPT) this.sqlTables.clear();
      this.sqlTables.set(sql, found);
    }
    return found;
  }

  private install(): void {
    const temp = this.db.prepare(`SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE '${TRIGGER_PREFIX}%'`).pluck().all() as string[];
    for (const name of temp) this.db.exec(`DROP TRIGGER IF EXISTS temp."${name}"`);
    this.reads.clear();
    this.sqlTables.clear();
    this.statementTables = new WeakMap();
    const objects = this.db.prepare("SELECT type, name, sql FROM main.sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'").all() as { type: string; name: string; sql: string | null }[];
    for (const o of objects.filter((x) => x.type === 'table')) {
      const name = o.name.toLowerCase();
      this.reads.set(name, this.watch(o.name) ? [name] : [UNWATCHED]);
    }
    // Views last, each read as the tables it names (a view on a view: repeated until nothing changes).
    const views = objects.filter((x) => x.type === 'view');
    for (let round = 0; round <= views.length; round++) {
      for (const v of views) this.reads.set(v.name.toLowerCase(), this.namesIn(v.sql ?? '', v.name.toLowerCase()));
    }
  }

  private namesIn(sql: string, self: string): string[] {
    const names = new Set<string>();
    for (const word of sql.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
      const w = word.toLowerCase();
      if (w !== self) for (const t of this.reads.get(w) ?? []) names.add(t);
    }
    return [...names];
  }

  /** Triggers on one table; false when SQLite refuses them (virtual and shadow tables). */
  private watch(table: string): boolean {
    const quoted = table.replace(/"/g, '""');
    const literal = table.toLowerCase().replace(/'/g, "''");
    try {
      for (const [op, tag] of [['INSERT', 'i'], ['UPDATE', 'u'], ['DELETE', 'd']] as const) {
        this.db.exec(`CREATE TEMP TRIGGER "${TRIGGER_PREFIX}${tag}_${quoted}" AFTER ${op} ON main."${quoted}" BEGIN SELECT ${BUMP_FUNCTION}('${literal}'); END`);
      }
      return true;
    } catch {
      return false;
    }
  }
}

/** The connection's change tracker, made (triggers installed) on first use. */
export function tableChanges(db: Database.Database): TableChanges {
  let t = trackers.get(db);
  if (!t) trackers.set(db, (t = new TableChanges(db)));
  return t;
}

/**
 * Runs fn and returns the tables read meanwhile on `db`; those of a nested recording count for the
 * outer one too. `noteRead` adds tables by hand (a nested result served from where it was kept).
 */
export function recordingReads<T>(db: Database.Database, fn: () => T): { value: T; tables: string[] } {
  const rec: Recording = { db, tables: new Set() };
  recordings.push(rec);
  let value: T;
  try {
    value = fn();
  } finally {
    recordings.pop();
  }
  const tables = [...rec.tables];
  noteRead(db, tables);
  return { value, tables };
}

export function noteRead(db: Database.Database, tables: readonly string[]): void {
  const top = recordings[recordings.length - 1];
  if (top && top.db === db) for (const t of tables) top.tables.add(t);
}

/** Statements note the tables they name when run during a recording (one prototype for all connections). */
function hookStatementRuns(db: Database.Database): void {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string | symbol, unknown>;
  if (proto[HOOKED]) return;
  proto[HOOKED] = true;
  for (const method of ['get', 'all', 'iterate', 'run'] as const) {
    const original = proto[method] as (this: Database.Statement, ...args: unknown[]) => unknown;
    proto[method] = function (this: Database.Statement, ...args: unknown[]) {
      const top = recordings[recordings.length - 1];
      if (top && top.db === this.database) {
        const tracker = trackers.get(this.database);
        if (tracker) for (const t of tracker.tablesRead(this)) top.tables.add(t);
      }
      return original.apply(this, args);
    };
  }
}
