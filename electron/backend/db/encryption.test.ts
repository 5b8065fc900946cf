/**
 * The street database at rest (issue 16): nothing of a known record is readable in the file or its
 * WAL; without its key (or with another) it does not open, with a refusal that says so and nothing
 * written; a plain database of an older version is encrypted at start with every row and index
 * kept, also when the process is killed (SIGKILL) at any point of it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import { createBackend, DB_FILE_NAME } from '../app';
import { makeHarness, type Harness } from '../testing/harness';
import { databaseKeyFile, readDatabaseKey, writeDatabaseKey } from './database-key';
import { ENCRYPTING_SUFFIX, isPlainDatabase } from './encipher-database';
import { openDatabase } from './open';
import { formatRecoveryKey, parseRecoveryKey } from './recovery-key';
import { openStreetDatabase } from './street-database';
import { osSecretBox } from '../store/secret-box';
import { removeTestDir } from '../testing/remove-dir';

const NAME = '翟秀梅';
const ID = makeIdNumber('120110', '19580312', 417);
const ADDRESS = '新立村加密测试路7号';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function streetWithRecord(): Promise<Harness> {
  const h = await makeHarness();
  cleanup.push(() => h.close());
  const communityId = (await h.call('org.listCommunities', {}))[0]!.id;
  await h.call('registry.createHousehold', {
    household: { communityId, address: ADDRESS, hukouType: 'urban', categories: [] },
    members: [{ name: NAME, idNumber: ID, relation: '02' }],
  });
  return h;
}

const needles = [Buffer.from(NAME, 'utf8'), Buffer.from(ID, 'latin1'), Buffer.from(ADDRESS, 'utf8')];
const readable = (bytes: Buffer) => needles.filter((n) => bytes.includes(n)).map((n) => n.toString('utf8'));

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanup.push(() => {
    removeTestDir(dir);
    fs.rmSync(databaseKeyFile(dir), { force: true });
  });
  return dir;
}

/** A data folder as an older version left it: the same street in a plain file, no key anywhere. */
function plainFolderOf(h: Harness): { dir: string; counts: Record<string, number> } {
  const dir = tempDir('doudi-plain-');
  const file = path.join(dir, DB_FILE_NAME);
  fs.writeFileSync(file, h.backend.store.sqlite.serialize()); // the image of the pages, decrypted
  const plain = new Database(file);
  plain.pragma('journal_mode = WAL');
  const tables = plain.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  const counts = Object.fromEntries(tables.map((t) => [t, plain.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
  plain.close();
  expect(isPlainDatabase(file)).toBe(true);
  expect(readable(fs.readFileSync(file))).toEqual([NAME, ID, ADDRESS]); // what the upgrade must hide
  return { dir, counts };
}

async function expectWholeStreet(dataDir: string, counts: Record<string, number>): Promise<void> {
  const file = path.join(dataDir, DB_FILE_NAME);
  const db = openStreetDatabase(dataDir); // as at start, before the app's own start-up writes
  try {
    expect(isPlainDatabase(file)).toBe(false);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const [t, n] of Object.entries(counts)) expect(db.sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get(), t).toBe(n);
  } finally {
    db.close();
  }
  const backend = createBackend({ dataDir, logError: () => undefined, sync: { autoStart: false } });
  try {
    const login = await backend.call('auth.login', { username: 'admin', password: 'admin-pass-1' }, null);
    const token = (login as { result: { token: string } }).result.token;
    const found = await backend.call('registry.search', { q: '秀梅' }, token);
    expect(found).toMatchObject({ ok: true, result: expect.arrayContaining([expect.objectContaining({ kind: 'person', title: expect.stringContaining(NAME) })]) });
  } finally {
    backend.close();
  }
  expect(fs.existsSync(`${file}${ENCRYPTING_SUFFIX}`)).toBe(false);
  expect(readable(fs.readFileSync(file))).toEqual([]);
}

describe('the database file at rest', () => {
  test('neither the file nor its WAL holds a name, ID number or address of a record, after writes and after a checkpoint', async () => {
    const h = await streetWithRecord();
    const file = h.backend.dbFile;
    const wal = fs.readFileSync(`${file}-wal`);
    expect(wal.length).toBeGreaterThan(0); // the record is in the WAL now
    expect(readable(wal)).toEqual([]);
    expect(readable(fs.readFileSync(file))).toEqual([]);
    // the search itself works: the same pages, decrypted, hold all three
    expect(readable(h.backend.store.sqlite.serialize())).toEqual([NAME, ID, ADDRESS]);
    h.backend.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);
    expect(readable(fs.readFileSync(file))).toEqual([]);
    expect(isPlainDatabase(file)).toBe(false);
  });

  test('without its key, or with another, the file does not open: a refusal that says so, and nothing is written', async () => {
    const h = await streetWithRecord();
    const file = h.backend.dbFile;
    const key = h.backend.store.databaseKey!;
    h.backend.close();
    const bytes = fs.readFileSync(file);
    expect(() => new Database(file).prepare('SELECT count(*) FROM persons').get()).toThrow('file is not a database');
    expect(() => openDatabase(file, { key: null })).toThrow(expect.objectContaining({ code: 'database-key-missing', message: expect.stringContaining('已加密') }));
    const other = Buffer.from(key).map((b) => b ^ 1);
    expect(() => openDatabase(file, { key: other })).toThrow(expect.objectContaining({ code: 'database-key-wrong', message: expect.stringContaining('密钥') }));

    // The key file gone (a copied folder, a deleted file): the app refuses to start, never a new empty database.
    const keyFile = databaseKeyFile(h.dataDir);
    fs.rmSync(keyFile);
    expect(() => createBackend({ dataDir: h.dataDir, logError: () => undefined })).toThrow(
      expect.objectContaining({ code: 'database-key-missing', message: expect.stringContaining('恢复密钥') }),
    );
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(keyFile)).toBe(false);

    // The recovery key, as copied from paper, opens it again.
    writeDatabaseKey(h.dataDir, parseRecoveryKey(formatRecoveryKey(key).toLowerCase()));
    const again = openStreetDatabase(h.dataDir);
    try {
      expect(again.sqlite.prepare('SELECT count(*) FROM persons WHERE name = ?').pluck().get(NAME)).toBe(1);
    } finally {
      again.close();
    }
  });

  test('a key kept plain while the OS key store was missing is sealed once it is there, and the plain file removed', async () => {
    const dataDir = tempDir('doudi-reseal-');
    const first = openStreetDatabase(dataDir);
    const key = first.key!;
    first.close();
    const box = osSecretBox((p) => Buffer.from(`x${p}`), (s) => Buffer.from(s).toString().slice(1));
    const again = openStreetDatabase(dataDir, { secrets: box });
    again.close();
    expect(fs.existsSync(databaseKeyFile(dataDir))).toBe(false);
    expect(fs.readFileSync(databaseKeyFile(dataDir, box), 'utf8')).toMatch(/^sealed:/);
    expect(readDatabaseKey(dataDir, box)!.equals(key)).toBe(true);
  });

  test.skipIf(process.platform === 'win32')('the key file beside the folder is 0600, and the key is made once', async () => {
    const h = await streetWithRecord();
    const keyFile = databaseKeyFile(h.dataDir);
    expect(keyFile).toBe(`${path.resolve(h.dataDir)}.key`);
    expect((fs.statSync(keyFile).mode & 0o777).toString(8)).toBe('600');
    expect(readDatabaseKey(h.dataDir)!.equals(h.backend.store.databaseKey!)).toBe(true);
  });
});

