/**
 * Binds the backend router to the one API channel. Main checks who is calling (one of the app's own
 * pages) and the shape of the request; the router validates the input itself and answers with an
 * envelope. Nothing here throws across IPC: every failure becomes an error envelope.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../shared/api/contract';
import type { ApiErrorBody } from '../../shared/errors';
import { API_CHANNEL } from './channels';

export interface ApiRequest {
  procedure: string;
  input: unknown;
  token: string | null;
}

export type ApiCall = (procedure: string, input: unknown, token: string | null) => Promise<Envelope<unknown>>;

export const MAX_PROCEDURE_LENGTH = 100;
export const MAX_TOKEN_LENGTH = 200;

/** The request if `payload` has the expected shape, else null. A missing token means signed out. */
export function parseApiRequest(payload: unknown): ApiRequest | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const { procedure, input, token } = payload as Record<string, unknown>;
  if (typeof procedure !== 'string' || procedure.length === 0 || procedure.length > MAX_PROCEDURE_LENGTH) return null;
  if (token !== undefined && token !== null && (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH)) {
    return null;
  }
  return { procedure, input, token: typeof token === 'string' ? token : null };
}

function failure(error: ApiErrorBody): Envelope<unknown> {
  return { ok: false, error };
}

export interface ApiHandlerDeps {
  call: ApiCall;
  /** True when the URL is one of the app's own pages. */
  isTrustedUrl: (url: string) => boolean;
  logError?: (message: string, err: unknown) => void;
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

export function createApiHandler(deps: ApiHandlerDeps): (event: SenderEvent, payload: unknown) => Promise<Envelope<unknown>> {
  const logError = deps.logError ?? ((message, err) => console.error(message, err));
  return async (event, payload) => {
    const frameUrl = event.senderFrame?.url;
    if (!frameUrl || !deps.isTrustedUrl(frameUrl)) {
      return failure({ code: 'forbidden', message: '请求来源不受信任，已拒绝' });
    }
    const request = parseApiRequest(payload);
    if (!request) return failure({ code: 'invalid-input', message: '请求格式不正确' });
    try {
      return await deps.call(request.procedure, request.input, request.token);
    } catch (err) {
      logError(`[ipc] ${request.procedure} failed`, err);
      return failure({ code: 'internal', message: '系统内部错误，请稍后重试' });
    }
  };
}

/** Serves the API on its channel; returns the function that stops serving it. */
export function bindApi(ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, deps: ApiHandlerDeps): () => void {
  ipc.handle(API_CHANNEL, createApiHandler(deps));
  return () => ipc.removeHandler(API_CHANNEL);
}
