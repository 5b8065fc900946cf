/**
 * HTTP transport of the sync client: gzip-compressed JSON requests with the device's bearer token,
 * answers validated against the wire schemas (snapshot and pull pages by the same rules, checked
 * faster: wire-fast.ts); a refusal becomes a SyncRefusal with the server's code.
 */
import zlib from 'node:zlib';
import { SyncRefusal, SYNC_REASON_CODES, SYNC_REASONS_HEADER, type SyncReason } from '../../../shared/sync/rejections';
import {
  EnrollResponseSchema,
  NodeRenewalResponseSchema,
  PushResponseSchema,
  RowResponseSchema,
  TimeResponseSchema,
  type Change,
  type EnrollRequest,
  type EnrollResponse,
  type NodeRenewalResponse,
  type OwnCheck,
  type PullResponse,
  type PushResponse,
  type Replica,
  type RowResponse,
  type SnapshotResponse,
  TicketResponseSchema,
  type TicketRequest,
  type TicketResponse,
} from '../../../shared/sync/wire';
import { FastPullResponse, FastSnapshotResponse } from '../../../shared/sync/wire-fast';

export interface SyncTransport {
  enroll(req: EnrollRequest): Promise<EnrollResponse>;
  /**
   * With `check`, a server holding pushes of this device the replica lacks refuses: `replica-behind`.
   * `replica`: what the replica is (a demo one is refused). `ticket`: a signed-in user's authority
   * for users rows (ticket.ts).
   */
  push(changes: Change[], check?: OwnCheck, replica?: Replica, ticket?: string | null): Promise<PushResponse>;
  /** A signed-in user's password, checked by the server once, for a ticket (ticket.ts). */
  ticket?(req: TicketRequest): Promise<TicketResponse>;
  /** `own`: only the device's own changes (recovery of a restored replica, recover.ts). */
  pull(after: number, limit: number, opts?: { check?: OwnCheck; own?: boolean }): Promise<PullResponse>;
  /** Registers a new node id for this device (a replica restored from an older copy). */
  renewNode(node: string): Promise<NodeRenewalResponse>;
  snapshot(q: { after: string | null; cursor: number | null; limit: number }): Promise<SnapshotResponse>;
  time(): Promise<{ serverTime: string }>;
  row(table: string, rowId: string): Promise<RowResponse>;
}

export function httpTransport(baseUrl: string, token: string | null, opts: { timeoutMs?: number } = {}): SyncTransport {
  const base = baseUrl.replace(/\/+$/, '');
  async function request<T>(
    method: 'GET' | 'POST',
    url: string,
    schema: { parse(v: unknown): T },
    body?: unknown,
    extra: Record<string, string> = {},
    /** Sending it twice does what sending it once does (each caller below says why). */
    repeatable = false,
  ): Promise<T> {
    // This client knows every refusal code of shared/sync/rejections.ts.
    const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'gzip', [SYNC_REASONS_HEADER]: '2', ...extra };
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: Blob | undefined;
    if (body !== undefined) {
      payload = new Blob([new Uint8Array(zlib.gzipSync(JSON.stringify(body)))]);
      headers['content-type'] = 'application/json';
      headers['content-encoding'] = 'gzip';
    }
    const signal = AbortSignal.timeout(opts.timeoutMs ?? 60_000);
    const send = () => fetch(`${base}${url}`, { method, headers, body: payload, signal });
    // A pooled keep-alive connection the server closes just as a request goes out on it is reset
    // before any answer: sent again once, at once, on a new connection, when sending twice is safe.
    // Only once: a server that is down (refused) or keeps resetting still fails as a network error;
    // never after a timeout, an HTTP answer (a refusal), or a part of an answer (fetch had resolved).
    const res = await send().catch((err: unknown) => {
      if (!repeatable || signal.aborted || !resetBeforeAnswer(err)) throw err;
      return send();
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : null;
    if (!res.ok) {
      const code = (json as { code?: string } | null)?.code;
      const known = SYNC_REASON_CODES.includes(code as SyncReason) ? (code as SyncReason) : 'server-error';
      throw new SyncRefusal(known, (json as { message?: string } | null)?.message, res.status);
    }
    return schema.parse(json);
  }
  const qs = (o: Record<string, string | number | null>) =>
    Object.entries(o)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&');
  // The GETs (pull, snapshot, time, row) only read: repeatable.
  return {
    // Repeatable: the server answers the same device (node) repeating its code within 15 minutes,
    // its token unused, with the same device and token, or a new token voiding the lost one
    // (server/sync/devices.ts enroll); the PC keeps only the answer it gets.
    enroll: (req) => request('POST', '/v1/enroll', EnrollResponseSchema, req, {}, true),
    // Repeatable: the server stores a change once by (node, hlc) (a unique index) and acknowledges
    // a change it holds as accepted, storing nothing; one transaction stores all of a push or none
    // (server/sync/log.ts pushChanges).
    push: (changes, check, replica, ticket) =>
      request('POST', `/v1/push${check ? `?${qs(check)}` : ''}`, PushResponseSchema, { changes, replica }, ticket ? { 'x-sync-ticket': ticket } : {}, true),
    // Not repeated: a password check; a wrong password must count once.
    ticket: (req) => request('POST', '/v1/ticket', TicketResponseSchema, req),
    pull: (after, limit, o = {}) =>
      request('GET', `/v1/pull?${qs({ after, limit, ...(o.check ?? {}), own: o.own ? 1 : null })}`, FastPullResponse, undefined, {}, true),
    // Repeatable: it sets the device's node; a repeat by the same device passes the checks (they
    // exclude the device itself) and sets the same value (server/sync/devices.ts renewNode).
    renewNode: (node) => request('POST', '/v1/node', NodeRenewalResponseSchema, { node }, {}, true),
    // Rows written at once come with one clock (`clocks=row`), not one per field.
    snapshot: (q) => request('GET', `/v1/snapshot?${qs({ ...q, clocks: 'row' })}`, FastSnapshotResponse, undefined, {}, true),
    time: () => request('GET', '/v1/time', TimeResponseSchema, undefined, {}, true),
    row: (table, rowId) => request('GET', `/v1/row?${qs({ table, rowId })}`, RowResponseSchema, undefined, {}, true),
  };
}

/**
 * fetch() itself failed, so no answer's head had arrived (a failure while reading an answer's body
 * is never resent), because the connection was reset or closed under the request.
 */
function resetBeforeAnswer(err: unknown): boolean {
  const code = (err as { cause?: { code?: string } } | null)?.cause?.code;
  return err instanceof TypeError && (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE');
}
