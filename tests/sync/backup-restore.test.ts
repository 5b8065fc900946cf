/**
 * 备份与恢复 through the real district server: an office PC backs up, works on (its changes reach
 * the server), then its database is restored from the backup through the API. The restore keeps
 * the current database first, swaps the backup in, and runs the sync's recovery (replica-behind,
 * own=1): the PC's own changes made after the backup come back from the server, and the answer says
 * how many. Another PC of the street sees nothing doubled.
 */
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../shared/errors';
import type { InputOf, OutputOf, ProcedureName } from '../../shared/api/contract';
import { exportBundle } from '../../electron/backend/sync/bundle';
import { importBundle } from '../../server/sync/bundle';
import { STREET_A, type Replica } from './harness';
import { serverPerFile } from './file-server';
import { addCommunities, nameOf, rename } from './invariants';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

const district = serverPerFile({ afterClose: (r) => removeTestDir(`${r.dataDir}-backups`) });
const { replica } = district;

function caller(r: Replica, token: string) {
  return async <P extends ProcedureName>(procedure: P, input: InputOf<P>): Promise<OutputOf<P>> => {
    const env = await r.backend.call(procedure, input, token);
    if (!env.ok) throw AppError.fromBody(env.error);
    return env.result as OutputOf<P>;
  };
}

describe('restore from a backup, then sync', () => {
  test('brings back the PC’s own changes made after the backup from the server, and says how many', async () => {
    const a = await replica('a');
    const b = await replica('b');
    const signIn = await a.backend.call('auth.login', { username: 'zgz_admin', password: 'secret-pass-1' }, null);
    if (!signIn.ok) throw AppError.fromBody(signIn.error);
    const call = caller(a, (signIn.result as { token: string }).token);
    const [kept] = addCommunities(a, '备份前', 2);
    await a.sync();

    const backup = await call('backup.create', {});
    expect(backup.check).toBe('ok');

    // after the backup: work that reaches the server
    rename(a, kept!, '备份后改名');
    const later = addCommunities(a, '备份后', 3);
    expect((await a.sync()).pushed).toBeGreaterThan(0);
    // and one change that never left the PC: the confirmation counts it (it stays in the pre-restore backup)
    addCommunities(a, '未上传', 1);

    const preview = await call('backup.previewRestore', { path: backup.path });
    expect(preview.current.pendingChanges).toBeGreaterThanOrEqual(1);
    expect(preview.current.enrolled).toBe(true);
    expect(preview.backup.streetCode).toBe(STREET_A);

    const result = await call('backup.restore', { path: backup.path, confirmed: true });
    expect(result.sync).not.toBeNull();
    expect(result.sync!.ok).toBe(true);
    expect(result.sync!.recovered).toBeGreaterThanOrEqual(4); // the rename and the three communities
    expect(result.sync!.message).toContain(`已从区级服务器取回本机此后上传的 ${result.sync!.recovered} 条修改`);
    // the later work is back
    expect(nameOf(a, kept!)).toBe('备份后改名');
    for (const id of later) expect(nameOf(a, id)).toMatch(/^备份后-/);
    // the unpushed change is not (it is in the pre-restore backup, which is listed)
    expect(a.backend.store.prepare("SELECT count(*) FROM communities WHERE name LIKE '未上传%'").pluck().get()).toBe(0);
    const list = await call('backup.list', {});
    expect(list.entries.find((e) => e.kind === 'pre-restore')?.pendingChanges).toBeGreaterThanOrEqual(1);

    // the PC goes on: a new change reaches B, nothing is doubled there
    rename(a, later[0]!, '恢复后修改');
    await a.sync();
    await b.sync();
    expect(nameOf(b, later[0]!)).toBe('恢复后修改');
    expect(nameOf(b, kept!)).toBe('备份后改名');
    const names = b.backend.store.prepare("SELECT name FROM communities WHERE name LIKE '备份%' OR name LIKE '恢复%'").pluck().all() as string[];
    expect(new Set(names).size).toBe(names.length);
  }, 120_000);

  test('USB bundles exported after restoring an older backup are still newer than those the district imported', async () => {
    const a = await replica('usb');
    const signIn = await a.backend.call('auth.login', { username: 'zgz_admin', password: 'secret-pass-1' }, null);
    if (!signIn.ok) throw AppError.fromBody(signIn.error);
    const call = caller(a, (signIn.result as { token: string }).token);
    const backup = await call('backup.create', {});

    // two bundles after the backup reach the district
    for (const prefix of ['包一', '包二']) {
      addCommunities(a, prefix, 1);
      const bundle = await exportBundle(a.backend.store);
      await importBundle(district.server.opened.db, bundle.bytes, new Date());
    }
    await call('backup.restore', { path: backup.path, confirmed: true });
    a.skew.ms += 5_000; // the PC's clock goes on while it is restored

    addCommunities(a, '恢复后包', 1);
    const next = await exportBundle(a.backend.store);
    const imported = await importBundle(district.server.opened.db, next.bytes, new Date());
    expect(imported.already).toBe(false);
    expect(imported.result.rejected).toEqual([]);
  }, 120_000);
});
