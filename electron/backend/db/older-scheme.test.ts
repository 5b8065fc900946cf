/**
 * Files keyed with the SQLCipher 4 scheme of earlier versions (db/cipher.ts): they keep opening
 * with the same key, the live database is brought to the current AEGIS scheme at start with every
 * row kept (also when killed at any point of it), and a backup made before still restores.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import { createBackend, DB_FILE_NAME } from '../app';
import { makeHarness, type Harness } from '../testing/harness';
import { applyDatabaseKey, CURRENT_SCHEME, keyingPragmas } from './cipher';
import { ENCRYPTING_SUFFIX } from './encipher-database';
import { databaseKeyFile, readDatabaseKey } from './database-key';
import { openStreetDatabase } from './street-database';

const NAME = '柏玉兰';
const ID = makeIdNumber('120110', '19610722', 233);

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function streetWithRecord(): Promise<Harness> {
  const h = await makeHarness();
  cleanup.push(() => h.close());
  const communityId = (await h.call('org.listCommunities', {}))[0]!.id;
  await h.call('registry.createHousehold', {
    household: { communityId, address: '金桥街旧密码路3号', hukouType: 'urban', categories: [] },
    members: [{ name: NAME, idNumber: ID, relation: '02' }],
  });
  return h;
}

/** Opens `file` with exactly one scheme's pragmas; the schema's row count, or the error's message. */
function readsWith(file: string, pragmas: string[]): string {
  const db = new Database(file, { readonly: true });
  try {
    for (const p of pragmas) db.pragma(p);
    return String(db.prepare('SELECT count(*) FROM sqlite_master').pluck().get());
  } catch (err) {
    return (err as Error).message;
  } finally {
    db.close();
  }
}

/** Re-keys `file` (current scheme) into the SQLCipher 4 scheme with the same key, as an earlier version wrote it. */
function toOlderScheme(file: string, key: Uint8Array): void {
  const db = new Database(file);
  try {
    expect(applyDatabaseKey(db, key)).toBe(CURRENT_SCHEME);
    db.pragma('journal_mode = DELETE');
    for (const p of keyingPragmas(key, 'sqlcipher4').slice(0, -1)) db.pragma(p);
    db.pragma(`rekey = "x'${Buffer.from(key).toString('hex')}'"`);
  } finally {
    db.close();
  }
  expect(readsWith(file, keyingPragmas(key, CURRENT_SCHEME))).toMatch(/not a database/);
  expect(Number(readsWith(file, keyingPragmas(key, 'sqlcipher4')))).toBeGreaterThan(20);
}

function counts(db: Database.Database): Record<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

/** The street's folder closed and its file put in the older scheme; the row counts of every table. */
async function olderSchemeFolder(h: Harness): Promise<{ dir: string; key: Buffer; rows: Record<string, number> }> {
  const rows = counts(h.backend.store.sqlite);
  const key = Buffer.from(h.backend.store.databaseKey!);
  h.backend.close(); // the last connection: its WAL folded into the file
  toOlderScheme(path.join(h.dataDir, DB_FILE_NAME), key);
  return { dir: h.dataDir, key, rows };
}

async function expectCurrentWhole(dir: string, key: Buffer, rows: Record<string, number>): Promise<void> {
  const file = path.join(dir, DB_FILE_NAME);
  const db = openStreetDatabase(dir);
  try {
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const [t, n] of Object.entries(rows)) expect(db.sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get(), t).toBe(n);
  } finally {
    db.close();
  }
  expect(readsWith(file, keyingPragmas(key, 'sqlcipher4'))).toMatch(/not a database/);
  expect(Number(readsWith(file, keyingPragmas(key, CURRENT_SCHEME)))).toBeGreaterThan(20);
  expect(fs.existsSync(`${file}${ENCRYPTING_SUFFIX}`)).toBe(false);
  const bytes = fs.readFileSync(file);
  expect(bytes.includes(Buffer.from(NAME)) || bytes.includes(Buffer.from(ID, 'latin1'))).toBe(false);
}

