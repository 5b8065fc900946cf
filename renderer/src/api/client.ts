/**
 * The typed API client: `api.call('registry.listHouseholds', {...})` resolves to the procedure's
 * output or throws an AppError. In Electron it talks to `window.doudi`; in a browser over HTTP.
 */
import type { InputOf, OutputOf, ProcedureName } from '../../../shared/api/contract';
import { AppError, errorText, type ErrorCode } from '../../../shared/errors';
import { getBridge } from './bridge';
import { createSessionTokenStore, type TokenStore } from './token-store';
import { httpTransport, ipcTransport, type Transport } from './transports';
import { bridgeEvents, streamEvents, type BackendEvents } from './events';

export interface ApiClient {
  call<P extends ProcedureName>(procedure: P, input: InputOf<P>): Promise<OutputOf<P>>;
  readonly tokens: TokenStore;
  /** Called when the backend says the session is gone; returns an unsubscribe function. */
  onSessionLost(listener: (error: AppError) => void): () => void;
}

/** Timed out, ended by a password change, or a token the backend never issued: back to sign-in. */
const SESSION_LOST: readonly ErrorCode[] = ['not-signed-in', 'session-expired', 'session-invalid'];

export function isSessionLost(error: unknown): boolean {
  return error instanceof AppError && SESSION_LOST.includes(error.code);
}

export function createApiClient(transport: Transport, tokens: TokenStore): ApiClient {
  const listeners = new Set<(error: AppError) => void>();
  return {
    tokens,
    async call(procedure, input) {
      const envelope = await transport({ procedure, input, token: tokens.get() });
      if (envelope.ok) return envelope.result as never;
      const error = AppError.fromBody(envelope.error);
      if (isSessionLost(error)) {
        tokens.set(null);
        listeners.forEach((l) => l(error));
      }
      throw error;
    },
    onSessionLost(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function defaultTransport(): Transport {
  const bridge = getBridge();
  if (bridge) return ipcTransport(bridge);
  return httpTransport((input, init) => fetch(input, init));
}

export const api: ApiClient = createApiClient(defaultTransport(), createSessionTokenStore());

/** The backend's events (changes, sync status, progress) for this window. */
export const backendEvents: BackendEvents = (() => {
  const bridge = getBridge();
  if (bridge) return bridgeEvents(bridge);
  return streamEvents((input, init) => fetch(input, init), () => api.tokens.get());
})();

/** A readable Chinese message for any thrown value, with what the user can do about it. */
export function errorMessage(error: unknown): string {
  if (error instanceof AppError) return errorText(error.code, error.message);
  if (error instanceof Error && /[\u4e00-\u9fff]/.test(error.message)) return error.message;
  return '操作失败，请稍后重试';
}
