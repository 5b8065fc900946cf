/** setup.*, auth.* and users.* procedures. */
import { ADMINS, emptyInput, proc } from '../api/proc';
import {
  ChangePasswordSchema,
  CreateUserSchema,
  LoginSchema,
  SetupSchema,
  UpdateUserSchema,
  type SessionInfo,
  type SetupStatus,
  type UserInfo,
} from './schemas';
import { SetupRestoreSchema, type SetupRestoreResult } from '../backup/types';

export const authProcedures = {
  'setup.status': proc<SetupStatus>()(emptyInput, 'public', { background: true }),
  'setup.initialize': proc<SessionInfo>()(SetupSchema, 'public'),
  'setup.loadDemo': proc<SetupStatus>()(emptyInput, 'public'),
  /** 从备份恢复 on a PC not set up (a dead disk, a fresh install): no user to sign in yet. */
  'setup.restoreBackup': proc<SetupRestoreResult>()(SetupRestoreSchema, 'public'),
  'auth.login': proc<SessionInfo>()(LoginSchema, 'public'),
  'auth.logout': proc<{ ok: true }>()(emptyInput, 'any'),
  'auth.me': proc<SessionInfo>()(emptyInput, 'any'),
  /** Whether the token's session is alive, not counted as the user's activity (the event stream's check). */
  'auth.session': proc<{ userId: string }>()(emptyInput, 'any', { background: true }),
  'auth.changePassword': proc<{ ok: true }>()(ChangePasswordSchema, 'any'),
  'users.list': proc<UserInfo[]>()(emptyInput, ADMINS),
  'users.create': proc<UserInfo>()(CreateUserSchema, ADMINS),
  'users.update': proc<UserInfo>()(UpdateUserSchema, ADMINS),
} as const;
