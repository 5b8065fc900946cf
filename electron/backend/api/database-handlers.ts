/** database.*: the state of the encrypted database, and its recovery key shown to an administrator (issue 16). */
import { timingSafeEqual } from 'node:crypto';
import { verifyPassword } from '../../../shared/auth/password-hash';
import { AppError } from '../../../shared/errors';
import { parseRecoveryKey, formatRecoveryKey } from '../db/recovery-key';
import { findUserById } from '../services/auth/users';
import { currentStreet } from '../services/setup/street';
import { requireUser } from './context';
import type { AreaHandlers } from './handlers';

const SHOWN_META = 'recovery_key_shown_at';

export function databaseHandlers(): AreaHandlers<'database.'> {
  return {
    'database.status': (_i, { store }) => ({ encrypted: store.databaseKey !== null, recoveryKeyShownAt: store.getMeta(SHOWN_META) ?? null }),
    // The key is the key: showing it again shows the same one, each time after the password and audited.
    'database.recoveryKey': (input, ctx) => {
      const { store, actor } = ctx;
      const user = requireUser(ctx);
      if (!verifyPassword(input.password, findUserById(store, user.id)!.password_hash)) {
        throw new AppError('bad-credentials', '密码不正确：查看恢复密钥需要再次输入您的登录密码', { field: 'password' });
      }
      if (!store.databaseKey) throw new AppError('not-applicable', '本机数据库未加密，没有恢复密钥');
      const street = currentStreet(store);
      if (!street) throw new AppError('not-set-up', '本机尚未设置街道');
      const shownAt = store.nowIso();
      store.tx(() => {
        store.setMeta(SHOWN_META, shownAt);
        store.audit(actor, { action: 'database.recoveryKey', summary: `${user.displayName} 查看并可打印数据库恢复密钥`, detail: {}, entity: 'database', entityId: null });
      });
      return {
        recoveryKey: formatRecoveryKey(store.databaseKey),
        street: { code: street.code, name: street.name, officeName: street.officeName },
        shownAt,
        shownBy: user.displayName,
      };
    },
    // Reached only once the database is open (the locked worker serves it otherwise): says whether the key is this file's.
    'database.unlock': (input, { store }) => {
      const key = parseRecoveryKey(input.recoveryKey);
      if (!store.databaseKey || !timingSafeEqual(key, store.databaseKey)) {
        throw new AppError('database-key-wrong', '该恢复密钥不属于本机数据库', { field: 'recoveryKey' });
      }
      return { ok: true };
    },
  };
}