describe('a database of the older cipher scheme', () => {
  test('a new file is keyed with AEGIS-256: the older scheme does not open it, and neither file nor WAL holds the record', async () => {
    const h = await streetWithRecord();
    const file = path.join(h.dataDir, DB_FILE_NAME);
    const key = h.backend.store.databaseKey!;
    expect(readsWith(file, keyingPragmas(key, 'sqlcipher4'))).toMatch(/not a database/);
    expect(Number(readsWith(file, keyingPragmas(key)))).toBeGreaterThan(20);
    for (const f of [file, `${file}-wal`]) {
      const bytes = fs.readFileSync(f);
      expect(bytes.includes(Buffer.from(NAME)), f).toBe(false);
      expect(bytes.includes(Buffer.from(ID, 'latin1')), f).toBe(false);
    }
  });

  test('is brought to the current scheme at start: every row kept, integrity_check ok, a search still finds', async () => {
    const h = await streetWithRecord();
    const { dir, key, rows } = await olderSchemeFolder(h);
    expect(readDatabaseKey(dir)).toEqual(key);
    await expectCurrentWhole(dir, key, rows);
    const backend = createBackend({ dataDir: dir, logError: () => undefined, sync: { autoStart: false } });
    try {
      const login = (await backend.call('auth.login', { username: 'admin', password: 'admin-pass-1' }, null)) as { result: { token: string } };
      const found = await backend.call('registry.search', { q: '玉兰' }, login.result.token);
      expect(found).toMatchObject({ ok: true, result: expect.arrayContaining([expect.objectContaining({ kind: 'person', title: expect.stringContaining(NAME) })]) });
    } finally {
      backend.close();
    }
  });

  test('killed (SIGKILL) at any step of it, the database opens whole each time, in the older scheme until the swap', async () => {
    const h = await streetWithRecord();
    const { dir: original, key, rows } = await olderSchemeFolder(h);
    const child = fileURLToPath(new URL('./testing/encrypt-child.ts', import.meta.url));
    const outcomes = new Set<string>();
    for (const afterStep of [1, 2, 3, 4]) {
      const dir = `${original}-kill-${afterStep}`;
      fs.mkdirSync(dir);
      fs.copyFileSync(path.join(original, DB_FILE_NAME), path.join(dir, DB_FILE_NAME));
      fs.copyFileSync(databaseKeyFile(original), databaseKeyFile(dir));
      cleanup.push(() => {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(databaseKeyFile(dir), { force: true });
      });
      const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      let steps = 0;
      proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
      proc.stdout.on('data', (d: Buffer) => {
        for (const line of d.toString().split('\n')) if (line.startsWith('step ') && ++steps === afterStep) proc.kill('SIGKILL');
      });
      expect(await new Promise<number | null>((resolve) => proc.on('exit', (c) => resolve(c))), err).toBeNull();
      const file = path.join(dir, DB_FILE_NAME);
      outcomes.add(/not a database/.test(readsWith(file, keyingPragmas(key, 'sqlcipher4'))) ? 'current' : 'older');
      await expectCurrentWhole(dir, key, rows);
    }
    expect(outcomes).toEqual(new Set(['older', 'current']));
  }, 120_000);

  test('a backup made by an earlier version is previewed and restored with the same key; the restored database is in the current scheme', async () => {
    const h = await streetWithRecord();
    const key = h.backend.store.databaseKey!;
    await h.call('org.saveCommunity', { name: '备份前社区' });
    const entry = await h.call('backup.create', {});
    toOlderScheme(entry.path, key); // as the earlier version wrote it
    await h.call('org.saveCommunity', { name: '备份后社区' });
    const preview = await h.call('backup.previewRestore', { path: entry.path });
    expect(preview.backup.streetName).toBe('张贵庄街道');
    expect(preview.backup.check).toBe('ok'); // its integrity_check, on the backup thread, opened the older scheme
    await h.call('backup.restore', { path: entry.path, confirmed: true });
    const names = (await h.call('org.listCommunities', {})).map((c) => c.name);
    expect(names).toContain('备份前社区');
    expect(names).not.toContain('备份后社区');
    const file = path.join(h.dataDir, DB_FILE_NAME);
    expect(Number(readsWith(file, keyingPragmas(key)))).toBeGreaterThan(20);
    expect(readsWith(file, keyingPragmas(key, 'sqlcipher4'))).toMatch(/not a database/);
  });
});
