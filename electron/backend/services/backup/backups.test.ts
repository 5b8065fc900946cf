/**
 * Backups of a plain and of an encrypted database: consistent while another process writes, checked
 * and recorded, no plaintext in an encrypted one, 0600, and a kill -9 half-way leaves the database
 * usable (and no listed backup that is not whole).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { makeIdNumber } from '../../../../shared/id-number';
import { applyDatabaseKey } from '../../db/cipher';
import { systemActor } from '../setup/street';
import { BackupService } from './backups';
import { readManifest } from './manifest';
import { openDatabase } from '../../db/open';
import { Store } from '../../store/store';
import { removeTestDir } from '../../testing/remove-dir';

const NOW = new Date('2026-06-01T08:00:00Z');
const STREET = '120110001000';
const NAME = '滕晓蔷';
const ID_NUMBER = makeIdNumber('120110', '19610307', 417);
const dirs: string[] = [];
const here = path.dirname(fileURLToPath(import.meta.url));

afterEach(() => {
  for (const d of dirs.splice(0)) removeTestDir(d);
});

function tmp(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** A database with a known person and some bulk (so that the copy takes several steps). */
function database(key: Buffer | null, bulkRows = 0): { file: string; store: Store } {
  const file = path.join(tmp('doudi-bk-db-'), 'doudi.sqlite');
  const store = new Store(openDatabase(file, { key }), { now: () => NOW });
  store.tx(() => {
    store.setMeta('street_code', STREET);
    const actor = systemActor(STREET);
    store.insert('streets', { streetCode: STREET, code: STREET, name: '张贵庄街道', officeName: '张贵庄街道公共服务办公室' }, actor, null);
    const community = store.insert('communities', { streetCode: STREET, name: '詹滨西里社区' }, actor, null);
    const household = store.insert('households', { streetCode: STREET, communityId: community, address: '詹滨西里7号', hukouType: 'urban' }, actor, null);
    store.insert('persons', { streetCode: STREET, householdId: household, name: NAME, namePinyin: 'tengxiaoqiang', nameInitials: 'txq', idNumber: ID_NUMBER, relation: '01', sex: 'female', birthDate: '1961-03-07' }, actor, {
      action: 'test.person',
      summary: 'test',
    });
  });
  store.sqlite.exec('CREATE TABLE backup_probe (n INTEGER NOT NULL, half INTEGER NOT NULL, pad BLOB)');
  const pad = store.sqlite.prepare('INSERT INTO backup_probe (n, half, pad) VALUES (0, ?, randomblob(3000))');
  store.sqlite.transaction(() => {
    for (let i = 0; i < bulkRows; i++) pad.run(i % 2);
  })();
  return { file, store };
}

function service(file: string, store: Store, key: Buffer | null, progress: string[] = []): BackupService {
  return new BackupService({ dataDir: path.dirname(file), dbFile: file, key, store: () => store, progress: (p) => progress.push(`${p.done}/${p.total}`) });
}

function openBackup(file: string, key: Buffer | null): CipherDatabase.Database {
  const db = new CipherDatabase(file, { readonly: true, fileMustExist: true });
  if (key) applyDatabaseKey(db, key);
  return db;
}

/** Pairs of the probe table whose two halves are not both there. */
function brokenPairs(db: { prepare(sql: string): { all(): unknown[] } }): unknown[] {
  return db.prepare('SELECT n, count(*) AS c FROM backup_probe WHERE n > 0 GROUP BY n HAVING c <> 2').all();
}

