/** Signed-in sessions of this backend process. Tokens are random; sessions end on sign-out or idle. */
import { randomBytes } from 'node:crypto';

export interface Session {
  token: string;
  userId: string;
  lastSeen: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly idleMs: number = 8 * 60 * 60 * 1000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  create(userId: string): Session {
    const s = { token: randomBytes(32).toString('base64url'), userId, lastSeen: this.now() };
    this.sessions.set(s.token, s);
    return s;
  }

  /** The live session for a token, refreshed; null when unknown or idle too long. */
  touch(token: string | null | undefined): Session | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (this.now() - s.lastSeen > this.idleMs) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeen = this.now();
    return s;
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  endAllFor(userId: string): void {
    for (const [t, s] of this.sessions) if (s.userId === userId) this.sessions.delete(t);
  }
}
