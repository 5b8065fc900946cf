/**
 * database.* procedures: the encrypted street database (issue 16). The recovery key is the
 * database key written for paper; an administrator sees it after entering the password again,
 * each time audited; on a PC whose key cannot be opened, the window types it in to open the file.
 */
import { z } from 'zod';
import { ADMINS, emptyInput, proc } from '../api/proc';

export interface DatabaseStatus {
  /** The file is encrypted (always, since issue 16; false only for a plain test database). */
  encrypted: boolean;
  /** When the recovery key was last shown (ISO), null when it never was: it should be printed and kept. */
  recoveryKeyShownAt: string | null;
}

export interface RecoveryKeySheet {
  /** 14 groups of 4 characters, e.g. `7K2M-…`. */
  recoveryKey: string;
  street: { code: string; name: string; officeName: string };
  /** When it was shown (ISO), printed on the sheet. */
  shownAt: string;
  shownBy: string;
}

export const ShowRecoveryKeySchema = z.strictObject({
  password: z.string().min(1, '请输入您的登录密码').max(200, '密码过长'),
});

export const UnlockSchema = z.strictObject({
  recoveryKey: z.string().min(1, '请输入恢复密钥').max(200, '恢复密钥过长'),
});

export const databaseProcedures = {
  'database.status': proc<DatabaseStatus>()(emptyInput, ADMINS),
  'database.recoveryKey': proc<RecoveryKeySheet>()(ShowRecoveryKeySchema, ADMINS),
  /** Served for real only while the database is locked (worker); once open it checks the key against the file's. */
  'database.unlock': proc<{ ok: true }>()(UnlockSchema, 'public'),
} as const;
