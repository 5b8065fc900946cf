/**
 * The indexes a bootstrap drops while its rows arrive (db/bootstrap-indexes.ts) come back: at its
 * end, or, when the app stopped before that (killed, a failed page and a crash), at the next open
 * of the database file, with the same definitions; the unique ones are never dropped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { dropIndexesForBootstrap, restoreBootstrapIndexes } from './bootstrap-indexes';
import { openDatabase } from './open';
import { removeTestDir } from '../testing/remove-dir';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) removeTestDir(dirs.pop()!);
});

function fileDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bootstrap-indexes-'));
  dirs.push(dir);
  return path.join(dir, 'doudi.sqlite');
}

const indexes = (db: ReturnType<typeof openDatabase>) =>
  db.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { name: string; sql: string }[];

describe('indexes dropped for a bootstrap', () => {
  test('are put back by the bootstrap, with the unique ones never dropped', () => {
    const db = openDatabase(fileDb(), { key: null });
    try {
      const before = indexes(db);
      const dropped = db.sqlite.transaction(() => dropIndexesForBootstrap(db.sqlite))();
      expect(dropped).toBeGreaterThan(20);
      const during = indexes(db);
      expect(during.length).toBe(before.length - dropped);
      // persons by household, by name: gone; a unique index stays (a constraint refusal parks a row)
      expect(before.filter((i) => i.sql.startsWith('CREATE UNIQUE')).every((u) => during.some((i) => i.name === u.name))).toBe(true);
      expect(during.some((i) => /ON `persons`/.test(i.sql) && !i.sql.startsWith('CREATE UNIQUE'))).toBe(false);
      // a second bootstrap attempt in the same run keeps the list whole
      expect(db.sqlite.transaction(() => dropIndexesForBootstrap(db.sqlite))()).toBe(0);
      const steps = [...restoreBootstrapIndexes(db.sqlite)];
      expect(steps).toHaveLength(dropped);
      expect(indexes(db)).toEqual(before);
      expect([...restoreBootstrapIndexes(db.sqlite)]).toEqual([]);
    } finally {
      db.close();
    }
  });

  test('are put back when the database is opened again after the app stopped mid-bootstrap', () => {
    const file = fileDb();
    const first = openDatabase(file, { key: null });
    const before = indexes(first);
    first.sqlite.transaction(() => dropIndexesForBootstrap(first.sqlite))();
    expect(indexes(first).length).toBeLessThan(before.length);
    first.close(); // stopped before the bootstrap's end
    const again = openDatabase(file, { key: null });
    try {
      expect(indexes(again)).toEqual(before);
      expect(again.sqlite.prepare("SELECT count(*) AS n FROM local_meta WHERE key LIKE 'sync_bootstrap%'").get()).toEqual({ n: 0 });
    } finally {
      again.close();
    }
  });
});
