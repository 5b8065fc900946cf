/** Backups of the office database and their restore: what the 系统管理 › 备份与恢复 page shows. */
import { z } from 'zod';
import { zOptText, zText } from '../api/zh';

export type BackupKind = 'daily' | 'manual' | 'pre-restore';

/** The tables whose row counts a backup records and the page shows (Chinese labels). */
export const BACKUP_COUNTED_TABLES = {
  households: '家庭',
  persons: '人员',
  visits: '走访',
  ledger_items: '问题台账',
  enrolments: '救助保障',
  payment_batches: '发放批次',
  care_profiles: '照料档案',
  users: '用户',
  audit_events: '审计记录',
} as const;
export type CountedTable = keyof typeof BACKUP_COUNTED_TABLES;

/** One backup as written and checked; kept in the manifest beside the backup files. */
export interface BackupEntry {
  /** The file's name in its folder. */
  file: string;
  kind: BackupKind;
  /** When the copy was taken (UTC instant). */
  createdAt: string;
  bytes: number;
  rows: Record<CountedTable, number>;
  /** 'ok' or what integrity_check / the verification said (Chinese). */
  check: string;
  streetCode: string | null;
  streetName: string | null;
  /** Changes not yet pushed to the district server at the time of the copy. */
  pendingChanges: number;
  /** First bytes of SHA-256 of the database key (null: a plain file); tells this PC's backups from others'. */
  keyId: string | null;
}

export interface BackupListInfo {
  folder: string;
  defaultFolder: string;
  entries: (BackupEntry & { path: string; exists: boolean; ownKey: boolean })[];
  /** The Shanghai day of the last automatic backup (null: none yet). */
  lastDaily: string | null;
  /** Backups are written with the database key (false: a plain database, plain backups). */
  encrypted: boolean;
}

/** What a restore would replace, for the confirmation. */
export interface RestorePreview {
  path: string;
  backup: { createdAt: string; streetCode: string | null; streetName: string | null; rows: Record<CountedTable, number>; pendingChanges: number; check: string };
  current: {
    streetCode: string | null;
    streetName: string | null;
    rows: Record<CountedTable, number>;
    /** The latest audit event of this database (its last write). */
    lastWriteAt: string | null;
    /** Audit events after the backup was taken: work the backup lacks. */
    eventsAfterBackup: number;
    /** Changes not yet pushed: lost by the restore unless re-entered (kept in the pre-restore backup). */
    pendingChanges: number;
    enrolled: boolean;
  };
}

export interface RestoreResult {
  /** The backup of the database as it was before the restore. */
  preRestore: BackupEntry & { path: string };
  restoredFrom: string;
  /** The sync run after the restore (null: the PC is not enrolled or the server was unreachable). */
  sync: { ok: boolean; recovered: number; message: string } | null;
}

/** 从备份恢复 on the first-start screen: what was restored (the user then signs in with its accounts). */
export interface SetupRestoreResult {
  restoredFrom: string;
  streetName: string | null;
  /** The backup of what the PC held (null: it held nothing). */
  preRestore: (BackupEntry & { path: string }) | null;
  sync: RestoreResult['sync'];
}

const FolderPath = zText('备份文件夹', { max: 1000 });
const FilePath = zText('备份文件', { max: 1000 });
const RecoveryKey = zOptText('恢复密钥', 200);

export const SetFolderSchema = z.strictObject({ folder: FolderPath });
export const CreateBackupSchema = z.strictObject({ folder: FolderPath.optional() });
export const PreviewRestoreSchema = z.strictObject({ path: FilePath, recoveryKey: RecoveryKey });
export const RestoreSchema = z.strictObject({
  path: FilePath,
  recoveryKey: RecoveryKey,
  /** The page sends true once the user confirmed what will be replaced. */
  confirmed: z.literal(true, { message: '请先确认要替换的内容' }),
});
/** 从备份恢复 before set-up: the backup and the paper recovery key of the PC that wrote it. */
export const SetupRestoreSchema = z.strictObject({ path: FilePath, recoveryKey: RecoveryKey });
