/**
 * The bootstrap of a new PC builds the synced tables' secondary indexes after their rows, not while
 * the rows arrive. A snapshot comes in row-id order, so the tables and their unique keys grow at
 * their end, but each non-unique index (a household's persons, a name, a community) takes its rows
 * in random order: every page of rows dirtied a leaf page of each index per row, and every such page
 * went to the WAL again at every commit (a page of rows each) and to the file again at every
 * checkpoint. At 10,000 households the WAL took 4.7 times the file's pages; each costs the encrypted
 * file its cipher and HMAC (bench encryption-overhead). CREATE INDEX sorts and writes each page once.
 *
 * The dropped indexes are listed in local_meta in the transaction that drops them, and put back
 * from that list: at the bootstrap's end, or, when the app stopped before it, when the database is
 * next opened (before its migrations, which may name them): they are missing only while the process
 * that dropped them runs. Unique indexes stay: a constraint refusal parks a row (sync/apply.ts).
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { SYNC_CATALOG } from '../../../shared/sync/catalog';

const META = 'sync_bootstrap_dropped_indexes';

interface Dropped {
  name: string;
  sql: string;
}

function dropped(sqlite: Database.Database): Dropped[] {
  const hasMeta = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'local_meta'").get() !== undefined;
  const row = hasMeta ? (sqlite.prepare('SELECT value FROM local_meta WHERE key = ?').get(META) as { value: string } | undefined) : undefined;
  return row ? (JSON.parse(row.value) as Dropped[]) : [];
}

/** Drops the non-unique indexes of the synced tables and lists them (call in the transaction of the bootstrap's first page). */
export function dropIndexesForBootstrap(sqlite: Database.Database): number {
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'
       AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY name`,
    )
    .all(JSON.stringify([...SYNC_CATALOG.keys()])) as Dropped[];
  const all = [...dropped(sqlite), ...indexes];
  sqlite.prepare('INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(META, JSON.stringify(all));
  for (const i of indexes) sqlite.exec(`DROP INDEX "${i.name}"`);
  return indexes.length;
}

/**
 * Builds the indexes a bootstrap dropped, one a step (each in its own transaction, the caller may
 * take a turn between steps), and forgets the list once all are back.
 */
export function* restoreBootstrapIndexes(sqlite: Database.Database): Generator<string, number> {
  const list = dropped(sqlite);
  for (const i of list) {
    sqlite.transaction(() => {
      if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(i.name)) sqlite.exec(i.sql);
    })();
    yield i.name;
  }
  if (list.length > 0) sqlite.prepare('DELETE FROM local_meta WHERE key = ?').run(META);
  return list.length;
}
