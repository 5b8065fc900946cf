/**
 * Deadlines stored in an offset form (an older PC synced them so: the sync vocabulary accepts an
 * offset instant) are the same instants as their UTC form: the ledger orders, filters and regrades
 * by the instant, never by the text. Real SQLite through the API.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeWorld, type World } from '../testing/screening-fixtures';

let w: World;
let hid: string;
// Friday 2020-07-03 10:00 Shanghai.
const START = '2020-07-03T02:00:00.000Z';

beforeEach(async () => {
  w = await makeWorld(START);
  hid = await w.household({ members: [{ name: '孙大爷', birth: '1940-05-01' }] });
});
afterEach(() => w.h.close());

const create = (urgency: '1' | '2' = '2') =>
  w.h.call('ledger.create', { source: 'grid-report', householdId: hid, category: 'medical', urgency, description: '看病难' });

/** What an older PC's synced row holds: the deadlines as written there, offsets and all. */
function storeAsSynced(id: string, verifyDueAt: string, dueAt: string): void {
  w.h.backend.store.sqlite.prepare('UPDATE ledger_items SET verify_due_at = ?, due_at = ? WHERE id = ?').run(verifyDueAt, dueAt, id);
}

describe('deadlines stored with an offset', () => {
  test('order, overdue filter and escalations follow the instant, not the text', async () => {
    const a = await create();
    const b = await create();
    // a: 12:00 Shanghai = 04:00Z, written with its offset; b: 05:00Z.
    storeAsSynced(a.id, '2020-07-03T12:00:00+08:00', '2020-07-08T15:59:59.999Z');
    storeAsSynced(b.id, '2020-07-03T05:00:00.000Z', '2020-07-08T15:59:59.999Z');
    await w.moveClock('2020-07-03T04:30:00.000Z'); // a overdue by half an hour, b not yet

    const open = await w.h.call('ledger.list', { status: 'open' });
    expect(open.rows.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(open.rows[0]).toMatchObject({ overdue: true, currentDueAt: '2020-07-03T04:00:00.000Z' });
    const overdue = await w.h.call('ledger.list', { overdueOnly: true });
    expect(overdue.rows.map((r) => r.id)).toEqual([a.id]);
    expect((await w.h.call('ledger.escalations', {})).overdueItems.map((r) => r.id)).toEqual([a.id]);
  });

  test('the earlier of the two deadlines is the current one whatever their form', async () => {
    const a = await create();
    // Verification due 13:00 Shanghai (05:00Z) written with its offset, completion at 06:00Z.
    storeAsSynced(a.id, '2020-07-03T13:00:00+08:00', '2020-07-03T06:00:00.000Z');
    const row = await w.h.call('ledger.get', { id: a.id });
    expect(row.currentDueAt).toBe('2020-07-03T05:00:00.000Z');
  });

  test('a regrade recognises the grade’s own deadline in its offset form (no sender deadline kept)', async () => {
    const d = await create('1'); // 一级 at 10:00: complete by 10:00 the next day
    expect(d.dueAt).toBe('2020-07-04T02:00:00.000Z');
    storeAsSynced(d.id, d.verifyDueAt, '2020-07-04T10:00:00+08:00');
    const down = await w.h.call('ledger.correct', { id: d.id, urgency: '2', reason: '复核为一般情形' });
    expect(down).toMatchObject({ dueAt: '2020-07-08T15:59:59.999Z', verifyDueAt: '2020-07-06T15:59:59.999Z' });
  });
});
