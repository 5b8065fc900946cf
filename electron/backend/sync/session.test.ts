import { describe, expect, test } from 'vitest';
import type { Store } from '../store/store';
import type { SnapshotResponse } from '../../../shared/sync/wire';
import { outboxBatch } from './encode';
import type { SyncTransport } from './http';
import { syncOnce } from './session';
import { TEST_ACTOR, TEST_STREET, testReplicas } from './testing/memory-replicas';

const S = TEST_STREET;
const actor = TEST_ACTOR;
const replica = testReplicas();

const communities = (s: Store) => (s.prepare('SELECT count(*) AS n FROM communities').get() as { n: number }).n;

describe('bootstrap', () => {
  test('asks for the next snapshot page before it applies the current one, and ends with every row', async () => {
    const source = replica();
    for (let i = 0; i < 6; i++) source.insert('communities', { streetCode: S, name: `社区${i}` }, actor, null);
    const rows = outboxBatch(source, 100).map((c) => ({ table: c.table, rowId: c.rowId, partition: c.partition, fields: c.fields, clock: c.hlc }));
    const pages: SnapshotResponse[] = [0, 2, 4].map((from, i) => ({
      rows: rows.slice(from, from + 2),
      next: i < 2 ? `p${i + 1}` : null,
      cursor: 6,
      serverTime: '2026-06-01T00:00:00.000Z',
    }));

    const fresh = replica();
    // What the replica held when each page was asked for.
    const heldWhenAsked: number[] = [];
    const afters: (string | null)[] = [];
    const t = {
      snapshot: async (q: { after: string | null; cursor: number | null }) => {
        heldWhenAsked.push(communities(fresh));
        afters.push(q.after);
        return pages[afters.length - 1]!;
      },
      pull: async () => ({ changes: [], cursor: 6, hasMore: false, serverTime: '2026-06-01T00:00:00.000Z' }),
    } as unknown as SyncTransport;

    const summary = await syncOnce(fresh, t);
    expect(afters).toEqual([null, 'p1', 'p2']);
    // Page 2 was asked for while page 1 (two rows) was not yet written, page 3 while page 2 was not.
    expect(heldWhenAsked).toEqual([0, 0, 2]);
    expect(summary.snapshotRows).toBe(6);
    expect(communities(fresh)).toBe(6);
  });
});
