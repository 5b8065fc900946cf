/**
 * backup.* procedures: backups listed, made, and a restore staged (the backend then swaps it in:
 * app.ts); and setup.restoreBackup, the same restore on a PC not set up yet (no user to sign in).
 */
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { BackupService } from '../services/backup/backups';
import { readManifest } from '../services/backup/manifest';
import { setBackupFolder } from '../services/backup/settings';
import { backupKey, previewRestore, readBackup, stageRestore } from '../services/backup/restore';
import { factsOf } from '../services/backup/copy';
import type { AreaHandlers, Handlers } from './handlers';
import { setupStatus, systemActor } from '../services/setup/street';
import type { Actor } from '../store/store';

export interface BackupHandlerDeps {
  service: BackupService;
  dataDir: string;
  dbFile: string;
  key: Uint8Array | null;
  /** A restore is staged: the backend swaps it in, then audits it in the restored database as this actor. */
  onStaged: (actor: Actor, summary: string) => void;
}

/** The manifest's time of a backup file, when it is listed beside it. */
function listedAt(file: string): string | null {
  return readManifest(path.dirname(file)).find((e) => e.file === path.basename(file))?.createdAt ?? null;
}

function notSelf(dbFile: string, file: string): void {
  if (path.resolve(file) === path.resolve(dbFile)) throw new AppError('backup-not-found', '不能用本机正在使用的数据库文件恢复，请选择备份文件', { field: 'path' });
}

/**
 * The restore itself: the backup read and checked with its key (refused before anything is
 * written), what the PC holds backed up first, then staged with this PC's key for the backend to swap in.
 */
async function stage(deps: BackupHandlerDeps, file: string, key: Uint8Array | null, street: string | null, keepCurrent: boolean) {
  notSelf(deps.dbFile, file);
  const facts = await readBackup(file, key, street);
  const preRestore = keepCurrent ? await deps.service.create('pre-restore') : null;
  stageRestore(deps.dbFile, file, key, deps.key);
  return { facts, preRestore };
}

export function setupRestoreHandlers(deps: BackupHandlerDeps): Pick<Handlers, 'setup.restoreBackup'> {
  return {
    'setup.restoreBackup': async ({ path: file, recoveryKey }, { store }) => {
      const status = setupStatus(store);
      if (status.isSetUp) {
        throw new AppError('already-set-up', '本机已完成街道设置，不能在首次启动页恢复备份：请管理员登录后在“系统管理 › 备份与恢复”中恢复');
      }
      const { facts, preRestore } = await stage(deps, file, backupKey(deps.key, recoveryKey), null, !status.isEmpty);
      const kept = preRestore ? `（本机原有数据已备份为 ${preRestore.path}）` : '';
      deps.onStaged(systemActor(facts.streetCode ?? ''), `首次启动时从备份恢复数据库：${file}${kept}`);
      return { restoredFrom: file, streetName: facts.streetName, preRestore, sync: null };
    },
  };
}

export function backupHandlers(deps: BackupHandlerDeps): AreaHandlers<'backup.'> {
  return {
    'backup.list': () => deps.service.list(),
    'backup.setFolder': ({ folder }, { store, actor }) => {
      const resolved = setBackupFolder(deps.dataDir, folder);
      store.tx(() => store.audit(actor, { action: 'backup.setFolder', entity: 'backups', entityId: null, summary: `备份文件夹改为 ${resolved}` }));
      return { folder: resolved };
    },
    'backup.create': async ({ folder }, { store, actor }) => {
      const entry = await deps.service.create('manual', folder);
      store.tx(() =>
        store.audit(actor, { action: 'backup.create', entity: 'backups', entityId: null, summary: `立即备份：${entry.path}`, detail: { check: entry.check, bytes: entry.bytes } }),
      );
      return entry;
    },
    'backup.previewRestore': ({ path: file, recoveryKey }, { store }) => {
      notSelf(deps.dbFile, file);
      return previewRestore(store, file, backupKey(deps.key, recoveryKey), listedAt(file));
    },
    'backup.restore': async ({ path: file, recoveryKey }, { store, actor }) => {
      const { preRestore } = await stage(deps, file, backupKey(deps.key, recoveryKey), factsOf(store).streetCode, true);
      deps.onStaged(actor, `从备份恢复数据库：${file}（恢复前的数据库已备份为 ${preRestore!.path}）`);
      return { preRestore: preRestore!, restoredFrom: file, sync: null };
    },
  };
}
