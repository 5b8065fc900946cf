/**
 * The read-only procedures (shared/api/reads.ts), served by the writer's backend (app.ts, through
 * authHandlers/setupHandlers) and by the reader worker's (read-backend.ts) alike. Nothing here
 * needs a write-side dependency (the demo loader, sign-in, sync), so the reader loads none of them.
 */
import { AppError } from '../../../shared/errors';
import type { SessionInfo } from '../../../shared/auth/schemas';
import type { ReadOnlyProcedure } from '../../../shared/api/reads';
import type { Store } from '../store/store';
import { findUserById, toUserInfo } from '../services/auth/users';
import { currentStreet, setupStatus } from '../services/setup/street';
import type { Handlers } from './handlers';
import { requireUser } from './context';
import { appHandlers } from './app-handlers';

/** The signed-in user and their street, as a session's holder sees them. */
export function sessionInfo(store: Store, token: string, userId: string): SessionInfo {
  const user = findUserById(store, userId);
  const street = currentStreet(store);
  if (!user || !street) throw new AppError('session-expired', '登录已失效，请重新登录');
  return { token, user: toUserInfo(store, user), street };
}

export function authReadHandlers(): Handlers<'auth.me' | 'auth.session'> {
  return {
    'auth.me': (_i, ctx) => sessionInfo(ctx.store, ctx.token!, requireUser(ctx).id),
    'auth.session': (_i, ctx) => ({ userId: requireUser(ctx).id }),
  };
}

export function setupReadHandlers(): Handlers<'setup.status'> {
  return { 'setup.status': (_i, { store }) => setupStatus(store) };
}

/** Every read-only procedure, for the reader worker. */
export function readOnlyHandlers(): Handlers<ReadOnlyProcedure> {
  return { ...authReadHandlers(), ...setupReadHandlers(), ...appHandlers() };
}
