/**
 * Monthly payment batches (issue 12) against the real backend: a confirmed batch's rows are stored
 * once and never change (a later income rise or standard change leaves them byte-identical), a
 * difference for a confirmed month becomes a 补发 / 扣回 row of the next batch with its reason, a
 * batch cannot be confirmed twice nor by a caseworker (refused and audited), the database itself
 * refuses to change frozen rows, and the bank file and roster export the same bytes every time.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeAssistanceHarness, type AssistanceHarness } from '../../../tests/support/assistance-harness';
import type { Harness } from '../testing/harness';
import { investigatorToken } from '../testing/enrolment';
import { readWorkbook } from '../testing/read-workbook';

let a: AssistanceHarness;
let h: Harness;

const at = (iso: string) => a.at(iso);
const call: Harness['call'] = (p, input) => a.call(p, input);
const raw = (p: string, input: unknown) => a.raw(p, input);
const db = () => a.db();
const count = (sql: string, ...args: unknown[]) => (db().prepare(sql).get(...args) as { n: number }).n;

beforeEach(async () => {
  a = await makeAssistanceHarness({ seq: 300 });
  h = a.h;
});
afterEach(() => a.close());

/** A 2-person 低保 household without income, paid from April 2026 (or `from`): 2 × 1045.00 = 2090.00 a month. */
async function dibaoHousehold(name: string, from = '2026-04') {
  const hh = await a.household([{ name, relation: '02', birth: '19750101' }, { name: `${name}妻`, relation: '10', birth: '19770303' }], '詹滨西里');
  const e = await a.enrol({ programme: 'dibao', householdId: hh.id, note: '本人申请' }, from);
  return { hh, e };
}

async function confirm(month: string) {
  const b = await call('batches.generate', { programme: 'dibao', month });
  return call('batches.confirm', { id: b.id });
}

function storedRows(batchId: string) {
  return db().prepare('SELECT * FROM payment_batch_rows WHERE batch_id = ? ORDER BY seq').all(batchId);
}

