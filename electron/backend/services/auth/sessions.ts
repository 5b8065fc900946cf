/**
 * Signed-in sessions of this backend process. Tokens are random. A session ends on sign-out, after
 * SESSION_IDLE_MS without a user action, SESSION_ABSOLUTE_MS after sign-in, or when the user's password,
 * role or status changes. Background polls (procedures marked `background`) do not count as activity.
 *
 * The lifetimes are named constants, not policy parameters: they protect this device (an office PC
 * left signed in), are not rules a street applies by date, and must not be loosened by a synced row.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../../shared/errors';

/** A working day: sign in once in the morning, again the next day. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Half an hour away from a shared office PC ends the session; the header's polling does not extend it. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;

export interface Session {
  token: string;
  userId: string;
  createdAt: number;
  /** Last user action (not background polls). */
  lastActive: number;
}

/** Why a token no longer signs in: never issued (or forgotten), timed out, or ended by an account change. */
export type SessionEnd = 'invalid' | 'expired' | 'revoked';

export type SessionCheck = { ok: true; session: Session } | { ok: false; reason: SessionEnd };

export function sessionError(reason: SessionEnd): AppError {
  if (reason === 'expired') return new AppError('session-expired', '登录已超时，请重新登录');
  if (reason === 'revoked') return new AppError('session-expired', '账号的密码或权限已变更，请重新登录');
  return new AppError('session-invalid', '登录状态无效，请重新登录');
}

/** The sessions as data: the backend host keeps them so that a restarted worker keeps its users signed in. */
export interface SessionsState {
  live: Session[];
  ended: [string, { reason: SessionEnd; at: number }][];
}

/** A user action on a session, at a time of the backend's clock (ms). */
export interface SessionActivity {
  token: string;
  at: number;
}

export class SessionStore {
  private readonly live = new Map<string, Session>();
  /** Ended tokens and why, so a stale token is told apart from a forged one; kept for one lifetime. */
  private readonly ended = new Map<string, { reason: SessionEnd; at: number }>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    from?: SessionsState,
  ) {
    for (const s of from?.live ?? []) this.live.set(s.token, { ...s });
    for (const [token, e] of from?.ended ?? []) this.ended.set(token, { ...e });
  }

  state(): SessionsState {
    return { live: [...this.live.values()].map((s) => ({ ...s })), ended: [...this.ended].map(([t, e]) => [t, { ...e }]) };
  }

  create(userId: string): Session {
    this.prune();
    const t = this.now();
    const s = { token: randomBytes(32).toString('base64url'), userId, createdAt: t, lastActive: t };
    this.live.set(s.token, s);
    return s;
  }

  /** The live session for a token; a user action (not a background poll) refreshes its idle time. */
  check(token: string, opts: { activity: boolean }): SessionCheck {
    const s = this.live.get(token);
    if (!s) return { ok: false, reason: this.ended.get(token)?.reason ?? 'invalid' };
    if (this.isExpired(s, this.now())) {
      this.finish(s.token, 'expired');
      return { ok: false, reason: 'expired' };
    }
    if (opts.activity) s.lastActive = this.now();
    return { ok: true, session: s };
  }

  /**
   * User actions another connection served (the host's reader worker): a live session's idle time
   * runs from the latest of them. An ended or unknown token stays so.
   */
  touch(activity: SessionActivity[]): boolean {
    let moved = false;
    for (const a of activity) {
      const s = this.live.get(a.token);
      if (s && a.at > s.lastActive) {
        s.lastActive = a.at;
        moved = true;
      }
    }
    return moved;
  }

  /**
   * The sessions the writer has (the reader's copy): its sign-ins and sign-outs replace ours, and a
   * live session keeps the later of the two idle times (a user action served here it has not heard of yet).
   */
  adopt(from: SessionsState): void {
    const mine = new Map(this.live);
    this.live.clear();
    for (const s of from.live) this.live.set(s.token, { ...s, lastActive: Math.max(s.lastActive, mine.get(s.token)?.lastActive ?? 0) });
    this.ended.clear();
    for (const [token, e] of from.ended) this.ended.set(token, { ...e });
  }

  /** The user actions since `before` (a state of this store): what the writer must hear of. */
  activitySince(before: SessionsState): SessionActivity[] {
    const was = new Map(before.live.map((s) => [s.token, s.lastActive]));
    return [...this.live.values()].filter((s) => s.lastActive > (was.get(s.token) ?? Infinity)).map((s) => ({ token: s.token, at: s.lastActive }));
  }

  /** Sign-out: the token is forgotten. */
  end(token: string): void {
    this.live.delete(token);
  }

  /** Ends every session of a user (password, role or status changed), except the one making the change. */
  endAllFor(userId: string, except?: string | null): void {
    for (const s of [...this.live.values()]) if (s.userId === userId && s.token !== except) this.finish(s.token, 'revoked');
  }

  private isExpired(s: Session, t: number): boolean {
    return t - s.lastActive > SESSION_IDLE_MS || t - s.createdAt > SESSION_ABSOLUTE_MS;
  }

  private finish(token: string, reason: SessionEnd): void {
    this.live.delete(token);
    this.ended.set(token, { reason, at: this.now() });
  }

  private prune(): void {
    const t = this.now();
    for (const s of [...this.live.values()]) if (this.isExpired(s, t)) this.finish(s.token, 'expired');
    for (const [token, e] of this.ended) if (t - e.at > SESSION_ABSOLUTE_MS) this.ended.delete(token);
  }
}
