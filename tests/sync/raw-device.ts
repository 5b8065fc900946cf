/** A device enrolled over HTTP with no office backend behind it: pushes what a test writes by hand. */
import * as admin from '../../server/admin/commands';
import type { Change, PushResponse } from '../../shared/sync/wire';
import type { TestServer } from './harness';

export interface RawDevice {
  token: string;
  node: string;
  /** Pushes a batch; the HTTP status and the parsed body. */
  push(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: PushResponse & { code?: string } }>;
  get(path: string): Promise<{ status: number; body: unknown }>;
  /** A stamp of this device at a time (ms since the epoch), with a counter. */
  hlc(ms: number, n?: number): string;
}

export async function rawDevice(server: TestServer, partition: string, node: string): Promise<RawDevice> {
  const { code } = await admin.issueEnrollmentCode(server.opened.db, new Date(), partition);
  const res = await fetch(`${server.url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: node, node }),
  });
  if (res.status !== 200) throw new Error(`enroll ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  return {
    token,
    node,
    push: async (body, headers = {}) => {
      const r = await fetch(`${server.url}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as PushResponse & { code?: string } };
    },
    get: async (path) => {
      const r = await fetch(`${server.url}${path}`, { headers: auth });
      return { status: r.status, body: await r.json() };
    },
    hlc: (ms, n = 0) => `${String(ms).padStart(15, '0')}-${n.toString(16).padStart(4, '0')}-${node}`,
  };
}

/** A complete new community row of a street (the smallest table a device may create). */
export function communityChange(dev: RawDevice, ms: number, n: number, partition: string, id: string, name: string): Change {
  const at = new Date(ms).toISOString();
  return {
    hlc: dev.hlc(ms, n),
    node: dev.node,
    table: 'communities',
    rowId: id,
    partition,
    fields: { id, created_at: at, updated_at: at, deleted_at: null, street_code: partition, name, kind: 'community' },
  };
}
