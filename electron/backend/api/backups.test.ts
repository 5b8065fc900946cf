/**
 * backup.* through the API on a real backend: 立即备份 lists a checked backup; the restore's
 * confirmation names what would be replaced; a restore keeps the current database first, swaps the
 * backup in and the backend goes on with it; refusals say why and change nothing; a restore a
 * crash interrupted after its marker completes at the next start; a backup of another PC (another
 * key) is restored with its recovery key and re-keyed to this PC's key.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors';
import { makeHarness, type Harness } from '../testing/harness';
import { createBackend, DB_FILE_NAME } from '../app';
import { backupKey, stageRestore } from '../services/backup/restore';
import { copyFile, inspectFile } from '../services/backup/copy';
import { formatRecoveryKey } from '../db/recovery-key';
import { openDatabase } from '../db/open';
import { Store } from '../store/store';
import { backupsToKeep } from '../services/backup/retention';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { removeTestDir } from '../testing/remove-dir';

let h: Harness;
let now = new Date('2026-06-01T02:00:00Z');
const dirs: string[] = [];

beforeEach(async () => {
  now = new Date('2026-06-01T02:00:00Z');
  h = await makeHarness({ now: () => now });
});
afterEach(async () => {
  await h.close();
  for (const d of dirs.splice(0)) removeTestDir(d);
});

function tmp(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

async function community(name: string): Promise<string> {
  return (await h.call('org.saveCommunity', { name })).id;
}

async function communityNames(): Promise<string[]> {
  return (await h.call('org.listCommunities', {})).map((c) => c.name).sort();
}

async function refused(code: string, fn: () => Promise<unknown>): Promise<AppError> {
  const err = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe('backups through the API', () => {
  test('立即备份 writes a checked backup to the default folder beside the data folder, listed with its row counts', async () => {
    await community('备份前社区');
    expect((await h.call('backup.list', {})).entries).toEqual([]);
    const entry = await h.call('backup.create', {});
    expect(entry.check).toBe('ok');
    const list = await h.call('backup.list', {});
    expect(list.folder).toBe(`${path.resolve(h.dataDir)}-backups`);
    expect(list.entries).toEqual([expect.objectContaining({ file: entry.file, check: 'ok', exists: true, ownKey: true, kind: 'manual' })]);
    expect(list.entries[0]!.rows.users).toBe(1);
    expect(list.entries[0]!.streetName).toBe('张贵庄街道');
    // to any folder (a USB drive), and the chosen folder is kept
    const usb = tmp('doudi-usb-');
    const onUsb = await h.call('backup.create', { folder: usb });
    expect(path.dirname(onUsb.path)).toBe(usb);
    await h.call('backup.setFolder', { folder: usb });
    expect((await h.call('backup.list', {})).entries.map((e) => e.file)).toEqual([onUsb.file]);
    await refused('backup-folder-invalid', () => h.call('backup.setFolder', { folder: 'relative/folder' }));
  });

  test('the confirmation names what would be replaced; the restore keeps the current database first and goes on with the backup', async () => {
    await community('备份前社区');
    const entry = await h.call('backup.create', {});
    now = new Date('2026-06-03T02:00:00Z');
    await h.signInAgain();
    await community('备份后社区');
    const preview = await h.call('backup.previewRestore', { path: entry.path });
    expect(preview.backup.createdAt).toBe('2026-06-01T02:00:00.000Z');
    expect(preview.backup.streetName).toBe('张贵庄街道');
    expect(preview.current.eventsAfterBackup).toBeGreaterThanOrEqual(2); // a sign-in and the community
    expect(preview.current.lastWriteAt).toBe('2026-06-03T02:00:00.000Z');
    expect(preview.current.enrolled).toBe(false);

    await refused('invalid-input', () => h.raw('backup.restore', { path: entry.path }).then((e) => (e.ok ? e : Promise.reject(AppError.fromBody(e.error)))));
    const result = await h.call('backup.restore', { path: entry.path, confirmed: true });
    expect(result.sync).toBeNull(); // not enrolled
    expect(await communityNames()).toContain('备份前社区');
    expect(await communityNames()).not.toContain('备份后社区');
    // audited in the restored database, as the admin who restored it
    expect(h.backend.store.prepare("SELECT username FROM audit_events WHERE action = 'backup.restore'").pluck().all()).toEqual(['admin']);
    // the database as it was is kept, and listed
    expect(result.preRestore.kind).toBe('pre-restore');
    const list = await h.call('backup.list', {});
    expect(list.entries.map((e) => e.kind).sort()).toEqual(['manual', 'pre-restore']);
    // and restoring that one brings the later work back
    await h.call('backup.restore', { path: result.preRestore.path, confirmed: true });
    expect(await communityNames()).toContain('备份后社区');
    expect(fs.existsSync(path.join(h.dataDir, `${DB_FILE_NAME}.restoring`))).toBe(false);
  });

  test('refusals: a missing file, a file that is no database, the live database itself; nothing changes', async () => {
    await community('留下的社区');
    const before = await communityNames();
    await refused('backup-not-found', () => h.call('backup.previewRestore', { path: path.join(tmp('doudi-none-'), 'x.sqlite') }));
    const junk = path.join(tmp('doudi-junk-'), 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all'.repeat(300));
    await refused('backup-unreadable', () => h.call('backup.restore', { path: junk, confirmed: true }));
    await refused('backup-not-found', () => h.call('backup.restore', { path: path.join(h.dataDir, DB_FILE_NAME), confirmed: true }));
    await refused('recovery-key-invalid', () => h.call('backup.previewRestore', { path: junk, recoveryKey: 'ABCD-EFGH' }));
    expect(await communityNames()).toEqual(before);
    expect((await h.call('backup.list', {})).entries).toEqual([]); // no pre-restore backup for a refused restore
  });
});

describe('a restore interrupted by a crash', () => {
  test('after its marker, the next start completes it; a staged copy without a marker is dropped', async () => {
    await community('备份前社区');
    const entry = await h.call('backup.create', {});
    await community('备份后社区');
    const dbFile = path.join(h.dataDir, DB_FILE_NAME);
    const key = h.backend.store.databaseKey; // the database is encrypted: its backup has the same key
    stageRestore(dbFile, entry.path, key, key); // then the process dies before the swap
    h.backend.close();
    const again = createBackend({ dataDir: h.dataDir, now: () => now, logError: () => undefined, sync: { autoStart: false } });
    const names = (again.store.prepare('SELECT name FROM communities').pluck().all() as string[]).sort();
    expect(names).toContain('备份前社区');
    expect(names).not.toContain('备份后社区');
    expect(fs.existsSync(path.join(h.dataDir, 'restore-pending.json'))).toBe(false);
    again.close();
    // a staged copy whose marker was never written: the restore had not begun; the database stays
    fs.copyFileSync(entry.path, `${dbFile}.restoring`);
    const third = createBackend({ dataDir: h.dataDir, now: () => now, logError: () => undefined, sync: { autoStart: false } });
    expect(fs.existsSync(`${dbFile}.restoring`)).toBe(false);
    third.close();
  });
});

describe('a backup of another PC', () => {
  test('is read with its recovery key and re-keyed to this PC’s key', () => {
    const theirs = randomBytes(32);
    const ours = randomBytes(32);
    const dir = tmp('doudi-other-pc-');
    const source = path.join(dir, 'theirs.sqlite');
    const store = new Store(openDatabase(source, { key: theirs }), { now: () => now });
    store.tx(() => store.setMeta('street_code', '120110001000'));
    store.sqlite.close();
    const backup = path.join(dir, 'backup.sqlite');
    copyFile(source, theirs, backup, theirs);
    expect(() => inspectFile(backup, ours)).toThrow();
    const dbFile = path.join(dir, DB_FILE_NAME);
    // what the admin types from the other PC's paper
    stageRestore(dbFile, backup, backupKey(ours, formatRecoveryKey(theirs)), ours);
    const staged = inspectFile(`${dbFile}.restoring`, ours);
    expect(staged.check).toBe('ok');
    expect(staged.streetCode).toBe('120110001000');
    expect(() => inspectFile(`${dbFile}.restoring`, theirs)).toThrow();
    expect(() => inspectFile(`${dbFile}.restoring`, null)).toThrow();
  });
});

describe('the automatic daily backup', () => {
  test('at start when today’s is missing; then once a day, at a quiet moment; old ones pruned by the rule', async () => {
    h.backend.close();
    const dataDir = h.dataDir;
    // A backup is a VACUUM INTO on a thread: seconds on a loaded machine. Waited for up to 30 s (it comes sooner).
    const waitFor = async (cond: () => boolean) => {
      const deadline = Date.now() + 30_000;
      while (!cond() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(cond()).toBe(true);
    };
    const dailies = () => (fs.existsSync(`${dataDir}-backups`) ? fs.readdirSync(`${dataDir}-backups`).filter((f) => f.endsWith('-daily.sqlite')) : []);
    const backend = createBackend({
      dataDir,
      now: () => now,
      logError: () => undefined,
      sync: { autoStart: false },
      backup: { auto: true, startDelayMs: 10, checkMs: 40, quietMs: 60_000 },
    });
    try {
      await waitFor(() => dailies().length === 1);
      await new Promise((r) => setTimeout(r, 200));
      expect(dailies()).toHaveLength(1); // today's is there
      // the next day, the PC busy: a call a moment ago
      now = new Date('2026-06-02T02:00:00Z');
      const login = await backend.call('auth.login', { username: 'admin', password: 'admin-pass-1' }, null);
      expect(login.ok).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      expect(dailies()).toHaveLength(1);
      // quiet for two minutes
      now = new Date('2026-06-02T02:02:00Z');
      await waitFor(() => dailies().length === 2);
      // six weeks of days, each quiet: each day's backup, older ones pruned by the retention rule
      const made = ['2026-06-01T02:00:00.000Z', '2026-06-02T02:02:00.000Z'];
      for (let d = 3; d <= 42; d++) {
        now = new Date(Date.UTC(2026, 5, d, 2));
        made.push(now.toISOString());
        const day = shanghaiDate(now).replace(/-/g, '');
        await waitFor(() => dailies().some((f) => f.includes(day)));
      }
      const kept = backupsToKeep(made.map((createdAt) => ({ file: createdAt, createdAt })));
      const keptDays = [...kept].map((at) => shanghaiDate(new Date(at)).replace(/-/g, '')).sort();
      await waitFor(() => dailies().length === keptDays.length);
      expect(dailies().map((f) => f.slice(6, 14)).sort()).toEqual(keptDays);
      expect(keptDays.length).toBeGreaterThan(14);
      expect(keptDays).not.toContain('20260601');
    } finally {
      backend.close();
    }
  }, 240_000); // 42 backups, each a copy and a check on a thread of its own: a hang guard, not a speed target
});
