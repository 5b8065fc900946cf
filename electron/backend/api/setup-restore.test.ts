/**
 * 从备份恢复 on the first-start screen (issue 16): a PC whose disk died is installed afresh (an
 * empty database, no users, its own new key) and restores the old PC's backup with the old PC's
 * paper recovery key, without signing in; the backup is re-keyed to this PC's key and swapped in
 * through the restore's own code, and the backup's accounts sign in. Allowed only while the PC is
 * not set up; refusals change nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { InputOf, OutputOf, ProcedureName } from '../../../shared/api/contract';
import { ADMIN, makeHarness, type Harness } from '../testing/harness';
import { createBackend, DB_FILE_NAME, type Backend } from '../app';
import { formatRecoveryKey } from '../db/recovery-key';
import { removeTestDir } from '../testing/remove-dir';

let h: Harness;
const now = new Date('2026-06-01T02:00:00Z');
const dirs: string[] = [];
const opened: Backend[] = [];

beforeEach(async () => {
  h = await makeHarness({ now: () => now });
});
afterEach(async () => {
  for (const b of opened.splice(0)) b.close();
  await h.close();
  for (const d of dirs.splice(0)) removeTestDir(d);
});

/** A freshly installed PC: an empty data folder, its own key. */
function freshPc(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-fresh-pc-'))): Backend {
  if (!dirs.includes(dataDir)) dirs.push(dataDir, `${dataDir}-backups`);
  const b = createBackend({ dataDir, now: () => now, logError: () => undefined, sync: { autoStart: false } });
  opened.push(b);
  return b;
}

async function call<P extends ProcedureName>(b: Backend, procedure: P, input: InputOf<P>, token: string | null = null): Promise<OutputOf<P>> {
  const env = await b.call(procedure, input, token);
  if (!env.ok) throw AppError.fromBody(env.error);
  return env.result as OutputOf<P>;
}

async function refusedWith(code: string, p: Promise<unknown>): Promise<void> {
  await expect(p).rejects.toMatchObject({ code });
}

/** The old PC's backup, and its paper recovery key. */
async function oldPcBackup(): Promise<{ path: string; recoveryKey: string }> {
  await h.call('org.saveCommunity', { name: '旧电脑的社区' });
  const entry = await h.call('backup.create', {});
  dirs.push(path.dirname(entry.path));
  return { path: entry.path, recoveryKey: formatRecoveryKey(h.backend.store.databaseKey!) };
}

describe('从备份恢复 on a PC that is not set up', () => {
  test('restores the old PC’s backup with its recovery key, re-keyed to this PC; the backup’s accounts sign in', async () => {
    const backup = await oldPcBackup();
    const pc = freshPc();
    expect(await call(pc, 'setup.status', {})).toMatchObject({ isSetUp: false, isEmpty: true });

    const result = await call(pc, 'setup.restoreBackup', backup);
    expect(result.restoredFrom).toBe(backup.path);
    expect(result.streetName).toBe('张贵庄街道');
    expect(result.sync).toBeNull(); // the old PC was not enrolled
    expect(await call(pc, 'setup.status', {})).toMatchObject({ isSetUp: true, street: { name: '张贵庄街道' } });

    const session = await call(pc, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect((await call(pc, 'org.listCommunities', {}, session.token)).map((c) => c.name)).toContain('旧电脑的社区');
    expect(pc.store.prepare("SELECT username FROM audit_events WHERE action = 'backup.restore'").pluck().all()).toEqual(['system']);

    // the restored file is this PC's: it opens again with this PC's own key
    const dataDir = path.dirname(pc.dbFile);
    pc.close();
    opened.splice(opened.indexOf(pc), 1);
    const again = freshPc(dataDir);
    expect(await call(again, 'setup.status', {})).toMatchObject({ isSetUp: true });
    expect(fs.existsSync(path.join(dataDir, `${DB_FILE_NAME}.restoring`))).toBe(false);
  });

  test('refused once the PC is set up, and with a wrong recovery key or a missing file; nothing changes', async () => {
    const backup = await oldPcBackup();
    // a PC in use: the restore is on 系统管理, for a signed-in administrator
    await refusedWith('already-set-up', call(h.backend, 'setup.restoreBackup', backup));
    expect((await h.call('org.listCommunities', {})).map((c) => c.name)).toContain('旧电脑的社区');

    const pc = freshPc();
    await refusedWith('backup-unreadable', call(pc, 'setup.restoreBackup', { path: backup.path, recoveryKey: formatRecoveryKey(randomBytes(32)) }));
    await refusedWith('recovery-key-invalid', call(pc, 'setup.restoreBackup', { path: backup.path, recoveryKey: 'ABCD-EFGH' }));
    await refusedWith('backup-not-found', call(pc, 'setup.restoreBackup', { path: `${backup.path}.missing`, recoveryKey: backup.recoveryKey }));
    await refusedWith('invalid-input', call(pc, 'setup.restoreBackup', { path: '', recoveryKey: backup.recoveryKey }));
    expect(await call(pc, 'setup.status', {})).toMatchObject({ isSetUp: false, isEmpty: true });
  });
});
