/**
 * The one router behind every transport: checks who calls, validates input against the contract,
 * and runs the handler. Every failure becomes an envelope with a stable code and a Chinese message.
 */
import type { ProgressSink } from './progress';
import { contract, isProcedureName, type Envelope, type ProcedureName } from '../../../shared/api/contract';
import { describeZodError } from '../../../shared/api/zh';
import { AppError, ERROR_CODES, type ErrorCode } from '../../../shared/errors';
import { labelOf, ROLES, type Role } from '../../../shared/codes';
import type { Store } from '../store/store';
import { sessionError, type SessionStore } from '../services/auth/sessions';
import { findUserById } from '../services/auth/users';
import { currentStreet, systemActor } from '../services/setup/street';
import type { CallContext, SignedInUser } from './context';
import type { Handler, Handlers } from './handlers';

export interface RouterDeps {
  store: Store;
  sessions: SessionStore;
  /** Every procedure's, or some (the host's reader: backend/read-backend.ts); a call to another is refused. */
  handlers: Partial<Handlers>;
  logError?: (procedure: string, err: unknown) => void;
  progress?: ProgressSink;
}

function isErrorCode(s: unknown): s is ErrorCode {
  return typeof s === 'string' && (ERROR_CODES as readonly string[]).includes(s);
}

export class Router {
  constructor(private readonly deps: RouterDeps) {}

  async call(procedure: string, rawInput: unknown, token: string | null): Promise<Envelope<unknown>> {
    try {
      const result = await this.dispatch(procedure, rawInput, token);
      return { ok: true, result };
    } catch (err) {
      return { ok: false, error: this.toAppError(procedure, err).toBody() };
    }
  }

  private async dispatch(procedure: string, rawInput: unknown, token: string | null): Promise<unknown> {
    if (!isProcedureName(procedure)) throw new AppError('unknown-procedure', `未知的操作：${procedure.slice(0, 100)}`);
    const def = contract[procedure];
    const user = this.authenticate(token, def.access !== 'public', def.background !== true);
    if (Array.isArray(def.access) && user && !(def.access as readonly Role[]).includes(user.role)) {
      throw new AppError('forbidden', `您的角色（${labelOf(ROLES, user.role)}）无权执行此操作`);
    }
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = describeZodError(parsed.error);
      const first = issues[0]!;
      throw new AppError(isErrorCode(first.errorCode) ? first.errorCode : 'invalid-input', first.message, {
        field: first.field || undefined,
        details: { issues },
      });
    }
    const { store, sessions } = this.deps;
    const streetCode = user?.streetCode ?? currentStreet(store)?.code ?? '';
    const ctx: CallContext = {
      store,
      sessions,
      token,
      user,
      actor: user ? { userId: user.id, username: user.username, streetCode: user.streetCode } : systemActor(streetCode),
      progress: this.deps.progress ?? (() => undefined),
    };
    const handler = this.deps.handlers[procedure] as Handler<ProcedureName> | undefined;
    if (!handler) throw new AppError('unknown-procedure', `未知的操作：${procedure}`);
    return handler(parsed.data as never, ctx);
  }

  /** `activity`: the call is the user's doing (not a background poll), so it extends the session. */
  private authenticate(token: string | null, required: boolean, activity: boolean): SignedInUser | null {
    if (!token) {
      if (required) throw new AppError('not-signed-in', '请先登录');
      return null;
    }
    const checked = this.deps.sessions.check(token, { activity });
    if (!checked.ok) {
      if (required) throw sessionError(checked.reason);
      return null;
    }
    const session = checked.session;
    const u = findUserById(this.deps.store, session.userId);
    if (!u || u.disabled) {
      this.deps.sessions.end(session.token);
      if (!required) return null;
      throw new AppError('account-disabled', '该账号已停用，请联系街道管理员');
    }
    return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, streetCode: u.street_code };
  }

  private toAppError(procedure: string, err: unknown): AppError {
    if (err instanceof AppError) return err;
    const code = (err as { code?: unknown })?.code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      this.deps.logError?.(procedure, err);
      return new AppError('changed-meanwhile', '保存失败：数据与已有记录冲突，请刷新后重试');
    }
    if (typeof code === 'string' && (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')) {
      return new AppError('busy', '数据库正忙，请稍后重试');
    }
    this.deps.logError?.(procedure, err);
    return new AppError('internal', '系统内部错误，操作未完成；请重试，如仍失败请联系管理员');
  }
}