describe('states', () => {
  test('generate shows the live rows without storing them; confirm stores them once with their digest', async () => {
    const { e } = await dibaoHousehold('赵大');
    await at('2026-04-20T02:00:00Z');
    const pending = await call('batches.generate', { programme: 'dibao', month: '2026-04' });
    expect(pending).toMatchObject({ status: 'pending', rowCount: 1, totalFen: 209000, digest: null, generatedBy: 'admin' });
    expect(pending.rows[0]).toMatchObject({ kind: 'regular', forMonth: '2026-04', enrolmentId: e.id, amountFen: 209000, basis: 'standard' });
    expect(pending.rows[0]!.idMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(count('SELECT count(*) AS n FROM payment_batch_rows')).toBe(0);
    // generating again is the same batch (the id is derived from street, programme and month)
    expect((await call('batches.generate', { programme: 'dibao', month: '2026-04' })).id).toBe(pending.id);

    const confirmed = await call('batches.confirm', { id: pending.id });
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedBy: 'admin', rowCount: 1, totalFen: 209000 });
    expect(confirmed.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(count('SELECT count(*) AS n FROM payment_batch_rows WHERE batch_id = ?', pending.id)).toBe(1);
    const list = await call('batches.list', {});
    expect(list).toEqual([expect.objectContaining({ id: pending.id, status: 'confirmed', rowCount: 1, totalFen: 209000 })]);
  });

  test('confirming twice or generating a confirmed month again is refused with a Chinese message, audited, and writes nothing else', async () => {
    await dibaoHousehold('钱二');
    await at('2026-04-20T02:00:00Z');
    const b = await confirm('2026-04');
    const rows = JSON.stringify(storedRows(b.id));
    const before = count("SELECT count(*) AS n FROM change_log WHERE table_name <> 'audit_events'");
    const again = await raw('batches.confirm', { id: b.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'batch-frozen', field: 'id' } });
    expect(again.ok ? '' : again.error.message).toContain('不能重复确认');
    const regen = await raw('batches.generate', { programme: 'dibao', month: '2026-04' });
    expect(regen).toMatchObject({ ok: false, error: { code: 'batch-frozen' } });
    expect(count("SELECT count(*) AS n FROM change_log WHERE table_name <> 'audit_events'")).toBe(before);
    expect(JSON.stringify(storedRows(b.id))).toBe(rows);
    const refusals = db().prepare("SELECT summary, detail FROM audit_events WHERE action = 'batches.refused' AND entity_id = ? ORDER BY rowid").all(b.id) as { summary: string; detail: string }[];
    expect(refusals.map((r) => (JSON.parse(r.detail) as { attempt: string }).attempt)).toEqual(['重复确认', '重新生成']);
    expect(refusals[0]!.summary).toContain('低保 2026-04 发放批次');
  });

  test('a caseworker cannot confirm: refused, audited, nothing stored', async () => {
    await dibaoHousehold('孙三');
    await at('2026-04-20T02:00:00Z');
    const b = await call('batches.generate', { programme: 'dibao', month: '2026-04' });
    const cw = await investigatorToken(h);
    const r = await h.raw('batches.confirm', { id: b.id }, cw);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(r.ok ? '' : r.error.message).toContain('街道负责人或管理员');
    expect(count('SELECT count(*) AS n FROM payment_batch_rows')).toBe(0);
    expect((await call('batches.get', { id: b.id })).status).toBe('pending');
    expect(count("SELECT count(*) AS n FROM audit_events WHERE action = 'batches.refused' AND username = 'dcy'")).toBe(1);
    // a caseworker cannot mark paid either (the contract's roles)
    expect(await h.raw('batches.markPaid', { id: b.id }, cw)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('the database refuses to change or delete a frozen row, or a confirmed batch’s totals, whoever asks', async () => {
    await dibaoHousehold('李四');
    await at('2026-04-20T02:00:00Z');
    const b = await confirm('2026-04');
    expect(() => db().prepare('UPDATE payment_batch_rows SET amount_fen = 1').run()).toThrow(/frozen/);
    expect(() => db().prepare('DELETE FROM payment_batch_rows').run()).toThrow(/frozen/);
    expect(() => db().prepare('UPDATE payment_batches SET total_fen = 1 WHERE id = ?').run(b.id)).toThrow(/frozen/);
    expect(() => db().prepare("UPDATE payment_batches SET status = 'pending' WHERE id = ?").run(b.id)).toThrow(/frozen/);
    expect(() => h.backend.store.softDelete('payment_batches', b.id, { userId: null, username: 'x', streetCode: '120110001000' }, null)).toThrow(/frozen/);
    // repeating the same values (a remote row seen again) is let through
    db().prepare('UPDATE payment_batch_rows SET amount_fen = amount_fen').run();
    expect((await call('batches.get', { id: b.id })).totalFen).toBe(209000);
  });

  test('mark paid after confirmation only, once; records the bank file digest', async () => {
    await dibaoHousehold('周五');
    await at('2026-04-20T02:00:00Z');
    const b = await call('batches.generate', { programme: 'dibao', month: '2026-04' });
    expect(await raw('batches.markPaid', { id: b.id })).toMatchObject({ ok: false, error: { code: 'invalid-transition' } });
    expect(await raw('batches.exportBankFile', { id: b.id })).toMatchObject({ ok: false, error: { code: 'invalid-transition' } });
    await call('batches.confirm', { id: b.id });
    const paid = await call('batches.markPaid', { id: b.id });
    const file = await call('batches.exportBankFile', { id: b.id });
    expect(paid).toMatchObject({ status: 'paid', paidBy: 'admin' });
    expect(paid.bankFileDigest).toBe(createHash('sha256').update(Buffer.from(file.base64, 'base64')).digest('hex'));
    expect(await raw('batches.markPaid', { id: b.id })).toMatchObject({ ok: false, error: { code: 'batch-frozen' } });
  });
});

describe('bad input', () => {
  test('a wrong month, programme or batch is refused in Chinese naming the field, and writes nothing', async () => {
    const before = count('SELECT count(*) AS n FROM change_log');
    const month = await raw('batches.generate', { programme: 'dibao', month: '2026-13' });
    expect(month).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'month' } });
    expect(month.ok ? '' : month.error.message).toContain('发放月份');
    const programme = await raw('batches.generate', { programme: 'pension', month: '2026-04' });
    expect(programme).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'programme' } });
    expect(programme.ok ? '' : programme.error.message).toContain('救助项目');
    const unknown = await raw('batches.confirm', { id: '0190a000-0000-7000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found', field: 'id', message: '发放批次不存在' } });
    expect(await raw('batches.confirm', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'id' } });
    expect(count('SELECT count(*) AS n FROM change_log')).toBe(before);
  });

  test('a month with nobody to pay cannot be confirmed', async () => {
    const b = await call('batches.generate', { programme: 'orphan-allowance', month: '2026-04' });
    expect(b).toMatchObject({ status: 'pending', rowCount: 0, totalFen: 0 });
    const r = await raw('batches.confirm', { id: b.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-transition' } });
    expect(r.ok ? '' : r.error.message).toContain('没有发放明细');
    expect((await call('batches.get', { id: b.id })).status).toBe('pending');
  });
});

