/**
 * A backup restored on another PC (issue 16): the old PC's disk died, a new PC restores its backup
 * with the paper recovery key. The backup carries the old PC's device token sealed by the old PC's
 * key store (safeStorage in Electron), which the new PC cannot open. The restore says so in Chinese
 * with what to do (a new code from the district; the data stays), sync refuses with that reason
 * rather than "not enrolled", and re-enrolment with a new code works on the PC holding the data:
 * the old PC's changes after the backup come back from the server, and the new PC's changes reach
 * another PC of the street, nothing doubled. The sealing is simulated: each PC has a key of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import * as admin from '../../server/admin/commands';
import { syncChanges } from '../../server/db/schema';
import { AppError } from '../../shared/errors';
import type { InputOf, OutputOf, ProcedureName } from '../../shared/api/contract';
import { createBackend, type Backend } from '../../electron/backend/app';
import { formatRecoveryKey } from '../../electron/backend/db/recovery-key';
import { osSecretBox, type SecretBox } from '../../electron/backend/store/secret-box';
import { STREET_A } from './harness';
import { serverPerFile } from './file-server';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

const district = serverPerFile();

/** A PC's OS key store, as safeStorage: AES-GCM under a key of this PC; another PC's value fails to open. */
function pcKeyStore(): SecretBox {
  const key = randomBytes(32);
  return osSecretBox(
    (plain) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    (sealed) => {
      const b = Buffer.from(sealed);
      const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
    },
  );
}

function pc(name: string, secrets: SecretBox): { backend: Backend; dataDir: string; close(): void } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `doudi-restore-${name}-`));
  const backend = createBackend({ dataDir, secrets, logError: () => undefined, sync: { autoStart: false } });
  return {
    backend,
    dataDir,
    close: () => {
      backend.close();
      for (const d of [dataDir, `${dataDir}-backups`]) removeTestDir(d);
      fs.rmSync(`${dataDir}.key`, { force: true });
    },
  };
}

async function call<P extends ProcedureName>(b: Backend, procedure: P, input: InputOf<P>, token: string | null): Promise<OutputOf<P>> {
  const env = await b.call(procedure, input, token);
  if (!env.ok) throw AppError.fromBody(env.error);
  return env.result as OutputOf<P>;
}

async function signIn(b: Backend): Promise<string> {
  return (await call(b, 'auth.login', { username: 'zgz_admin', password: 'secret-pass-1' }, null)).token;
}

async function enrollCode(): Promise<string> {
  return (await admin.issueEnrollmentCode(district.server.opened.db, new Date(), STREET_A)).code;
}

const names = (b: Backend, like: string) => b.store.prepare('SELECT name FROM communities WHERE name LIKE ? ORDER BY name').pluck().all(like) as string[];

test('a backup restored on another PC: the sealed device token is reported, and re-enrolment with a new code brings the PC back into sync', async () => {
  const other = await district.replica('other'); // another PC of the street
  const old = pc('old', pcKeyStore());
  const fresh = pc('new', pcKeyStore());
  try {
    // the old PC: enrolled (its token sealed by its own key store), works, backs up, works on
    await call(old.backend, 'sync.enroll', { serverUrl: district.server.url, code: await enrollCode(), deviceName: '旧电脑' }, null);
    const oldToken = await signIn(old.backend);
    await call(old.backend, 'org.saveCommunity', { name: '备份前社区' }, oldToken);
    await call(old.backend, 'sync.syncNow', {}, oldToken);
    // one change still in the outbox when the backup is made: the old PC pushes it afterwards
    const { id: unpushed } = await call(old.backend, 'org.saveCommunity', { name: '备份时未上传社区' }, oldToken);
    const backup = await call(old.backend, 'backup.create', {}, oldToken);
    await call(old.backend, 'org.saveCommunity', { name: '备份后社区' }, oldToken);
    expect((await call(old.backend, 'sync.syncNow', {}, oldToken)).ok).toBe(true);
    const recoveryKey = formatRecoveryKey(old.backend.store.databaseKey!);
    old.backend.close(); // its disk dies

    // the new PC restores the backup on its first-start screen
    const restored = await call(fresh.backend, 'setup.restoreBackup', { path: backup.path, recoveryKey }, null);
    expect(restored.sync).toMatchObject({ ok: false, recovered: 0 });
    expect(restored.sync!.message).toContain('同步凭据');
    expect(restored.sync!.message).toContain('登记码');
    expect(restored.sync!.message).toContain('数据保留');
    const token = await signIn(fresh.backend);
    const status = await call(fresh.backend, 'sync.status', {}, token);
    expect(status.enrolled).toBe(false);
    expect(status.credentialUnopenable).toMatchObject({ message: expect.stringContaining('同步凭据') });
    await expect(call(fresh.backend, 'sync.syncNow', {}, token)).rejects.toMatchObject({ code: 'sync-credential-unopenable' });
    // a change made meanwhile waits in the outbox
    await call(fresh.backend, 'org.saveCommunity', { name: '恢复后社区' }, token);

    // re-enrolment with a new code, by the street's administrator: the data stays
    const enrolled = await call(fresh.backend, 'sync.enroll', { serverUrl: district.server.url, code: await enrollCode(), deviceName: '新电脑' }, token);
    expect(enrolled.firstSync).toMatchObject({ ok: true });
    const after = await call(fresh.backend, 'sync.status', {}, token);
    expect(after).toMatchObject({ enrolled: true, credentialUnopenable: null, pendingCount: 0 });
    // the old PC's work after the backup is back; what the new PC did reached the server
    expect(names(fresh.backend, '%社区')).toEqual(expect.arrayContaining(['备份前社区', '备份后社区', '恢复后社区']));
    await other.sync();
    for (const n of ['备份前社区', '备份时未上传社区', '备份后社区', '恢复后社区']) expect(names(other.backend, n)).toEqual([n]);
    // the change both PCs pushed (the old one after the backup, the new one from the restored outbox) is held once
    const held = await district.server.opened.db.select().from(syncChanges).where(eq(syncChanges.rowId, unpushed));
    expect(held).toHaveLength(1);

    // and it goes on: a later change of either PC reaches the other
    await call(fresh.backend, 'org.saveCommunity', { name: '新电脑社区' }, token);
    expect((await call(fresh.backend, 'sync.syncNow', {}, token)).ok).toBe(true);
    await other.sync();
    expect(names(other.backend, '新电脑社区')).toEqual(['新电脑社区']);
  } finally {
    fresh.close();
    old.close();
  }
}, 120_000);
