/** 待登记线索 at the street: list, 登记并立项 (validation, deadlines from receipt, derived ids) and 不予立项. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { InputOf } from '../../../shared/api/contract';
import { makeIdNumber, maskIdNumber } from '../../../shared/id-number';
import { clueHouseholdId, clueItemId, cluePersonId } from '../../../shared/ledger/clue-ids';
import { uuidv7 } from '../../../shared/uuid';
import { TEST_STREET } from '../testing/harness';
import { expectRefused, makeWorld, type World } from '../testing/screening-fixtures';

let w: World;
// Friday 2020-07-03 10:00 Shanghai: the clue is received then.
const RECEIVED = '2020-07-03T02:00:00.000Z';
const ID_NEW = makeIdNumber('120110', '19480215', 41);

/** A clue as the district server writes it into the street's partition (here straight into the store). */
function clueRow(over: Record<string, unknown> = {}): string {
  const id = uuidv7();
  w.h.backend.store.insert(
    'ledger_clue_inbox',
    {
      id, streetCode: TEST_STREET.code, itemNo: 'XS-20200703-001', externalId: 'WG-7', source: 'grid', sender: '网格系统',
      name: '周奶奶', idNumber: ID_NEW, phone: '13900002222', address: '詹滨西里99号', communityName: null, communityId: null,
      category: 'living', urgency: '1', description: '独居老人，无人照料，家中断粮', receivedAt: RECEIVED, dueAt: null, status: 'pending',
      ...over,
    },
    { userId: null, username: '网格系统', streetCode: TEST_STREET.code },
    null,
  );
  return id;
}

function registration(over: Partial<InputOf<'ledger.clueConvert'>> = {}): InputOf<'ledger.clueConvert'> {
  return {
    id: '',
    household: { communityId: w.communityId, gridId: w.gridA, address: '詹滨西里99号', hukouType: 'urban', categories: [] },
    members: [{ name: '周奶奶', idNumber: ID_NEW, relation: '02', health: 'serious', phone: '13900002222' }],
    personIndex: 0,
    ...over,
  };
}

beforeEach(async () => {
  w = await makeWorld(RECEIVED);
});
afterEach(() => w.h.close());