describe('adjustments', () => {
  test('an income rise after April is confirmed never changes April’s rows; paid plus adjustments equals what is due now', async () => {
    const { hh, e } = await dibaoHousehold('吴六');
    await at('2026-04-20T02:00:00Z');
    const april = await confirm('2026-04');
    const frozen = JSON.stringify(storedRows(april.id));
    await at('2026-05-10T02:00:00Z');
    await call('assistance.recordIncomeRise', {
      id: e.id,
      reportMonth: '2026-05',
      riseFromEmployment: false,
      selfReported: true,
      members: [{ personId: hh.members[0]!.id, wageFen: 150000 }],
    });
    await at('2026-06-05T02:00:00Z');
    const again = await call('batches.get', { id: april.id });
    expect(again.digest).toBe(april.digest);
    expect(again.rows).toEqual(april.rows);
    expect(JSON.stringify(storedRows(april.id))).toBe(frozen);
    // whatever the rules now give for April, June's batch settles the difference (and only that)
    const dueApril = (await call('assistance.paymentList', { programme: 'dibao', month: '2026-04' })).rows.find((r) => r.enrolmentId === e.id)?.amountFen ?? 0;
    const june = await call('batches.generate', { programme: 'dibao', month: '2026-06' });
    const adjust = june.rows.filter((r) => r.forMonth === '2026-04').reduce((s, r) => s + r.amountFen, 0);
    expect(209000 + adjust).toBe(dueApril);
    for (const r of june.rows.filter((x) => x.forMonth === '2026-04')) expect(r).toMatchObject({ reason: '收入变化', sourceRef: expect.stringMatching(/^income_rise_decisions:/) });
  });

  test('a standard entered late with a past effective date yields 补发 rows in the next batch; confirmed rows stay as they were', async () => {
    const { e } = await dibaoHousehold('郑七');
    await at('2026-04-20T02:00:00Z');
    const april = await confirm('2026-04');
    await at('2026-05-20T02:00:00Z');
    const may = await confirm('2026-05');
    await at('2026-06-03T02:00:00Z');
    await call('policy.setParam', { key: 'dibao.standard', value: 110000, effectiveFrom: '2026-04-01', retroactiveReason: '市局文件迟到，补录4月起标准' });
    const june = await call('batches.generate', { programme: 'dibao', month: '2026-06' });
    const param = db().prepare("SELECT id FROM policy_params WHERE key = 'dibao.standard' AND value = '110000'").get() as { id: string };
    expect(june.rows.map((r) => [r.kind, r.forMonth, r.amountFen])).toEqual([
      ['regular', '2026-06', 220000],
      ['supplement', '2026-04', 11000],
      ['supplement', '2026-05', 11000],
    ]);
    expect(june.rows[1]).toMatchObject({ enrolmentId: e.id, reason: '标准调整', sourceRef: `policy_params:${param.id}` });
    expect(june.supplementFen).toBe(22000);
    expect((await call('batches.get', { id: april.id })).digest).toBe(april.digest);
    expect((await call('batches.get', { id: may.id })).rows.map((r) => r.amountFen)).toEqual([209000]);
    // once June is confirmed with the 补发, July owes nothing more for April and May
    await call('batches.confirm', { id: june.id });
    await at('2026-07-03T02:00:00Z');
    const july = await call('batches.generate', { programme: 'dibao', month: '2026-07' });
    expect(july.rows.map((r) => r.kind)).toEqual(['regular']);
  });

  test('an exit recorded late, back to May, yields a 扣回 of May in the next batch and no regular row', async () => {
    const { e } = await dibaoHousehold('冯八');
    await dibaoHousehold('陈九');
    await at('2026-04-20T02:00:00Z');
    await confirm('2026-04');
    await at('2026-05-20T02:00:00Z');
    await confirm('2026-05');
    await at('2026-06-03T02:00:00Z');
    await call('assistance.advance', { id: e.id, step: 'exit', month: '2026-05', note: '本人死亡，家属6月告知' });
    const june = await call('batches.generate', { programme: 'dibao', month: '2026-06' });
    const mine = june.rows.filter((r) => r.enrolmentId === e.id);
    expect(mine).toEqual([expect.objectContaining({ kind: 'recovery', forMonth: '2026-05', amountFen: -209000, basis: 'stopped', reason: '死亡（本月无发放，须另行追缴）' })]);
    expect(mine[0]!.sourceRef).toMatch(/^enrolment_steps:/);
    expect(june.recoveryFen).toBe(-209000);
    expect(june.rows.filter((r) => r.kind === 'regular')).toHaveLength(1);
  });
});

