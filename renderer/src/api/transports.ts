/**
 * The two ways the renderer reaches the backend. Both carry `{ procedure, input, token }` and give back
 * the contract's envelope; transport failures become AppErrors with Chinese messages.
 */
import type { Envelope } from '../../../shared/api/contract';
import { AppError, isApiErrorBody } from '../../../shared/errors';
import type { DoudiBridge } from './bridge';

export interface TransportRequest {
  procedure: string;
  input: unknown;
  token: string | null;
}

export type Transport = (request: TransportRequest) => Promise<Envelope<unknown>>;

export const OFFLINE_MESSAGE = '无法连接到本机服务';

function isEnvelope(v: unknown): v is Envelope<unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as { ok?: unknown; error?: unknown };
  if (e.ok === true) return 'result' in e;
  return e.ok === false && isApiErrorBody(e.error);
}

/** Electron: the preload bridge forwards the call over IPC. */
export function ipcTransport(bridge: Pick<DoudiBridge, 'invoke'>): Transport {
  return async (request) => {
    let reply: unknown;
    try {
      reply = await bridge.invoke(request);
    } catch {
      throw new AppError('internal', OFFLINE_MESSAGE);
    }
    if (!isEnvelope(reply)) throw new AppError('internal', '本机服务返回的数据格式无效');
    return reply;
  };
}

/** Browser mode: POST /api/<procedure> on the host that served the page. */
export function httpTransport(fetchFn: typeof fetch, baseUrl = '/api/'): Transport {
  return async ({ procedure, input, token }) => {
    let response: Response;
    try {
      response = await fetchFn(baseUrl + procedure, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-doudi-token': token ?? '' },
        body: JSON.stringify({ input }),
      });
    } catch {
      throw new AppError('internal', OFFLINE_MESSAGE);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new AppError('internal', `本机服务返回的数据无法读取（HTTP ${response.status}）`);
    }
    if (!isEnvelope(body)) {
      throw new AppError('internal', `本机服务返回的数据格式无效（HTTP ${response.status}）`);
    }
    return body;
  };
}