describe.each([
  ['plain', null],
  ['encrypted', randomBytes(32)],
] as const)('a backup of a %s database', (_label, key) => {
  test('is checked, recorded in the manifest with its row counts, 0600, and opens with the key', async () => {
    const { file, store } = database(key, 200);
    const folder = tmp('doudi-bk-out-');
    const progress: string[] = [];
    const entry = await service(file, store, key, progress).create('manual', folder);
    expect(entry.check).toBe('ok');
    expect(entry.rows.persons).toBe(1);
    expect(entry.rows.households).toBe(1);
    expect(entry.streetCode).toBe(STREET);
    expect(entry.createdAt).toBe(NOW.toISOString());
    expect(entry.bytes).toBe(fs.statSync(entry.path).size);
    expect(readManifest(folder)).toEqual([expect.objectContaining({ file: entry.file, check: 'ok', rows: entry.rows })]);
    if (process.platform !== 'win32') expect(fs.statSync(entry.path).mode & 0o777).toBe(0o600);
    expect(progress.length).toBeGreaterThan(1);
    const db = openBackup(entry.path, key);
    expect(db.prepare('SELECT name, id_number FROM persons').get()).toEqual({ name: NAME, id_number: ID_NUMBER });
    db.close();
    store.sqlite.close();
  });

  test('taken while another process writes, is one consistent snapshot: each write fully in or out', async () => {
    const { file, store } = database(key, 1500); // about 1,200 pages: several steps
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'testing', 'writer-child.ts'), file, key ? key.toString('hex') : '-'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && resolve());
      child.on('exit', () => reject(new Error(err)));
    });
    try {
      const entries = [];
      for (let i = 0; i < 3; i++) entries.push(await service(file, store, key).create('manual', tmp('doudi-bk-out-')));
      for (const entry of entries) {
        expect(entry.check).toBe('ok');
        const db = openBackup(entry.path, key);
        expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
        expect(brokenPairs(db)).toEqual([]);
        expect(db.prepare('SELECT count(*) FROM backup_probe WHERE n > 0').pluck().get()).toBeGreaterThan(0);
        db.close();
      }
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      store.sqlite.close();
    }
  }, 60_000);

  test('killed (SIGKILL) half-way, it leaves the database usable and no listed backup but whole ones', async () => {
    const { file, store } = database(key, 1500);
    const counts = () => store.sqlite.prepare('SELECT (SELECT count(*) FROM persons) AS p, (SELECT count(*) FROM backup_probe) AS b').get();
    const before = counts();
    store.sqlite.close();
    const folder = tmp('doudi-bk-out-');
    let seed = 16;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    let kills = 0;
    for (let round = 0; round < 4; round++) {
      const proc = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'testing', 'backup-child.ts'), file, folder, key ? key.toString('hex') : '-'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // killed after its first progress line, a random moment later (the copy takes some 10–300 ms)
      const delay = Math.floor(random() * (key ? 40 : 25));
      let done = false;
      let err = '';
      proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
      proc.stdout.on('data', (d: Buffer) => {
        const text = d.toString();
        if (text.includes('done')) done = true;
        if (text.includes('progress') && !proc.killed) setTimeout(() => proc.kill('SIGKILL'), delay);
      });
      const code = await new Promise<number | null>((resolve) => proc.on('exit', (c) => resolve(c)));
      if (!done) {
        expect(code, err).toBeNull();
        kills++;
      }
      const again = new Store(openDatabase(file, { key }), { now: () => NOW });
      try {
        expect(again.sqlite.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
        expect(again.sqlite.prepare('SELECT (SELECT count(*) FROM persons) AS p, (SELECT count(*) FROM backup_probe) AS b').get()).toEqual(before);
        again.tx(() => again.setMeta('after_kill', String(round))); // and writable
      } finally {
        again.sqlite.close();
      }
      for (const e of readManifest(folder)) {
        expect(e.check).toBe('ok');
        const db = openBackup(path.join(folder, e.file), key);
        expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
        db.close();
      }
    }
    expect(kills).toBeGreaterThan(1);
    // the next backup clears what a killed one left and succeeds
    const store2 = new Store(openDatabase(file, { key }), { now: () => NOW });
    const entry = await service(file, store2, key).create('manual', folder);
    expect(entry.check).toBe('ok');
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.partial'))).toEqual([]);
    store2.sqlite.close();
  }, 120_000);
});

describe('an encrypted backup', () => {
  test('holds no plaintext name or ID number of a known record, and does not open without the key', async () => {
    const key = randomBytes(32);
    const { file, store } = database(key, 50);
    const entry = await service(file, store, key).create('manual', tmp('doudi-bk-out-'));
    const bytes = fs.readFileSync(entry.path);
    for (const needle of [NAME, ID_NUMBER, '詹滨西里', 'SQLite format 3']) {
      expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    }
    expect(bytes.includes(Buffer.from(ID_NUMBER, 'utf16le'))).toBe(false);
    // the control: a plain backup of the same data does show them
    const plain = database(null, 0);
    const plainEntry = await service(plain.file, plain.store, null).create('manual', tmp('doudi-bk-out-'));
    expect(fs.readFileSync(plainEntry.path).includes(Buffer.from(NAME, 'utf8'))).toBe(true);
    const db = new CipherDatabase(entry.path, { readonly: true });
    expect(() => db.prepare('SELECT count(*) FROM persons').get()).toThrow(/not a database/);
    db.close();
    const wrong = openBackup(entry.path, randomBytes(32));
    expect(() => wrong.prepare('SELECT count(*) FROM persons').get()).toThrow(/not a database/);
    wrong.close();
    store.sqlite.close();
    plain.store.sqlite.close();
  });

  test('is copied off the backend\u2019s thread: the event loop keeps its turns while it is written', async () => {
    const key = randomBytes(32);
    const { file, store } = database(key, 6000); // about 18 MB
    let longest = 0;
    let last = performance.now();
    const beat = setInterval(() => {
      const t = performance.now();
      longest = Math.max(longest, t - last);
      last = t;
    }, 5);
    try {
      const entry = await service(file, store, key).create('manual', tmp('doudi-bk-out-'));
      longest = Math.max(longest, performance.now() - last); // a turn the copy held to its end
      expect(entry.rows.persons).toBe(1);
    } finally {
      clearInterval(beat);
      store.sqlite.close();
    }
    // on this thread, VACUUM INTO of 18 MB holds it about 600 ms; the check of the copy stays here
    expect(longest).toBeLessThan(300);
  }, 60_000);
});