describe('months with no confirmed batch', () => {
  /** April paid to 何一 alone; he leaves from May, so May has nobody to pay and no batch can be confirmed. */
  async function aprilThenEmptyMay() {
    const { e } = await dibaoHousehold('何一');
    await at('2026-04-20T02:00:00Z');
    await confirm('2026-04');
    await call('assistance.advance', { id: e.id, step: 'exit', month: '2026-05', note: '本人申请退出' });
    await at('2026-05-20T02:00:00Z');
    const may = await call('batches.generate', { programme: 'dibao', month: '2026-05' });
    expect(may.rowCount).toBe(0);
    expect(await raw('batches.confirm', { id: may.id })).toMatchObject({ ok: false, error: { code: 'invalid-transition' } });
  }

  test('an approval dated back into a month nobody was paid for is settled by the next batch (补发, 追溯批准)', async () => {
    await aprilThenEmptyMay();
    await at('2026-06-03T02:00:00Z');
    const { e } = await dibaoHousehold('吕二', '2026-05'); // approved in June, paid from May
    expect(e.startMonth).toBe('2026-05');
    const june = await call('batches.generate', { programme: 'dibao', month: '2026-06' });
    expect(june.rows.map((r) => [r.kind, r.forMonth, r.enrolmentId, r.amountFen])).toEqual([
      ['regular', '2026-06', e.id, 209000],
      ['supplement', '2026-05', e.id, 209000],
    ]);
    expect(june.rows[1]).toMatchObject({ reason: '追溯批准', sourceRef: expect.stringMatching(/^enrolment_steps:/) });
    await call('batches.confirm', { id: june.id });
    // settled once: July owes nothing more for May, and May can no longer have a batch of its own (it would pay May twice)
    await at('2026-07-03T02:00:00Z');
    const july = await call('batches.generate', { programme: 'dibao', month: '2026-07' });
    expect(july.rows.map((r) => [r.kind, r.forMonth])).toEqual([['regular', '2026-07']]);
    const before = count('SELECT count(*) AS n FROM change_log');
    for (const p of ['batches.generate', 'batches.confirm'] as const) {
      const input = p === 'batches.generate' ? { programme: 'dibao', month: '2026-05' } : { id: (await call('batches.list', {})).find((b) => b.month === '2026-05')!.id };
      const r = await raw(p, input);
      expect(r).toMatchObject({ ok: false, error: { code: 'not-applicable', field: 'month' } });
      expect(r.ok ? '' : r.error.message).toContain('2026-06 的发放批次已确认');
    }
    expect(count('SELECT count(*) AS n FROM change_log')).toBe(before);
  });

  test('a suspension of exits entered late holds a gradual exit that ended in a month nobody was paid for: the next batch pays it', async () => {
    const { hh, e } = await dibaoHousehold('施三');
    await at('2026-04-10T02:00:00Z');
    await call('policy.setParam', { key: 'dibao.employmentReward', value: 30000, effectiveFrom: '2026-01-01', note: '测试', retroactiveReason: '测试：补录就业奖励' });
    // a job found and reported: 渐退 May–October, no payment from November
    await call('assistance.recordIncomeRise', {
      id: e.id, reportMonth: '2026-04', riseFromEmployment: true, selfReported: true,
      members: [{ personId: hh.members[0]!.id, wageFen: 600000 }],
    });
    for (let m = 4; m <= 10; m++) {
      await at(`2026-${String(m).padStart(2, '0')}-20T02:00:00Z`);
      await confirm(`2026-${String(m).padStart(2, '0')}`);
    }
    await at('2026-11-20T02:00:00Z');
    expect((await call('batches.generate', { programme: 'dibao', month: '2026-11' })).rowCount).toBe(0);
    await at('2026-12-03T02:00:00Z');
    await call('policy.setParam', { key: 'epidemic.exitsSuspended', value: true, effectiveFrom: '2026-10-20', note: '测试', retroactiveReason: '暂停退出的通知迟到' });
    const dueNov = (await call('assistance.paymentList', { programme: 'dibao', month: '2026-11' })).rows;
    expect(dueNov.map((r) => [r.enrolmentId, r.basis])).toEqual([[e.id, 'held']]);
    const dec = await call('batches.generate', { programme: 'dibao', month: '2026-12' });
    expect(dec.rows.map((r) => [r.kind, r.forMonth, r.amountFen])).toEqual([
      ['regular', '2026-12', dueNov[0]!.amountFen],
      ['supplement', '2026-11', dueNov[0]!.amountFen],
    ]);
    expect(dec.rows[1]).toMatchObject({ reason: '标准调整', sourceRef: expect.stringMatching(/^policy_params:/) });
  });
});