describe('待登记线索', () => {
  test('listed with a count and the deadline from receipt; converting registers the person and makes one item on derived ids', async () => {
    const id = clueRow();
    const list = await w.h.call('ledger.clueList', {});
    expect(list.pendingCount).toBe(1);
    // 一级: 24 hours from receipt
    expect(list.rows[0]).toMatchObject({ id, status: 'pending', name: '周奶奶', idMasked: maskIdNumber(ID_NEW), dueAt: '2020-07-04T02:00:00.000Z', registered: null });

    // converted 10 hours later: the deadlines still count from receipt
    await w.moveClock('2020-07-03T12:00:00.000Z');
    const item = await w.h.call('ledger.clueConvert', registration({ id, urgency: undefined }));
    expect(item).toMatchObject({
      id: clueItemId(id), itemNo: 'XS-20200703-001', source: 'grid-report', immediate: false, urgency: '1', category: 'living',
      status: 'pending', householdId: clueHouseholdId(id), registeredAt: RECEIVED, dueAt: '2020-07-04T02:00:00.000Z',
      verifyDueAt: '2020-07-03T06:00:00.000Z', personName: '周奶奶', headName: '周奶奶',
    });
    const hh = await w.h.call('registry.getHousehold', { id: clueHouseholdId(id) });
    expect(hh.members.map((m) => [m.id, m.name, m.idNumber])).toEqual([[cluePersonId(id, 0), '周奶奶', ID_NEW]]);
    expect(item.events[0]).toMatchObject({ kind: 'created', note: expect.stringMatching(/网格上报（网格系统，编号 WG-7）/) });
    const after = await w.h.call('ledger.clueList', {});
    expect(after.pendingCount).toBe(0);
    expect(after.rows[0]).toMatchObject({ status: 'converted', itemId: clueItemId(id), householdId: clueHouseholdId(id), personId: cluePersonId(id, 0), handledBy: '王管理' });
    expect((await w.h.call('audit.list', { action: 'ledger.clueConvert' })).rows).toHaveLength(1);

    // a second conversion (or a dismissal) of the same clue is refused, nothing written
    const again = await expectRefused(w, 'invalid-transition', () => w.h.call('ledger.clueConvert', registration({ id })));
    expect(again.message).toMatch(/已由王管理登记立项（XS-20200703-001）/);
    await expectRefused(w, 'invalid-transition', () => w.h.call('ledger.clueDismiss', { id, reason: '重复' }));
  });

  test('convert validation: Chinese messages naming the field, nothing written', async () => {
    const id = clueRow();
    const field = async (input: unknown) =>
      (await expectRefused(w, 'invalid-input', () => w.h.call('ledger.clueConvert', input as InputOf<'ledger.clueConvert'>))).field;
    const noReg = await expectRefused(w, 'invalid-input', () => w.h.call('ledger.clueConvert', { id }));
    expect(noReg).toMatchObject({ field: 'household', message: expect.stringMatching(/请登记家庭信息，或选择已登记的人员/) });
    expect(await field(registration({ id, personIndex: 3 }))).toBe('personIndex');
    expect(await field(registration({ id, members: [{ name: '周奶奶', idNumber: ID_NEW, relation: '20' }] }))).toBe('members');
    const badId = await expectRefused(w, 'id-number-checksum', () =>
      w.h.call('ledger.clueConvert', registration({ id, members: [{ name: '周奶奶', idNumber: '120110194802151234', relation: '02' }] })),
    );
    expect(badId).toMatchObject({ field: 'members.0.idNumber', message: expect.stringMatching(/身份证号码/) });
    const noAddress = await expectRefused(w, 'invalid-input', () =>
      w.h.call('ledger.clueConvert', registration({ id, household: { ...registration().household!, address: '' } })),
    );
    expect(noAddress).toMatchObject({ field: 'household.address', message: '家庭住址不能为空' });
    expect(await field({ ...registration({ id }), personId: uuidv7() })).toBe('personId');
    expect(await field(registration({ id: 'x' }))).toBe('id');
    expect((await expectRefused(w, 'not-found', () => w.h.call('ledger.clueConvert', registration({ id: uuidv7() })))).message).toBe('线索不存在');
    // the ID number already registered to someone else: refused on the member's field
    const taken = await w.household({ members: [{ name: '吴大爷', birth: '1950-01-01' }] });
    const takenId = (await w.h.call('registry.getHousehold', { id: taken })).members[0]!.idNumber;
    const dupe = await expectRefused(w, 'id-number-in-use', () =>
      w.h.call('ledger.clueConvert', registration({ id, members: [{ name: '周奶奶', idNumber: takenId, relation: '02' }] })),
    );
    expect(dupe.message).toMatch(/身份证号码已登记在另一户/);
    expect(dupe.field).toBe('members.0.idNumber');
    expect((await w.h.call('ledger.clueList', {})).pendingCount).toBe(1);
  });

  test('a person registered meanwhile is offered and linked, no second registration', async () => {
    const hid = await w.household({ members: [{ name: '郑大爷', birth: '1945-03-03' }] });
    const person = (await w.h.call('registry.getHousehold', { id: hid })).members[0]!;
    const id = clueRow({ name: '郑大爷', idNumber: person.idNumber, source: 'city-bureau', urgency: '2' });
    const row = await w.h.call('ledger.clueGet', { id });
    expect(row.registered).toMatchObject({ personId: person.id, householdId: hid, name: '郑大爷' });
    const item = await w.h.call('ledger.clueConvert', { id, personId: person.id, category: 'medical' });
    expect(item).toMatchObject({ id: clueItemId(id), householdId: hid, personName: '郑大爷', immediate: true, source: 'bureau-clue', category: 'medical' });
    expect((await w.h.call('registry.listHouseholds', {})).total).toBe(1);
  });

  test('不予立项 needs a reason; the clue is closed with it and audited', async () => {
    const id = clueRow();
    const noReason = await expectRefused(w, 'invalid-input', () => w.h.call('ledger.clueDismiss', { id, reason: '  ' }));
    expect(noReason).toMatchObject({ field: 'reason', message: '不予立项原因不能为空' });
    const long = await expectRefused(w, 'invalid-input', () => w.h.call('ledger.clueDismiss', { id, reason: '长'.repeat(201) }));
    expect(long.field).toBe('reason');
    const r = await w.h.call('ledger.clueDismiss', { id, reason: '经核实该人员已迁出本街道' });
    expect(r).toMatchObject({ status: 'dismissed', dismissReason: '经核实该人员已迁出本街道', handledBy: '王管理' });
    expect((await w.h.call('ledger.clueList', {})).pendingCount).toBe(0);
    expect((await w.h.call('ledger.clueList', { status: 'dismissed' })).rows).toHaveLength(1);
    expect((await w.h.call('audit.list', { action: 'ledger.clueDismiss' })).rows[0]).toMatchObject({ summary: expect.stringMatching(/不予立项.*迁出本街道/) });
    const conv = await expectRefused(w, 'invalid-transition', () => w.h.call('ledger.clueConvert', registration({ id })));
    expect(conv.message).toMatch(/不予立项：经核实该人员已迁出本街道/);
  });
});

test('a clue received in an offset form (an older server wrote it so) makes an item registered at the UTC instant', async () => {
  const id = clueRow();
  w.h.backend.store.sqlite.prepare('UPDATE ledger_clue_inbox SET received_at = ? WHERE id = ?').run('2020-07-03T10:00:00+08:00', id);
  await w.h.call('ledger.clueConvert', registration({ id }));
  const stored = w.h.backend.store.sqlite.prepare('SELECT registered_at, due_at FROM ledger_items WHERE id = ?').get(clueItemId(id));
  expect(stored).toEqual({ registered_at: RECEIVED, due_at: '2020-07-04T02:00:00.000Z' });
});
