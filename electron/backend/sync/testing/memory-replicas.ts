/**
 * In-process replicas for sync tests: each a Store on its own in-memory SQLite database, cloned
 * from one migrated template so that hundreds of replicas are cheap.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach } from 'vitest';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema';
import { openDatabase } from '../../db/open';
import { Store } from '../../store/store';

let template: Buffer | null = null;

function migratedImage(): Buffer {
  if (!template) {
    const db = openDatabase(':memory:', { key: null });
    template = db.sqlite.serialize();
    db.close();
  }
  return template;
}

export function memoryStore(now: () => Date): Store {
  const sqlite = new Database(migratedImage());
  sqlite.pragma('foreign_keys = ON');
  const orm = drizzle(sqlite, { schema });
  return new Store({ sqlite, orm, key: null, close: () => sqlite.close() }, { now });
}

/** Rows of the given tables as plain objects sorted by id, for comparing replicas. */
export function dumpTables(store: Store, tables: string[]): Record<string, unknown[]> {
  return Object.fromEntries(tables.map((t) => [t, store.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY id`).all()]));
}

export const TEST_STREET = '120110001000';
/** The actor of writes made by a test itself. */
export const TEST_ACTOR = { userId: null, username: 'system', streetCode: TEST_STREET };

/**
 * A maker of memory replicas for one test file, each at a fixed time (by default 2026-06-01),
 * all closed after each test.
 */
export function testReplicas(defaultAt = Date.UTC(2026, 5, 1)): (at?: number) => Store {
  const open: Store[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.sqlite.close();
  });
  return (at = defaultAt) => {
    const s = memoryStore(() => new Date(at));
    open.push(s);
    return s;
  };
}