describe('the upgrade of a plain database', () => {
  test('keeps every row of every table (the search index too), passes integrity_check, a search still finds, and the plain file is gone', async () => {
    const h = await streetWithRecord();
    const { dir, counts } = plainFolderOf(h);
    expect(Object.keys(counts).length).toBeGreaterThan(20);
    expect(Object.keys(counts).some((t) => /fts|search/i.test(t))).toBe(true);
    const file = path.join(dir, DB_FILE_NAME);
    fs.writeFileSync(`${file}-shm`, ''); // left by the old version
    await expectWholeStreet(dir, counts);
    expect(fs.readdirSync(dir).filter((f) => f !== DB_FILE_NAME && !f.endsWith('-wal') && !f.endsWith('-shm'))).toEqual([]);
    if (process.platform !== 'win32') expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
  });

  test('killed (SIGKILL) at random points, it leaves a usable database each time: the plain one until the swap, the encrypted one after', async () => {
    const h = await streetWithRecord();
    const { dir: original, counts } = plainFolderOf(h);
    const child = fileURLToPath(new URL('./testing/encrypt-child.ts', import.meta.url));
    let seed = 16;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const outcomes = new Set<string>();
    for (let run = 0; run < 8; run++) {
      const dir = tempDir('doudi-kill-');
      fs.copyFileSync(path.join(original, DB_FILE_NAME), path.join(dir, DB_FILE_NAME));
      // kill after a step line, or a random time after the start (the steps linger 15 ms each)
      const afterStep = run % 2 === 0 ? 1 + Math.floor(random() * 4) : 0;
      const afterMs = Math.floor(random() * 400);
      const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      let steps = 0;
      let last = 'none';
      proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
      proc.stdout.on('data', (d: Buffer) => {
        for (const line of d.toString().split('\n')) {
          if (line === 'start' && !afterStep) setTimeout(() => proc.kill('SIGKILL'), afterMs);
          if (line.startsWith('step ')) {
            last = line.slice(5);
            if (++steps === afterStep) proc.kill('SIGKILL');
          }
          if (line === 'done') last = 'done';
        }
      });
      const code = await new Promise<number | null>((resolve) => proc.on('exit', (c) => resolve(c)));
      if (last !== 'done') expect(code, err).toBeNull(); // killed, not failed
      outcomes.add(isPlainDatabase(path.join(dir, DB_FILE_NAME)) ? 'plain' : 'encrypted');
      await expectWholeStreet(dir, counts);
    }
    expect(outcomes).toEqual(new Set(['plain', 'encrypted']));
  }, 180_000);
});
