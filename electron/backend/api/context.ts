/** What every handler receives: the store, who acts, and the app's collaborators. */
import type { ProgressSink } from './progress';
import type { Role } from '../../../shared/codes';
import type { Actor, Store } from '../store/store';
import type { SessionStore } from '../services/auth/sessions';

export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  streetCode: string;
}

export interface CallContext {
  store: Store;
  sessions: SessionStore;
  token: string | null;
  /** Null only for public procedures called before sign-in. */
  user: SignedInUser | null;
  /** The actor for writes: the user, or the system during set-up. */
  actor: Actor;
  /** Tells the window how far long work has got (progress events). */
  progress: ProgressSink;
}

export function requireUser(ctx: CallContext): SignedInUser {
  if (!ctx.user) throw new Error('handler needs a signed-in user');
  return ctx.user;
}
