import { afterEach, describe, expect, test } from 'vitest';
import type { SnapshotResponse } from '../../../shared/sync/wire';
import { progressText } from '../../../shared/sync/status';
import { SyncController } from './controller';
import { outboxBatch } from './encode';
import type { SyncTransport } from './http';
import { SYNC_META } from './session';
import { TEST_ACTOR, TEST_STREET, testReplicas } from './testing/memory-replicas';

const S = TEST_STREET;
const actor = TEST_ACTOR;
const replica = testReplicas();
let controllers: SyncController[] = [];
afterEach(() => {
  for (const c of controllers) c.stop();
  controllers = [];
});

describe('sync status while a sync runs', () => {
  test('a first sync reports the snapshot rows applied so far, and nothing once it is over', async () => {
    const source = replica();
    for (let i = 0; i < 4; i++) source.insert('communities', { streetCode: S, name: `社区${i}` }, actor, null);
    const rows = outboxBatch(source, 100).map((c) => ({ table: c.table, rowId: c.rowId, partition: c.partition, fields: c.fields, clock: c.hlc }));
    const page = (from: number, next: string | null): SnapshotResponse => ({ rows: rows.slice(from, from + 2), next, cursor: 4, serverTime: '2026-06-01T00:00:00.000Z' });
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let asked = 0;
    const fake = {
      snapshot: async () => {
        asked++;
        if (asked === 1) return page(0, 'p1');
        await held; // the second page comes only when the test lets it
        return page(2, null);
      },
      pull: async () => ({ changes: [], cursor: 4, hasMore: false, serverTime: '2026-06-01T00:00:00.000Z' }),
      push: async () => ({ accepted: [], rejected: [], serverTime: '2026-06-01T00:00:00.000Z' }),
    } as unknown as SyncTransport;

    const store = replica();
    store.setMeta(SYNC_META.server, 'http://127.0.0.1:1');
    store.setSecretMeta(SYNC_META.token, 'token');
    store.setMeta(SYNC_META.deviceId, 'device');
    store.setMeta(SYNC_META.scope, JSON.stringify({ kind: 'street', partition: S }));
    const c = new SyncController(store, { transport: () => fake });
    controllers.push(c);
    expect(c.status().progress).toBeNull();

    const run = c.runNow('manual');
    // The second page is held until release(): the count stays at 2 for as long as the test waits, so
    // waiting long (a loaded CI machine) costs nothing when it comes soon.
    const deadline = Date.now() + 20_000;
    while ((c.status().progress?.snapshotRows ?? 0) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const during = c.status();
    expect(during.state).toBe('syncing');
    expect(during.progress).toEqual({ snapshotRows: 2, pushed: 0, pulled: 0 });
    expect(progressText(during.progress!)).toBe('已下载 2 条');

    release();
    const info = await run;
    expect(info.ok).toBe(true);
    expect(info.snapshotRows).toBe(4);
    expect(c.status().progress).toBeNull();
  });

  test('the progress text says what moved, with thousands separators', () => {
    expect(progressText({ snapshotRows: 0, pushed: 0, pulled: 0 })).toBe('');
    expect(progressText({ snapshotRows: 12000, pushed: 3, pulled: 5 })).toBe('已上传 3 条，已下载 12,005 条');
  });
});
