/**
 * The backend tells its listener what a committed write touched: once per transaction, nothing for a
 * refused call or a rolled-back transaction; and the sync status with it.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeHarness, type Harness } from '../testing/harness';
import { makeIdNumber } from '../../../shared/id-number';
import type { BackendEvent } from '../../../shared/api/events';

let h: Harness;
let events: BackendEvent[];
let communityId: string;
beforeEach(async () => {
  events = [];
  h = await makeHarness({ events: (e) => events.push(e) });
  communityId = (await h.call('org.listCommunities', {}))[0]!.id;
  events.length = 0;
});
afterEach(() => h.close());

const changed = () => events.filter((e): e is Extract<BackendEvent, { type: 'changed' }> => e.type === 'changed');

function createHousehold(idNumber = makeIdNumber('120110', '19650312', 123)) {
  return h.raw('registry.createHousehold', {
    household: { communityId, address: '詹滨西里3号楼2门301', hukouType: 'urban', categories: ['dibao'] },
    members: [{ name: '张三', idNumber, relation: '02' }],
  });
}

describe('change events', () => {
  test('a local write is told once, with its tables and areas, and the sync status follows', async () => {
    expect((await createHousehold()).ok).toBe(true);
    const c = changed();
    expect(c).toHaveLength(1);
    expect(c[0]!.tables).toEqual(expect.arrayContaining(['households', 'persons', 'audit_events']));
    expect(c[0]!.areas).toEqual(expect.arrayContaining(['registry', 'audit']));
    const sync = events.find((e) => e.type === 'sync');
    expect(sync).toMatchObject({ type: 'sync', status: { enrolled: false, state: 'not-enrolled' } });
  });

  test('a refused call and a read tell nothing', async () => {
    const bad = await createHousehold(makeIdNumber('120110', '19650312', 123).slice(0, 17) + 'X');
    expect(bad.ok).toBe(false);
    await h.call('registry.listHouseholds', {});
    expect(changed()).toHaveLength(0);
  });

  test('a transaction that rolls back tells nothing; the next commit tells only its own tables', async () => {
    const store = h.backend.store;
    expect(() =>
      store.tx(() => {
        store.insert('grids', { communityId, name: '回滚网格', streetCode: '120110001000' }, { userId: null, username: 'test', streetCode: '120110001000' }, null);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(changed()).toHaveLength(0);
    expect((await createHousehold()).ok).toBe(true);
    expect(changed()).toHaveLength(1);
    expect(changed()[0]!.tables).not.toContain('grids');
  });
});
