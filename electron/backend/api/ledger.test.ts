import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { InputOf } from '../../../shared/api/contract';
import { AppError } from '../../../shared/errors';
import { LEDGER_SHEET, LEDGER_COLUMNS } from '../services/ledger/export';
import { makeWorld, type World } from '../testing/screening-fixtures';
import { readWorkbook } from '../testing/read-workbook';

let w: World;
let hid: string;
// Friday 2020-07-03 10:00 Shanghai.
const START = '2020-07-03T02:00:00.000Z';

beforeEach(async () => {
  w = await makeWorld(START);
  hid = await w.household({ members: [{ name: '孙大爷', birth: '1940-05-01', health: 'serious' }] });
});
afterEach(() => w.h.close());

function create(extra: Partial<InputOf<'ledger.create'>> = {}) {
  return w.h.call('ledger.create', {
    source: 'grid-report',
    householdId: hid,
    category: 'medical',
    urgency: '1',
    description: '突发重病，无钱住院',
    ...extra,
  });
}

type T = InputOf<'ledger.transition'>;
const act = (id: string, action: T['action'], extra: Partial<T> = {}, token?: string) =>
  w.h.call('ledger.transition', { id, action, ...extra }, token);

/** Expects the call to be refused with the code, writing nothing at all. */
async function refused(code: string, fn: () => Promise<unknown>) {
  const before = w.changeCount();
  const err = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected refusal ${code}`).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect(w.changeCount()).toBe(before);
  return err as AppError;
}

async function toHandling(id: string) {
  await act(id, 'start-verify');
  return act(id, 'confirm', { note: '入户核实属实' });
}

async function toReferred(id: string) {
  await toHandling(id);
  return act(id, 'refer', { department: 'health', sentOn: '2020-07-03', note: '协调住院' });
}

describe('issue ledger', () => {
  test('一级 item: 24-hour deadline and a 4-hour step deadline to start verifying', async () => {
    const d = await create();
    expect(d).toMatchObject({ status: 'pending', urgency: '1', dueAt: '2020-07-04T02:00:00.000Z', verifyDueAt: '2020-07-03T06:00:00.000Z' });
    expect(d.itemNo).toMatch(/^WT-20200703-001-/);
    expect(d.events).toMatchObject([{ kind: 'created', toStatus: 'pending', username: 'admin' }]);
    expect(d.countdownText).toBe('剩余 4小时0分');
  });

  test('二级 item registered on a Friday is due at the end of Wednesday (3 working days)', async () => {
    const d = await create({ urgency: '2' });
    expect(d.dueAt).toBe('2020-07-08T15:59:59.999Z');
    expect(d.verifyDueAt).toBe('2020-07-06T15:59:59.999Z');
  });

  test('a bureau clue marked 立即核查 keeps its own deadline', async () => {
    const d = await create({ source: 'bureau-clue', immediate: true, urgency: '2', dueAt: '2020-07-05T10:00:00.000Z' });
    expect(d).toMatchObject({ immediate: true, dueAt: '2020-07-05T10:00:00.000Z', verifyDueAt: '2020-07-04T02:00:00.000Z' });
  });

  test('a 立即核查 clue not yet taken up is listed before other open items, even ones due sooner', async () => {
    const urgent = await create();
    const clue = await create({ source: 'bureau-clue', immediate: true, urgency: '2', dueAt: '2020-07-08T10:00:00.000Z' });
    const ids = async () => (await w.h.call('ledger.list', { status: 'open' })).rows.map((r) => r.id);
    expect(await ids()).toEqual([clue.id, urgent.id]);
    expect((await w.h.call('ledger.list', { status: 'open' })).rows[0]).toMatchObject({ streetCode: '120110001000', streetName: '张贵庄街道' });
    await act(clue.id, 'start-verify');
    expect(await ids()).toEqual([urgent.id, clue.id]);
  });

  test('every allowed transition, in order, with its timeline event', async () => {
    const d = await create();
    expect((await act(d.id, 'start-verify')).status).toBe('verifying');
    const handling = await act(d.id, 'confirm', { note: '入户核实属实' });
    expect(handling).toMatchObject({ status: 'handling', verification: '入户核实属实', handlerName: '王管理' });
    const referred = await act(d.id, 'refer', { department: 'health', sentOn: '2020-07-03', note: '协调住院' });
    expect(referred.status).toBe('referred');
    expect(referred.referrals).toMatchObject([{ department: 'health', sentOn: '2020-07-03', repliedOn: null, followUpDue: false }]);
    // Follow-up reminder: 5 working days from Friday -> Friday 2020-07-10, end of day.
    expect(referred.referrals[0]!.followUpAt).toBe('2020-07-10T15:59:59.999Z');
    const rid = referred.referrals[0]!.id;
    const received = await w.h.call('ledger.referralReceipt', { referralId: rid, receivedOn: '2020-07-03' });
    expect(received.referrals[0]!.receivedOn).toBe('2020-07-03');
    const replied = await w.h.call('ledger.referralReply', { referralId: rid, repliedOn: '2020-07-04', reply: '已安排住院并落实医疗救助' });
    expect(replied).toMatchObject({ status: 'referred', referrals: [{ repliedOn: '2020-07-04', reply: '已安排住院并落实医疗救助' }] });
    const closed = await act(d.id, 'close', { measures: '医疗救助2000元；临时救助1000元', result: '已住院治疗，基本生活有保障' });
    expect(closed).toMatchObject({ status: 'closed', measures: '医疗救助2000元；临时救助1000元', closedAt: START });
    const reviewed = await act(d.id, 'review', { reviewResult: 'resolved', note: '回访：病情稳定' });
    expect(reviewed).toMatchObject({ status: 'reviewed', reviewResult: 'resolved', reviewNote: '回访：病情稳定' });
    const reopened = await act(d.id, 'reopen', { reason: '病情反复，再次住院' });
    expect(reopened).toMatchObject({ status: 'handling', closedAt: null, reviewResult: null });
    // Closing again from 处置中, and reopening from 已办结.
    await act(d.id, 'close', { measures: '再次医疗救助', result: '已出院' });
    expect((await act(d.id, 'reopen', { reason: '复核' })).status).toBe('handling');
    const final = await w.h.call('ledger.get', { id: d.id });
    expect(final.events.map((e) => e.kind)).toEqual([
      'created', 'start-verify', 'confirm', 'refer:health', 'referral-receipt', 'referral-reply', 'close', 'review', 'reopen', 'close', 'reopen',
    ]);
    expect(final.events[8]).toMatchObject({ fromStatus: 'reviewed', toStatus: 'handling', note: '病情反复，再次住院' });
    const audit = await w.h.call('audit.list', { action: 'ledger.close' });
    expect(audit.rows.length).toBe(2);
  });

  test('each transition from a wrong status is refused and writes nothing', async () => {
    const d = await create();
    // pending: only start-verify
    await refused('invalid-transition', () => act(d.id, 'confirm', { note: 'x' }));
    await refused('invalid-transition', () => act(d.id, 'refer', { department: 'health' }));
    await refused('invalid-transition', () => act(d.id, 'close', { measures: 'a', result: 'b' }));
    await refused('invalid-transition', () => act(d.id, 'review', { reviewResult: 'resolved', note: 'x' }));
    await refused('invalid-transition', () => act(d.id, 'reopen', { reason: 'x' }));
    await act(d.id, 'start-verify');
    // verifying
    await refused('invalid-transition', () => act(d.id, 'start-verify'));
    await refused('invalid-transition', () => act(d.id, 'refer', { department: 'health' }));
    await refused('invalid-transition', () => act(d.id, 'close', { measures: 'a', result: 'b' }));
    await refused('invalid-transition', () => act(d.id, 'reopen', { reason: 'x' }));
    await act(d.id, 'confirm', { note: '属实' });
    // handling
    await refused('invalid-transition', () => act(d.id, 'confirm', { note: 'x' }));
    await refused('invalid-transition', () => act(d.id, 'review', { reviewResult: 'resolved', note: 'x' }));
    await refused('invalid-transition', () => act(d.id, 'reopen', { reason: 'x' }));
    await act(d.id, 'close', { measures: 'a', result: 'b' });
    // closed
    await refused('invalid-transition', () => act(d.id, 'start-verify'));
    await refused('invalid-transition', () => act(d.id, 'refer', { department: 'health' }));
    await refused('invalid-transition', () => act(d.id, 'close', { measures: 'a', result: 'b' }));
    await act(d.id, 'review', { reviewResult: 'needs-follow-up', note: '仍需跟进' });
    // reviewed
    await refused('invalid-transition', () => act(d.id, 'review', { reviewResult: 'resolved', note: 'x' }));
    await refused('invalid-transition', () => act(d.id, 'close', { measures: 'a', result: 'b' }));
  });

  test('what a transition needs: refused without it, writing nothing', async () => {
    const d = await create();
    await act(d.id, 'start-verify');
    expect((await refused('invalid-input', () => act(d.id, 'confirm'))).field).toBe('note');
    await act(d.id, 'confirm', { note: '属实' });
    expect((await refused('invalid-input', () => act(d.id, 'refer'))).field).toBe('department');
    expect((await refused('invalid-input', () => act(d.id, 'close', { result: '已解决' }))).field).toBe('measures');
    expect((await refused('invalid-input', () => act(d.id, 'close', { measures: '临时救助' }))).field).toBe('result');
    await act(d.id, 'close', { measures: '临时救助', result: '已解决' });
    expect((await refused('invalid-input', () => act(d.id, 'review', { note: 'x' }))).field).toBe('reviewResult');
    expect((await refused('invalid-input', () => act(d.id, 'review', { reviewResult: 'resolved' }))).field).toBe('note');
    expect((await refused('invalid-input', () => act(d.id, 'reopen'))).field).toBe('reason');
    // Bad input at the schema boundary is refused too.
    await refused('invalid-input', () => w.h.raw('ledger.transition', { id: d.id, action: 'teleport' }).then((e) => {
      if (!e.ok) throw AppError.fromBody(e.error);
    }));
  });

  test('the item stays open until the department replies: closing with an open referral is refused', async () => {
    const d = await create();
    const r = await toReferred(d.id);
    await refused('prerequisite-missing', () => act(d.id, 'close', { measures: 'a', result: 'b' }));
    // A second referral to another department is allowed; both must reply.
    const two = await act(d.id, 'refer', { department: 'medical-insurance' });
    expect(two.referrals).toHaveLength(2);
    await w.h.call('ledger.referralReply', { referralId: r.referrals[0]!.id, repliedOn: '2020-07-03', reply: '已处理' });
    await refused('prerequisite-missing', () => act(d.id, 'close', { measures: 'a', result: 'b' }));
    await w.h.call('ledger.referralReply', { referralId: two.referrals[1]!.id, repliedOn: '2020-07-03', reply: '已报销' });
    expect((await act(d.id, 'close', { measures: 'a', result: 'b' })).status).toBe('closed');
  });

  test('referral receipt and reply are refused when repeated, too early, or after closing', async () => {
    const d = await create();
    const r = await toReferred(d.id);
    const rid = r.referrals[0]!.id;
    await refused('invalid-input', () => w.h.call('ledger.referralReceipt', { referralId: rid, receivedOn: '2020-07-02' }));
    await w.h.call('ledger.referralReceipt', { referralId: rid, receivedOn: '2020-07-03' });
    await refused('invalid-transition', () => w.h.call('ledger.referralReceipt', { referralId: rid, receivedOn: '2020-07-03' }));
    await refused('invalid-input', () => w.h.call('ledger.referralReply', { referralId: rid, repliedOn: '2020-07-01', reply: 'x' }));
    await w.h.call('ledger.referralReply', { referralId: rid, repliedOn: '2020-07-03', reply: '已办' });
    await refused('invalid-transition', () => w.h.call('ledger.referralReply', { referralId: rid, repliedOn: '2020-07-03', reply: 'x' }));
    await act(d.id, 'close', { measures: 'a', result: 'b' });
    await refused('invalid-transition', () => w.h.call('ledger.referralReceipt', { referralId: rid, receivedOn: '2020-07-04' }));
  });

  test('who may do what: a caseworker verifies and refers but may not close, look back or reopen', async () => {
    const cw = await w.caseworkerToken();
    const d = await create();
    expect((await act(d.id, 'start-verify', {}, cw)).handlerName).toBe('赵经办');
    await act(d.id, 'confirm', { note: '属实' }, cw);
    await refused('forbidden', () => act(d.id, 'close', { measures: 'a', result: 'b' }, cw));
    await act(d.id, 'close', { measures: 'a', result: 'b' });
    await refused('forbidden', () => act(d.id, 'review', { reviewResult: 'resolved', note: 'x' }, cw));
    await refused('forbidden', () => act(d.id, 'reopen', { reason: 'x' }, cw));
    await refused('forbidden', () => w.h.call('ledger.escalations', {}, cw));
    const seen = await w.h.call('ledger.get', { id: d.id }, cw);
    expect(seen.actions).toEqual([]);
    expect((await w.h.call('ledger.get', { id: d.id })).actions).toEqual(['review', 'reopen']);
  });

  test('with the clock past the deadline the item is overdue, listed first and escalated', async () => {
    const urgent = await create();
    const normal = await create({ urgency: '2', description: '住房漏雨' });
    await act(urgent.id, 'start-verify');
    await act(urgent.id, 'confirm', { note: '属实' });
    let list = await w.h.call('ledger.list', { status: 'open' });
    expect(list.rows.map((r) => r.id)).toEqual([urgent.id, normal.id]);
    expect(list.rows.every((r) => !r.overdue)).toBe(true);
    await w.moveClock('2020-07-04T02:00:01.000Z'); // 24 hours and a second later
    list = await w.h.call('ledger.list', { status: 'open' });
    expect(list.rows[0]).toMatchObject({ id: urgent.id, overdue: true, countdownText: '超期 0分' });
    // The 二级 item's verification step deadline (end of Monday) has not passed yet.
    expect(list.rows[1]).toMatchObject({ id: normal.id, overdue: false });
    expect((await w.h.call('ledger.list', { overdueOnly: true })).rows.map((r) => r.id)).toEqual([urgent.id]);
    const esc = await w.h.call('ledger.escalations', {});
    expect(esc.overdueItems.map((r) => r.id)).toEqual([urgent.id]);
    // Tuesday: the 二级 item was never verified; its step deadline (end of Monday) has passed.
    await w.moveClock('2020-07-07T01:00:00.000Z');
    list = await w.h.call('ledger.list', { status: 'open' });
    expect(list.rows.map((r) => [r.id, r.overdue])).toEqual([
      [urgent.id, true],
      [normal.id, true],
    ]);
  });

  test('the list filters by handler, category, source and urgency', async () => {
    const a = await create({ handlerName: '李经办' });
    const b = await create({ urgency: '2', category: 'housing', source: 'hotline', description: '住房漏雨' });
    await act(b.id, 'start-verify'); // the signed-in admin becomes its handler
    const ids = async (f: Record<string, unknown>) => (await w.h.call('ledger.list', f)).rows.map((r) => r.id);
    expect(await ids({ handler: '李' })).toEqual([a.id]);
    expect(await ids({ handler: '没有此人' })).toEqual([]);
    expect(await ids({ category: 'housing' })).toEqual([b.id]);
    expect(await ids({ source: 'hotline' })).toEqual([b.id]);
    expect(await ids({ urgency: '1' })).toEqual([a.id]);
  });

  test('referrals without a reply after the follow-up date are on the escalation list', async () => {
    const d = await create();
    await toReferred(d.id);
    await w.moveClock('2020-07-11T00:00:00.000Z');
    const esc = await w.h.call('ledger.escalations', {});
    expect(esc.referralsToChase).toMatchObject([{ itemId: d.id, department: 'health', followUpDue: true, headName: '孙大爷' }]);
  });

  test('回头看: items closed in a period, all or a stable sample; the review is recorded', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const d = await create({ description: `问题${i}` });
      await toHandling(d.id);
      await act(d.id, 'close', { measures: '救助', result: '解决' });
      ids.push(d.id);
    }
    const all = await w.h.call('ledger.lookBack', { from: '2020-07-01', to: '2020-07-31' });
    expect(all.map((r) => r.id).sort()).toEqual([...ids].sort());
    const sample = await w.h.call('ledger.lookBack', { from: '2020-07-01', to: '2020-07-31', samplePercent: 30 });
    expect(sample).toHaveLength(3);
    expect(await w.h.call('ledger.lookBack', { from: '2020-07-01', to: '2020-07-31', samplePercent: 30 })).toEqual(sample);
    expect(await w.h.call('ledger.lookBack', { from: '2020-08-01', to: '2020-08-31' })).toEqual([]);
    await act(sample[0]!.id, 'review', { reviewResult: 'resolved', note: '回访正常' });
    const again = await w.h.call('ledger.lookBack', { from: '2020-07-01', to: '2020-07-31', samplePercent: 30 });
    expect(again.find((r) => r.id === sample[0]!.id)).toMatchObject({ status: 'reviewed', reviewResult: 'resolved' });
  });

  test('watch ledger entries move to the issue ledger when a need appears', async () => {
    const list = await w.h.call('ledger.watchAdd', { householdId: hid, reason: '独居高龄，子女在外地' });
    const wid = list[0]!.id;
    const item = await w.h.call('ledger.watchPromote', { id: wid, category: 'care', urgency: '2', description: '摔伤后无人照料' });
    expect(item).toMatchObject({ source: 'watch', status: 'pending', category: 'care' });
    expect((await w.h.call('ledger.watchList', {}))[0]).toMatchObject({ status: 'moved', itemId: item.id });
    await refused('invalid-transition', () => w.h.call('ledger.watchPromote', { id: wid, category: 'care', urgency: '2', description: 'x' }));
  });

  test('the Excel export writes formula-like text with a leading apostrophe, so no spreadsheet evaluates it', async () => {
    await create({ description: '=HYPERLINK("http://evil.example","点击查看")' });
    const file = await w.h.call('ledger.export', {});
    const wb = await readWorkbook(file.base64);
    const cell = wb.getWorksheet(LEDGER_SHEET)!.getRow(2).getCell(LEDGER_COLUMNS.findIndex((c) => c.header === '问题描述') + 1);
    expect(cell.value).toBe(`'=HYPERLINK("http://evil.example","点击查看")`);
    expect(wb.getWorksheet(LEDGER_SHEET)!.getRow(2).getCell(1).value).toBe(1);
  });

  test('the Excel export has one row per item with the district columns', async () => {
    const d = await create();
    await toReferred(d.id);
    await create({ urgency: '2', category: 'housing', description: '住房漏雨' });
    const file = await w.h.call('ledger.export', {});
    expect(file.fileName).toBe('张贵庄街道问题台账20200703.xlsx');
    const wb = await readWorkbook(file.base64);
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    expect(ws.getRow(1).values).toEqual([undefined, ...LEDGER_COLUMNS.map((c) => c.header)]);
    expect(ws.rowCount).toBe(3);
    const header = LEDGER_COLUMNS.map((c) => c.header);
    const cell = (row: number, name: string) => ws.getRow(row).getCell(header.indexOf(name) + 1).value;
    expect(cell(2, '户主姓名')).toBe('孙大爷');
    expect(cell(2, '紧急程度')).toBe('一级（急难）');
    expect(cell(2, '状态')).toBe('已转介');
    expect(cell(2, '转介部门')).toBe('卫健（2020-07-03）');
    expect(cell(2, '处置时限')).toBe('2020-07-04 10:00');
    expect(cell(3, '问题类别')).toBe('住房');
    expect((await w.h.call('audit.list', { action: 'ledger.export' })).rows).toHaveLength(1);
  });
});
