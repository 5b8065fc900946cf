/** setup.*, auth.* and users.* procedures. */
import { progressReporter } from './progress';
import { AppError } from '../../../shared/errors';
import type { Store } from '../store/store';
import { login, unlock } from '../services/auth/login';
import { hashPassword, verifyPassword } from '../../../shared/auth/password-hash';
import { passwordProblem } from '../../../shared/auth/password-rule';
import { createUser, findUserById, listUsers, toUserInfo } from '../services/auth/users';
import { authReadHandlers, sessionInfo, setupReadHandlers } from './read-handlers';
import { currentStreet, initializeStreet, setupStatus } from '../services/setup/street';
import type { AreaHandlers } from './handlers';
import { DISTRICT_PARTITION } from '../../../shared/sync/wire';
import { requireUser, type CallContext } from './context';
import { requestTicket } from '../sync/session';
import type { DemoLoader } from './demo-loader';
import { grantRefusal, mayGrantRole } from '../../../shared/auth/roles';
import type { Role } from '../../../shared/codes';

/** Refuses a role above the caller's own (create and update alike). */
function checkGrant(ctx: CallContext, role: Role | undefined): void {
  const me = requireUser(ctx);
  if (role && !mayGrantRole(me.role, role)) throw new AppError('forbidden', grantRefusal(me.role, role), { field: 'role' });
}

/** A password being set for a known user: the one rule (shared/auth/password-rule.ts), its user name included (the input schema cannot know it). */
function choosable(password: string, username: string, field: string): string {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('invalid-input', problem, { field });
  return password;
}

/** setup.restoreBackup is the restore's (backup-handlers.ts). */
export function setupHandlers(loadDemo: DemoLoader): Omit<AreaHandlers<'setup.'>, 'setup.restoreBackup'> {
  return {
    ...setupReadHandlers(),
    'setup.initialize': (input, { store, sessions }) => {
      const { adminId } = initializeStreet(store, input);
      const s = sessions.create(adminId);
      return sessionInfo(store, s.token, adminId);
    },
    'setup.loadDemo': async (_i, { store, progress }) => {
      const st = setupStatus(store);
      if (!st.isEmpty) throw new AppError('already-set-up', '本机已有数据，只能在空白数据目录中载入演示街道');
      // One transaction: an empty folder becomes the demo or stays empty. It gives the backend's
      // other calls a turn as it goes (api/call-gate.ts), and tells its progress.
      const report = progressReporter(progress, 'setup.loadDemo', '正在载入演示数据');
      await loadDemo(store, (done, total) => report.step(done, total));
      report.finish();
      return setupStatus(store);
    },
  };
}

export function authHandlers(): AreaHandlers<'auth.'> {
  return {
    'auth.login': (input, { store, sessions }) => {
      if (!currentStreet(store)) throw new AppError('not-set-up', '本机尚未完成初始设置');
      const { user, token } = login(store, sessions, input.username, input.password);
      if (currentStreet(store)?.code === DISTRICT_PARTITION && user.street_code !== DISTRICT_PARTITION) {
        sessions.end(token);
        throw new AppError('forbidden', '本机是区级设备，只能用区级账号登录；街道工作人员请在本街道的电脑上登录', { field: 'username' });
      }
      requestTicket(store, { username: input.username, password: input.password, role: user.role });
      return sessionInfo(store, token, user.id);
    },
    'auth.logout': (_i, ctx) => {
      const user = requireUser(ctx);
      if (ctx.token) ctx.sessions.end(ctx.token);
      ctx.store.tx(() =>
        ctx.store.audit(ctx.actor, { action: 'auth.logout', entity: 'users', entityId: user.id, summary: `${user.displayName} 退出登录` }),
      );
      return { ok: true };
    },
    ...authReadHandlers(),
    'auth.changePassword': (input, ctx) => {
      const user = requireUser(ctx);
      const row = findUserById(ctx.store, user.id)!;
      if (!verifyPassword(input.oldPassword, row.password_hash)) {
        throw new AppError('bad-credentials', '原密码不正确', { field: 'oldPassword' });
      }
      const newPassword = choosable(input.newPassword, row.username, 'newPassword');
      ctx.store.update('users', user.id, { passwordHash: hashPassword(newPassword) }, ctx.actor, {
        action: 'auth.changePassword',
        summary: `${user.displayName} 修改密码`,
        detail: {},
      });
      ctx.sessions.endAllFor(user.id, ctx.token);
      return { ok: true };
    },
  };
}

export function userHandlers(): AreaHandlers<'users.'> {
  return {
    'users.list': (_i, ctx) => listUsers(ctx.store, ctx.actor.streetCode),
    'users.create': (input, ctx) => {
      checkGrant(ctx, input.role);
      return createUser(ctx.store, ctx.actor, input);
    },
    'users.update': (input, ctx) => {
      const { store, actor } = ctx;
      return store.tx(() => {
        const u = findUserById(store, input.id);
        if (!u || u.street_code !== actor.streetCode) throw new AppError('not-found', '用户不存在', { field: 'id' });
        const me = requireUser(ctx);
        if (u.id === me.id && (input.disabled === true || (input.role && input.role !== u.role))) {
          throw new AppError('forbidden', '不能停用自己的账号或修改自己的角色', { field: input.disabled ? 'disabled' : 'role' });
        }
        checkGrant(ctx, input.role);
        const patch: Record<string, unknown> = {};
        if (input.displayName !== undefined) patch.displayName = input.displayName;
        if (input.role !== undefined) patch.role = input.role;
        if (input.disabled !== undefined) patch.disabled = input.disabled;
        if (input.resetPassword !== undefined) patch.passwordHash = hashPassword(choosable(input.resetPassword, u.username, 'resetPassword'));
        const changed = store.update('users', u.id, patch, actor, {
          action: 'users.update',
          summary: `修改用户 ${u.username}`,
          detail: {
            fields: Object.keys(patch).map((k) => (k === 'passwordHash' ? 'password' : k)),
          },
        });
        if (input.unlock) {
          unlock(store, u.username);
          store.audit(actor, { action: 'users.unlock', entity: 'users', entityId: u.id, summary: `解锁用户 ${u.username}` });
        }
        if (changed.includes('disabled') || changed.includes('passwordHash') || changed.includes('role')) {
          ctx.sessions.endAllFor(u.id, ctx.token);
        }
        return toUserInfo(store, findUserById(store, u.id)!);
      });
    },
  };
}
