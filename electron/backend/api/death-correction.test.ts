/**
 * Issue 17, 更正死亡日期: a supervisor corrects a recorded date of death (a new record naming the first,
 * with the reason) and what the death stopped follows the date. Later: months now before the death are
 * due again (no longer listed for 扣回; a 扣回 already confirmed is paid back by a 补发 row); earlier: more
 * months are listed for 扣回. Programme end months, the 低保's covered persons and the care agreement and
 * card follow; a confirmed batch row never changes.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeAssistanceHarness, type AssistanceHarness } from '../../../tests/support/assistance-harness';
import { batchRowsFor, confirmDeathMonth, deathStreet, deathStreetDay, frozenRows, type DEATH_PROGRAMMES } from '../../../tests/support/death-street';

let a: AssistanceHarness;
const at = (iso: string) => a.at(iso);
const call: AssistanceHarness['call'] = (p, input) => a.call(p, input);
const db = () => a.db();

beforeEach(async () => {
  a = await makeAssistanceHarness();
  await deathStreetDay(a);
});
afterEach(() => a.close());

const confirmMonth = (month: string) => confirmDeathMonth(a, month);
const frozen = () => frozenRows(a);
const rowsFor = (programme: (typeof DEATH_PROGRAMMES)[number], month: string, enrolmentId: string) => batchRowsFor(a, programme, month, enrolmentId);
const street = () => deathStreet(a);
const ended = async (name: string) => (await call('assistance.entitlementsEnded', {})).find((e) => e.name === name)!;

describe('更正死亡日期: what the death stopped follows the corrected date', () => {
  test('a later date: the months now before the death are no longer recovered; a 扣回 already confirmed is paid back; nothing confirmed changes', async () => {
    const s = await street();
    await at('2026-05-20T02:00:00Z');
    await call('registry.recordDeath', { personId: s.jinEr.id, diedOn: '2026-04-10', note: '公安户籍注销' });
    expect((await ended('金二')).recoverTotalFen).toBe(114500);
    // June is confirmed with the 扣回 of May in it.
    await at('2026-06-15T02:00:00Z');
    await confirmMonth('2026-06');
    const confirmed = frozen();
    expect((await ended('金二')).recoverTotalFen).toBe(0);

    await call('registry.correctDeath', { personId: s.jinEr.id, diedOn: '2026-05-12', reason: '死亡医学证明记载为5月12日' });

    // Paid through May now: the subsidy and the 低保's second person stop from June.
    expect(await call('assistance.getEnrolment', { id: s.erSubsidy.id })).toMatchObject({ status: 'exited', endMonth: '2026-06' });
    expect(await call('assistance.getEnrolment', { id: s.jinDibao.id })).toMatchObject({ status: 'active', coveredPersons: 1 });
    const er = await ended('金二');
    expect(er).toMatchObject({
      diedOn: '2026-05-12',
      source: '公安户籍注销',
      correction: { from: '2026-04-10', reason: '死亡医学证明记载为5月12日', by: 'admin' },
      enrolments: [
        { enrolmentId: s.jinDibao.id, change: 'covered-reduced', stopMonth: '2026-06' },
        { enrolmentId: s.erSubsidy.id, change: 'exited', stopMonth: '2026-06' },
      ],
      recoveries: [],
      recoverTotalFen: 0,
    });
    // The May 扣回 confirmed in June is paid back by July's batch; June stays unpaid; confirmed rows unchanged.
    expect(await rowsFor('disability-living-subsidy', '2026-07', s.erSubsidy.id)).toEqual([['supplement', '2026-05', 10000]]);
    expect(await rowsFor('dibao', '2026-07', s.jinDibao.id)).toEqual([
      ['regular', '2026-07', 104500],
      ['supplement', '2026-05', 104500],
    ]);
    expect(frozen()).toEqual(confirmed);

    // The correction is a record of its own naming the death it corrects.
    const audits = db()
      .prepare(`SELECT id, action, detail FROM audit_events WHERE entity = 'persons' AND entity_id = ? AND action LIKE 'registry.%Death' ORDER BY at, id`)
      .all(s.jinEr.id) as { id: string; action: string; detail: string }[];
    expect(audits.map((x) => x.action)).toEqual(['registry.recordDeath', 'registry.correctDeath']);
    expect(JSON.parse(audits[1]!.detail)).toMatchObject({ from: '2026-04-10', diedOn: '2026-05-12', corrects: audits[0]!.id });
  });

  test('an earlier date: more months listed for 扣回, the programme ends earlier, the care agreement and card end on the new date', async () => {
    const s = await street();
    await at('2026-05-20T02:00:00Z');
    await call('registry.recordDeath', { personId: s.yanId, diedOn: '2026-04-28', note: '殡葬火化记录' });
    expect((await ended('严老')).recoveries.map((r) => r.month)).toEqual(['2026-05']);
    const confirmed = frozen();

    await call('registry.correctDeath', { personId: s.yanId, diedOn: '2026-03-20', reason: '火化证明日期核实为3月20日' });

    expect(await call('assistance.getEnrolment', { id: s.tekun.id })).toMatchObject({ status: 'exited', endMonth: '2026-04' });
    expect(await ended('严老')).toMatchObject({
      diedOn: '2026-03-20',
      correction: { from: '2026-04-28' },
      enrolments: [{ enrolmentId: s.tekun.id, change: 'exited', stopMonth: '2026-04' }],
      recoveries: [
        { month: '2026-04', paidFen: 187000, dueFen: 0, recoverFen: 187000 },
        { month: '2026-05', paidFen: 187000, dueFen: 0, recoverFen: 187000 },
      ],
      recoverTotalFen: 374000,
      agreements: [{ id: s.agreement.id, endedOn: '2026-03-20' }],
      cards: [{ id: s.card.id, endedOn: '2026-03-20' }],
    });
    expect(await rowsFor('tekun-home', '2026-06', s.tekun.id)).toEqual([
      ['recovery', '2026-04', -187000],
      ['recovery', '2026-05', -187000],
    ]);
    expect(frozen()).toEqual(confirmed);
  });

  test('refused in Chinese naming the field, nothing written: no death recorded, the same date, a date in the future', async () => {
    const s = await street();
    await at('2026-05-20T02:00:00Z');
    const changes = () => (db().prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    const before = changes();
    expect(await a.raw('registry.correctDeath', { personId: s.yanId, diedOn: '2026-04-28', reason: '核实' })).toMatchObject({
      ok: false,
      error: { code: 'prerequisite-missing', field: 'personId', message: expect.stringContaining('尚未登记死亡') },
    });
    expect(changes()).toBe(before);
    await call('registry.recordDeath', { personId: s.yanId, diedOn: '2026-04-28' });
    const recorded = changes();
    expect(await a.raw('registry.correctDeath', { personId: s.yanId, diedOn: '2026-04-28', reason: '核实' })).toMatchObject({
      ok: false,
      error: { code: 'nothing-to-do', field: 'diedOn' },
    });
    expect(await a.raw('registry.correctDeath', { personId: s.yanId, diedOn: '2026-05-21', reason: '核实' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'diedOn', message: expect.stringContaining('死亡日期不能晚于今天') },
    });
    expect(await a.raw('registry.recordDeath', { personId: s.yanId, diedOn: '2026-04-27' })).toMatchObject({
      ok: false,
      error: { code: 'duplicate', message: expect.stringContaining('更正死亡日期') },
    });
    expect(changes()).toBe(recorded);
  });
});
