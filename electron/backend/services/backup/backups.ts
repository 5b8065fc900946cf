/**
 * Backups of the office database: written beside the data (or to any folder: 立即备份 to a USB
 * drive), each checked after it is written (opened with the key, integrity_check, row counts) and
 * recorded in the folder's manifest; automatic daily ones are pruned by the retention rule. Files
 * 0600, written under a temporary name and renamed, so a backup killed half-way leaves only a
 * `.partial` file (removed by the next backup) and the database as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fsyncFile, syncDir } from '../../db/durable';
import { AppError } from '../../../../shared/errors';
import type { BackupEntry, BackupKind, BackupListInfo } from '../../../../shared/backup/types';
import type { ProgressInfo } from '../../../../shared/api/events';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';
import { copyLiveDatabase, inspectWritten, keyId } from './copy';
import { readManifest, recordBackup, writeManifest } from './manifest';
import { backupsToKeep } from './retention';
import { backupFolder, defaultBackupFolder, prepareFolder } from './settings';

export interface BackupDeps {
  dataDir: string;
  dbFile: string;
  /** The database key (null: a plain database); backups are written with it. */
  key: Uint8Array | null;
  /** The live store (a new one after a restore). */
  store: () => Store;
  progress?: (p: ProgressInfo) => void;
}

const PARTIAL = '.partial';
const LABELS: Record<BackupKind, string> = { daily: '正在自动备份数据库', manual: '正在备份数据库', 'pre-restore': '正在备份恢复前的数据库' };

/** `doudi-20260612-083000-daily.sqlite`: Shanghai wall time, so files sort by time. */
function fileName(at: Date, kind: BackupKind): string {
  const wall = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `doudi-${wall.slice(0, 10).replace(/-/g, '')}-${wall.slice(11, 19).replace(/:/g, '')}-${kind}.sqlite`;
}

export class BackupService {
  private running = false;

  constructor(private readonly deps: BackupDeps) {}

  folder(): string {
    return backupFolder(this.deps.dataDir);
  }

  /** Writes, checks and records one backup; a daily one then prunes the older daily ones. */
  async create(kind: BackupKind, folder = this.folder()): Promise<BackupEntry & { path: string }> {
    if (this.running) throw new AppError('busy', '正在进行另一次备份，请等它完成后再试');
    this.running = true;
    const task = `backup-${kind}`;
    const label = LABELS[kind];
    const report = (done: number, total: number | null, finished = false) => this.deps.progress?.({ task, label, done, total, finished });
    try {
      const dir = prepareFolder(folder, { create: path.resolve(folder) === defaultBackupFolder(this.deps.dataDir) });
      removePartials(dir);
      const store = this.deps.store();
      const at = store.nowDate();
      let name = fileName(at, kind);
      for (let i = 2; fs.existsSync(path.join(dir, name)); i++) name = fileName(at, kind).replace('.sqlite', `-${i}.sqlite`);
      const final = path.join(dir, name);
      const partial = final + PARTIAL;
      report(0, null);
      await copyLiveDatabase({ live: store.sqlite, dbFile: this.deps.dbFile, key: this.deps.key, target: partial, onProgress: report });
      fsyncFile(partial);
      const facts = await inspectWritten(partial, this.deps.key);
      fs.renameSync(partial, final);
      syncDir(dir);
      const entry: BackupEntry = {
        file: name,
        kind,
        createdAt: at.toISOString(),
        bytes: fs.statSync(final).size,
        rows: facts.rows,
        check: facts.check,
        streetCode: facts.streetCode,
        streetName: facts.streetName,
        pendingChanges: facts.pendingChanges,
        keyId: keyId(this.deps.key),
      };
      recordBackup(dir, entry);
      if (kind === 'daily') this.prune(dir);
      return { ...entry, path: final };
    } finally {
      this.running = false;
      report(1, 1, true);
    }
  }

  /** Deletes the automatic backups the retention rule no longer keeps. */
  prune(dir = this.folder()): string[] {
    const entries = readManifest(dir);
    const daily = entries.filter((e) => e.kind === 'daily');
    const keep = backupsToKeep(daily);
    const gone = daily.filter((e) => !keep.has(e.file)).map((e) => e.file);
    if (gone.length === 0) return [];
    for (const f of gone) fs.rmSync(path.join(dir, f), { force: true });
    writeManifest(dir, entries.filter((e) => !gone.includes(e.file)));
    return gone;
  }

  /** The Shanghai day of the newest automatic backup that passed its check. */
  lastDaily(): string | null {
    const days = readManifest(this.folder())
      .filter((e) => e.kind === 'daily' && e.check === 'ok')
      .map((e) => shanghaiDate(new Date(e.createdAt)))
      .sort();
    return days.at(-1) ?? null;
  }

  list(): BackupListInfo {
    const folder = this.folder();
    const own = keyId(this.deps.key);
    const entries = readManifest(folder)
      .map((e) => {
        const p = path.join(folder, e.file);
        return { ...e, path: p, exists: fs.existsSync(p), ownKey: e.keyId === own };
      })
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    return { folder, defaultFolder: defaultBackupFolder(this.deps.dataDir), entries, lastDaily: this.lastDaily(), encrypted: own !== null };
  }
}

/** Half-written backups of a run that was killed (none is running: one at a time per process). */
function removePartials(dir: string): void {
  for (const f of fs.readdirSync(dir)) if (f.startsWith('doudi-') && f.endsWith(PARTIAL)) fs.rmSync(path.join(dir, f), { force: true });
}

