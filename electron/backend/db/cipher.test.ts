/** The keying rule of db/cipher.ts: the pragmas replayed elsewhere open the file, and a rekey in each direction. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, expect, test } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyDatabaseKey, keyingPragmas, rekeyConnection } from './cipher';
import { removeTestDir } from '../testing/remove-dir';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeTestDir(d);
});

function file(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-cipher-'));
  dirs.push(d);
  return path.join(d, 'db.sqlite');
}

function write(f: string, key: Buffer | null): void {
  const db = new Database(f);
  if (key) applyDatabaseKey(db, key);
  db.exec("CREATE TABLE t (name TEXT); INSERT INTO t VALUES ('滕晓蔷')");
  db.close();
}

function read(f: string, pragmas: string[]): string {
  const db = new Database(f, { readonly: true });
  try {
    for (const p of pragmas) db.pragma(p);
    return (db.prepare('SELECT name FROM t').get() as { name: string }).name;
  } finally {
    db.close();
  }
}

function rekey(f: string, from: Buffer | null, to: Buffer | null): void {
  const db = new Database(f);
  if (from) applyDatabaseKey(db, from);
  db.pragma('journal_mode = DELETE');
  rekeyConnection(db, to);
  db.close();
}

test('the keying pragmas replayed on a connection of their own open a file keyed by applyDatabaseKey', () => {
  const f = file();
  const key = randomBytes(32);
  write(f, key);
  expect(read(f, keyingPragmas(key))).toBe('滕晓蔷');
  expect(() => read(f, keyingPragmas(randomBytes(32)))).toThrow(/not a database/);
  expect(fs.readFileSync(f).includes(Buffer.from('滕晓蔷'))).toBe(false);
});

test('rekeyConnection: a plain file encrypted, a key changed, a copy made plain; each opens with the keying rule', () => {
  const f = file();
  const [a, b] = [randomBytes(32), randomBytes(32)];
  write(f, null);
  rekey(f, null, a);
  expect(read(f, keyingPragmas(a))).toBe('滕晓蔷');
  rekey(f, a, b);
  expect(() => read(f, keyingPragmas(a))).toThrow(/not a database/);
  expect(read(f, keyingPragmas(b))).toBe('滕晓蔷');
  rekey(f, b, null);
  expect(read(f, [])).toBe('滕晓蔷');
});
