/**
 * 撤销死亡登记: a death recorded on the wrong person is withdrawn by a supervisor. The person lives again
 * in the app; what the death stopped runs again from the month it stopped: the programmes, the 低保's
 * covered person, the care agreement and card; a 扣回 already confirmed is paid back by 补发 rows, row
 * for row; confirmed batch rows never change. The withdrawal names the 登记死亡 it withdraws.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeAssistanceHarness, type AssistanceHarness } from '../../../tests/support/assistance-harness';
import { batchRowsFor, confirmDeathMonth, deathStreet, deathStreetDay, frozenRows } from '../../../tests/support/death-street';

let a: AssistanceHarness;
const at = (iso: string) => a.at(iso);
const call: AssistanceHarness['call'] = (p, input) => a.call(p, input);
const db = () => a.db();
const changes = () => (db().prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;

beforeEach(async () => {
  a = await makeAssistanceHarness();
  await deathStreetDay(a);
});
afterEach(async () => {
  await a.close();
});

const listedDead = async () => (await call('assistance.entitlementsEnded', {})).map((e) => e.name);

describe('撤销死亡登记: a death recorded on the wrong person', () => {
  test('withdrawn: the person lives, programmes and the covered person run again, the confirmed 扣回 is paid back row for row', async () => {
    const s = await street();
    await at('2026-05-20T02:00:00Z');
    await call('registry.recordDeath', { personId: s.jinEr.id, diedOn: '2026-04-10', note: '据部门数据' });
    await at('2026-06-15T02:00:00Z');
    await confirmDeathMonth(a, '2026-06');
    const confirmed = frozenRows(a);

    const person = await call('registry.withdrawDeath', { personId: s.jinEr.id, reason: '同名误登记，身份证号不符' });

    expect(person.diedOn).toBeNull();
    expect(await listedDead()).not.toContain('金二');
    expect(await call('assistance.getEnrolment', { id: s.erSubsidy.id })).toMatchObject({ status: 'active', endMonth: null });
    expect(await call('assistance.getEnrolment', { id: s.jinDibao.id })).toMatchObject({ status: 'active', coveredPersons: 2 });
    // July pays July, and pays back what was recovered (May) and not paid (June): recorded amounts, row for row.
    expect(await batchRowsFor(a, 'disability-living-subsidy', '2026-07', s.erSubsidy.id)).toEqual([
      ['regular', '2026-07', 10000],
      ['supplement', '2026-05', 10000],
      ['supplement', '2026-06', 10000],
    ]);
    expect(await batchRowsFor(a, 'dibao', '2026-07', s.jinDibao.id)).toEqual([
      ['regular', '2026-07', 209000],
      ['supplement', '2026-05', 104500],
      ['supplement', '2026-06', 104500],
    ]);
    expect(frozenRows(a)).toEqual(confirmed);

    // The death's steps are kept (deleted), each replaced by a step naming it.
    const steps = db()
      .prepare(`SELECT id, step, detail, deleted_at FROM enrolment_steps WHERE enrolment_id IN (?, ?) AND step IN ('exit', 'member-change', 'resume') ORDER BY at, id`)
      .all(s.erSubsidy.id, s.jinDibao.id) as { id: string; step: string; detail: string; deleted_at: string | null }[];
    const old = steps.filter((x) => x.deleted_at !== null);
    expect(old.map((x) => x.step).toSorted()).toEqual(['exit', 'member-change']);
    const replacing = steps.filter((x) => x.deleted_at === null).map((x) => ({ step: x.step, ...JSON.parse(x.detail) }));
    expect(replacing.map((x) => [x.step, x.path]).toSorted()).toEqual([['member-change', 'death-withdrawn'], ['resume', 'death-withdrawn']]);
    expect(replacing.map((x) => x.corrects).toSorted()).toEqual(old.map((x) => x.id).toSorted());

    // The withdrawal names the 登记死亡, its date and the reason.
    const audits = db()
      .prepare(`SELECT id, action, detail FROM audit_events WHERE entity = 'persons' AND entity_id = ? AND action LIKE 'registry.%Death' ORDER BY at, id`)
      .all(s.jinEr.id) as { id: string; action: string; detail: string }[];
    expect(audits.map((x) => x.action)).toEqual(['registry.recordDeath', 'registry.withdrawDeath']);
    expect(JSON.parse(audits[1]!.detail)).toMatchObject({ from: '2026-04-10', reason: '同名误登记，身份证号不符', corrects: audits[0]!.id });

    // A second withdrawal is refused; the death can be recorded again (the right date, later), and withdrawn again.
    expect(await a.raw('registry.withdrawDeath', { personId: s.jinEr.id, reason: '再次撤销' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-transition', field: 'personId', message: expect.stringContaining('未登记死亡') },
    });
  });

  test('a lone 特困 person: the programme, the care agreement and the card are restored, no 扣回 left listed', async () => {
    const s = await street();
    await at('2026-05-20T02:00:00Z');
    await call('registry.recordDeath', { personId: s.yanId, diedOn: '2026-04-28' });
    expect(await listedDead()).toContain('严老');
    await call('registry.withdrawDeath', { personId: s.yanId, reason: '误将同名人员登记死亡' });

    expect(await listedDead()).not.toContain('严老');
    expect(await call('assistance.getEnrolment', { id: s.tekun.id })).toMatchObject({ status: 'active', endMonth: null });
    // The May 扣回 was never confirmed: the next batch no longer lists it, May stays paid.
    expect(await batchRowsFor(a, 'tekun-home', '2026-06', s.tekun.id)).toEqual([['regular', '2026-06', 187000]]);
    const agreement = db().prepare('SELECT status, terminated_date, termination_code FROM care_agreements WHERE id = ?').get(s.agreement.id);
    expect(agreement).toEqual({ status: 'signed', terminated_date: null, termination_code: null });
    const card = db().prepare('SELECT status, ended_date, end_code FROM care_cards WHERE id = ?').get(s.card.id);
    expect(card).toEqual({ status: 'active', ended_date: null, end_code: null });
  });

  test('at one frozen instant, each withdrawal and correction names the 登记死亡 just before it, not a coin toss', async () => {
    const s = await street();
    await at('2026-05-20T02:00:00Z'); // the clock stands still from here: every event below has the same `at`
    const deathEvents = (action: string) =>
      (db().prepare(`SELECT id, detail FROM audit_events WHERE entity_id = ? AND action = ?`).all(s.yanId, action) as { id: string; detail: string }[]);
    const named = new Map<string, string>();
    for (let i = 0; i < 6; i++) {
      const seen = new Set(deathEvents('registry.recordDeath').map((x) => x.id));
      await call('registry.recordDeath', { personId: s.yanId, diedOn: '2026-04-28' });
      const recorded = deathEvents('registry.recordDeath').find((x) => !seen.has(x.id))!.id;
      const before = new Set(deathEvents('registry.withdrawDeath').map((x) => x.id));
      await call('registry.withdrawDeath', { personId: s.yanId, reason: `误登记第${i + 1}次` });
      const withdrawal = deathEvents('registry.withdrawDeath').find((x) => !before.has(x.id))!;
      named.set(recorded, JSON.parse(withdrawal.detail).corrects);
    }
    expect([...named.values()]).toEqual([...named.keys()]);
    const seen = new Set(deathEvents('registry.recordDeath').map((x) => x.id));
    await call('registry.recordDeath', { personId: s.yanId, diedOn: '2026-04-28' });
    const last = deathEvents('registry.recordDeath').find((x) => !seen.has(x.id))!.id;
    await call('registry.correctDeath', { personId: s.yanId, diedOn: '2026-04-27', reason: '殡葬记录日期' });
    expect(JSON.parse(deathEvents('registry.correctDeath')[0]!.detail).corrects).toBe(last);
  });

  test('a death recorded before the prior state was kept: a 渐退 programme reopens in its gradual exit, read from its steps', async () => {
    await call('policy.setParam', { key: 'dibao.employmentReward', value: 30000, effectiveFrom: '2020-06-12', retroactiveReason: '测试：补录就业奖励' });
    const hh = await a.household([{ name: '渐退', relation: '02' }]);
    const personId = hh.members[0]!.id;
    const e = await a.enrol({ programme: 'dibao', householdId: hh.id }, '2026-04');
    await at('2026-05-10T02:00:00Z');
    const rise = { id: e.id, reportMonth: '2026-05', riseFromEmployment: true, selfReported: true, incomeClearlyRisen: false, basicLivingSecure: false };
    await call('assistance.recordIncomeRise', { ...rise, members: [{ personId, wageFen: 400000, workingAwayOrReturned: false }] });
    const inExit = await call('assistance.getEnrolment', { id: e.id });
    expect(inExit).toMatchObject({ status: 'gradual-exit', endMonth: expect.stringMatching(/^2026-/) });
    await at('2026-05-25T02:00:00Z');
    await call('registry.recordDeath', { personId, diedOn: '2026-05-20' });
    expect(await call('assistance.getEnrolment', { id: e.id })).toMatchObject({ status: 'exited' });
    // As an earlier version wrote the death's exit step: without the state it ended.
    db().prepare(`UPDATE enrolment_steps SET detail = json_remove(detail, '$.priorStatus', '$.priorEndMonth') WHERE enrolment_id = ? AND step = 'exit'`).run(e.id);
    await call('registry.withdrawDeath', { personId, reason: '同名误登记' });
    expect(await call('assistance.getEnrolment', { id: e.id })).toMatchObject({ status: 'gradual-exit', endMonth: inExit.endMonth });
  });

  test('refused in Chinese naming the field, nothing written: no death recorded, no reason, a caseworker', async () => {
    const s = await street();
    await at('2026-05-20T02:00:00Z');
    const before = changes();
    expect(await a.raw('registry.withdrawDeath', { personId: s.yanId, reason: '误登记' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-transition', field: 'personId', message: expect.stringContaining('未登记死亡') },
    });
    expect(changes()).toBe(before);
    await call('registry.recordDeath', { personId: s.yanId, diedOn: '2026-04-28' });
    expect(await a.raw('registry.withdrawDeath', { personId: s.yanId, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'reason' } });
    await call('users.create', { username: 'jbr', displayName: '经办员', role: 'caseworker', password: 'case-pass-1' });
    const caseworker = (await a.h.call('auth.login', { username: 'jbr', password: 'case-pass-1' }, null)).token;
    const afterUser = changes();
    expect(await a.h.raw('registry.withdrawDeath', { personId: s.yanId, reason: '误登记' }, caseworker)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(changes()).toBe(afterUser);
    expect(db().prepare('SELECT died_on FROM persons WHERE id = ?').get(s.yanId)).toEqual({ died_on: '2026-04-28' });
  });
});

const street = () => deathStreet(a);
