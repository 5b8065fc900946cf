/** backup.* procedures: the 系统管理 › 备份与恢复 page (administrators only). */
import { ADMINS, emptyInput, proc } from '../api/proc';
import {
  CreateBackupSchema,
  PreviewRestoreSchema,
  RestoreSchema,
  SetFolderSchema,
  type BackupEntry,
  type BackupListInfo,
  type RestorePreview,
  type RestoreResult,
} from './types';

export const backupProcedures = {
  'backup.list': proc<BackupListInfo>()(emptyInput, ADMINS),
  'backup.setFolder': proc<{ folder: string }>()(SetFolderSchema, ADMINS),
  /** 立即备份: to the backup folder, or to the folder given (a USB drive). */
  'backup.create': proc<BackupEntry & { path: string }>()(CreateBackupSchema, ADMINS),
  'backup.previewRestore': proc<RestorePreview>()(PreviewRestoreSchema, ADMINS),
  'backup.restore': proc<RestoreResult>()(RestoreSchema, ADMINS),
} as const;