describe('exports', () => {
  test('the bank file and the roster are the same bytes on every export, whenever it is made; audited', async () => {
    await dibaoHousehold('褚十');
    await dibaoHousehold('卫十一');
    await at('2026-04-20T02:00:00Z');
    const b = await confirm('2026-04');
    const first = await call('batches.exportBankFile', { id: b.id });
    const roster1 = await call('batches.exportRoster', { id: b.id });
    await at('2026-04-21T09:17:33Z');
    const second = await call('batches.exportBankFile', { id: b.id });
    const roster2 = await call('batches.exportRoster', { id: b.id });
    expect(second.base64).toBe(first.base64);
    expect(roster2.base64).toBe(roster1.base64);
    const text = Buffer.from(first.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF序号,银行账号,姓名,金额,身份证号\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4); // header, two payees, and the final CRLF
    expect(text).toMatch(/\r\n1,62210000000\d+,褚十,2090\.00,\d{17}[\dX]\r\n/);
    expect(first.fileName).toMatch(/低保2026-04发放批次银行代发文件\.csv$/);
    // the roster carries the confirmation instant, not the time of export (nor the machine's clock)
    const zip = Buffer.from(roster1.base64, 'base64');
    const dosDate = zip.readUInt16LE(12);
    expect([(dosDate >> 9) + 1980, (dosDate >> 5) & 15, dosDate & 31]).toEqual([2026, 4, 20]);
    const wb = await readWorkbook(roster1.base64);
    expect(wb.created.toISOString()).toBe(b.confirmedAt);
    expect(wb.getWorksheet('发放明细')!.getRow(2).getCell(5).value).toBe('褚十');
    expect(wb.getWorksheet('发放明细')!.getRow(2).getCell(9).value).toBe(2090);
    expect(count("SELECT count(*) AS n FROM audit_events WHERE action = 'batches.exportBankFile'")).toBe(2);
    expect(count("SELECT count(*) AS n FROM audit_events WHERE action = 'batches.exportRoster'")).toBe(2);
  });
});
