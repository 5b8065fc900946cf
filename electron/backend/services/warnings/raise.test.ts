/**
 * Raising 预警 on a real SQLite file (issue 17): warnings go in open through the write path (synced,
 * id from warningIdOf); raising again raises nothing; a disposed warning stays disposed when the
 * same data come again; a new dated rule value gives the warnings after it its version; the death
 * rule reads the real batches; the income rule reads the registry's incomes and runs after an edit.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { makeIdNumber } from '../../../../shared/id-number';
import { warningIdOf } from '../../../../shared/warnings/ids';
import type { DepartmentFacts, DepartmentSource } from '../../../../shared/warnings/types';
import { ADMIN, makeHarness, TEST_STREET, type Harness } from '../../testing/harness';
import { systemActor } from '../setup/street';
import { raiseIncomeWarnings, raiseWarningsFor } from './raise';

let h: Harness;
let now: Date;
let token: string;
let communityId: string;
let seq = 300;

const store = () => h.backend.store;
const actor = () => systemActor(TEST_STREET.code);
const call: Harness['call'] = (p, input) => h.call(p, input, token);
const warningsOf = (personId: string) =>
  store().prepare('SELECT * FROM warnings WHERE person_id = ? ORDER BY dedupe_key').all(personId) as Record<string, unknown>[];
const changes = () => (store().prepare("SELECT count(*) AS n FROM change_log WHERE table_name = 'warnings'").get() as { n: number }).n;

async function at(iso: string) {
  now = new Date(iso);
  token = (await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
}

beforeEach(async () => {
  now = new Date('2026-03-15T02:00:00Z');
  h = await makeHarness({ now: () => now });
  await at('2026-03-15T02:00:00Z');
  communityId = (await call('org.listCommunities', {}))[0]!.id;
});
afterEach(() => h.close());

async function person(opts: { wage?: number; members?: number } = {}) {
  const hh = await call('registry.createHousehold', {
    household: { communityId, address: `丽新里${seq}号`, hukouType: 'urban' },
    members: Array.from({ length: opts.members ?? 1 }, (_, i) => ({
      name: `测试${seq}${i}`,
      relation: (i === 0 ? '02' : '10') as '02',
      idNumber: makeIdNumber('120110', '19700101', seq++ * 2 + 1),
      employment: 'unemployed' as const,
      incomes: opts.wage ? [{ kind: 'transfer' as const, monthlyFen: opts.wage, note: null }] : [],
    })),
  });
  return { householdId: hh.id, personId: hh.members[0]!.id, memberIds: hh.members.map((m) => m.id) };
}

function record(p: { personId: string; householdId: string }, source: DepartmentSource, startOn: string, facts: DepartmentFacts, importId = 'import-1') {
  return store().insert(
    'department_records',
    { streetCode: TEST_STREET.code, importId, source, personId: p.personId, householdId: p.householdId, idNumber: '-', startOn, endOn: null, facts },
    actor(),
    null,
  );
}

function enrol(p: { householdId: string }, programme: string, personId: string | null, status = 'active') {
  return store().insert(
    'enrolments',
    { streetCode: TEST_STREET.code, programme, householdId: p.householdId, personId, status, coveredPersons: 1, startMonth: '2026-04', source: 'import', importConfirmedAt: now.toISOString() },
    actor(),
    null,
  );
}

describe('raiseWarningsFor', () => {
  test('raises open, synced warnings with their trigger and due date; raising again raises nothing', async () => {
    const p = await person();
    record(p, 'medical', '2026-02-01', { totalFen: 900000, selfPaidFen: 500000 });
    const before = changes();
    expect(raiseWarningsFor(store(), [p.personId])).toEqual({ raised: 1 });
    const [w] = warningsOf(p.personId);
    expect(w).toMatchObject({
      id: warningIdOf(TEST_STREET.code, `medical-month/${p.personId}/2026-02`),
      rule: 'medical-month',
      rule_version: '2023-01-01',
      status: 'open',
      household_id: p.householdId,
      // Sunday 15 March 2026: ten working days are 16–20 and 23–27 March.
      due_date: '2026-03-27',
    });
    expect(JSON.parse(w!.trigger as string).summary).toBe('2026年2月医疗自付 5,000.00 元，达到 5,000.00 元');
    expect(changes()).toBe(before + 1);
    expect(raiseWarningsFor(store(), [p.personId])).toEqual({ raised: 0 });
    expect(changes()).toBe(before + 1);
    expect(warningsOf(p.personId)).toHaveLength(1);
  });

  test('set-based: the queries are as many for 30 persons as for 2 (none per person)', async () => {
    const few = await person({ members: 2 });
    const many = [await person({ members: 10 }), await person({ members: 10 }), await person({ members: 10 })];
    const people = [few, ...many].flatMap((hh) => hh.memberIds.map((personId) => ({ personId, householdId: hh.householdId })));
    for (const p of people) {
      record(p, 'medical', '2026-01-01', { totalFen: 100000, selfPaidFen: 50000 });
      record(p, 'disability', '2026-02-01', { type: 'physical', grade: 3, change: 'new' });
      record(p, 'death', '2026-02-10', { reportedBy: null });
    }
    const queries = (ids: string[]) => {
      const spy = vi.spyOn(store(), 'prepare');
      try {
        expect(raiseWarningsFor(store(), ids).raised).toBe(0);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    expect(queries(people.slice(2).map((p) => p.personId))).toBe(queries(few.memberIds));
  });

  test('one fen below raises nothing; a person without records or unknown raises nothing', async () => {
    const p = await person();
    const q = await person();
    record(p, 'medical', '2026-02-01', { totalFen: 900000, selfPaidFen: 499999 });
    expect(raiseWarningsFor(store(), [p.personId, q.personId, 'no-such-person'])).toEqual({ raised: 0 });
  });

  test('a disposed warning is not reopened when the same data come again in another file', async () => {
    const p = await person();
    record(p, 'disability', '2026-03-01', { type: 'mental', grade: 3, change: 'new' });
    expect(raiseWarningsFor(store(), [p.personId]).raised).toBe(1);
    const [w] = warningsOf(p.personId);
    store().update('warnings', w!.id as string, { status: 'disposed', disposition: 'verified-no-need', dispositionReason: '已入户核实', disposedAt: now.toISOString() }, actor(), null);
    record(p, 'disability', '2026-03-01', { type: 'mental', grade: 3, change: 'new' }, 'import-2');
    expect(raiseWarningsFor(store(), [p.personId]).raised).toBe(0);
    expect(warningsOf(p.personId)).toMatchObject([{ status: 'disposed', disposition: 'verified-no-need' }]);
  });

  test('a severe certificate that changes (new date, or new grade still severe) raises once per certificate, never twice for the same one', async () => {
    const p = await person();
    record(p, 'disability', '2026-03-01', { type: 'physical', grade: 2, change: 'new' });
    expect(raiseWarningsFor(store(), [p.personId]).raised).toBe(1);
    // The same certificate again, marked 变更 in the next file: nothing.
    record(p, 'disability', '2026-03-01', { type: 'physical', grade: 2, change: 'changed' }, 'import-2');
    expect(raiseWarningsFor(store(), [p.personId]).raised).toBe(0);
    // Regraded on the same day (二级 → 一级), and re-issued later: each a new certificate, raised once.
    record(p, 'disability', '2026-03-01', { type: 'physical', grade: 1, change: 'changed' }, 'import-3');
    record(p, 'disability', '2026-09-01', { type: 'physical', grade: 1, change: 'changed' }, 'import-3');
    expect(raiseWarningsFor(store(), [p.personId]).raised).toBe(2);
    expect(raiseWarningsFor(store(), [p.personId]).raised).toBe(0);
    expect(warningsOf(p.personId).map((w) => w.dedupe_key)).toEqual([
      `disability-severe/${p.personId}/2026-03-01/physical-1`,
      `disability-severe/${p.personId}/2026-03-01/physical-2`,
      `disability-severe/${p.personId}/2026-09-01/physical-1`,
    ]);
  });

  test('a warning raised under a date-only key (before the grade was part of it) is not raised again', async () => {
    const p = await person();
    record(p, 'disability', '2026-03-01', { type: 'mental', grade: 3, change: 'new' });
    expect(raiseWarningsFor(store(), [p.personId]).raised).toBe(1);
    const [w] = warningsOf(p.personId);
    store().prepare('UPDATE warnings SET dedupe_key = ? WHERE id = ?').run(`disability-severe/${p.personId}/2026-03-01`, w!.id);
    record(p, 'disability', '2026-03-01', { type: 'mental', grade: 3, change: 'changed' }, 'import-2');
    expect(raiseWarningsFor(store(), [p.personId]).raised).toBe(0);
  });

  test('a new dated value of a rule: data from its date are judged by it and carry its version', async () => {
    await at('2026-12-15T02:00:00Z');
    await call('policy.setParam', { key: 'warnings.medical-month', value: { thresholdFen: 100000, dueWorkingDays: 3 }, effectiveFrom: '2026-12-01', retroactiveReason: '区民政局调整' });
    const p = await person();
    record(p, 'medical', '2026-11-01', { totalFen: 300000, selfPaidFen: 150000 });
    record(p, 'medical', '2026-12-01', { totalFen: 300000, selfPaidFen: 150000 });
    expect(raiseWarningsFor(store(), [p.personId]).raised).toBe(1);
    expect(warningsOf(p.personId)).toMatchObject([{ dedupe_key: `medical-month/${p.personId}/2026-12`, rule_version: '2026-12-01', due_date: '2026-12-18' }]);
  });

  test('unemployment of a 低保边缘 member raises; of another household does not', async () => {
    const edge = await person({ members: 2 });
    enrol(edge, 'dibao-edge', null);
    const other = await person();
    record({ personId: edge.memberIds[1]!, householdId: edge.householdId }, 'unemployment', '2026-03-02', { reason: '企业裁员' });
    record(other, 'unemployment', '2026-03-02', { reason: null });
    expect(raiseWarningsFor(store(), [edge.memberIds[1]!, other.personId]).raised).toBe(1);
    expect(warningsOf(edge.memberIds[1]!)).toMatchObject([{ rule: 'unemployment-marginal', person_id: edge.memberIds[1] }]);
  });

  test('death-paid reads the real batches: paid after the death raises; once the death is recorded here and stopped, nothing', async () => {
    await call('policy.setParam', { key: 'disability.livingSubsidy', value: 10000, effectiveFrom: '2016-01-01', retroactiveReason: '测试' });
    const p = await person();
    const q = await person();
    enrol(p, 'disability-living-subsidy', p.personId);
    enrol(q, 'disability-living-subsidy', q.personId);
    await at('2026-05-15T02:00:00Z');
    for (const month of ['2026-04', '2026-05']) {
      const b = await call('batches.generate', { programme: 'disability-living-subsidy', month });
      await call('batches.confirm', { id: b.id });
    }
    record(p, 'death', '2026-04-10', { reportedBy: '公安' });
    await call('registry.recordDeath', { personId: q.personId, diedOn: '2026-04-10', note: '殡葬火化记录' });
    record(q, 'death', '2026-04-10', { reportedBy: '殡葬' });
    expect(raiseWarningsFor(store(), [p.personId, q.personId]).raised).toBe(1);
    const [w] = warningsOf(p.personId);
    expect(JSON.parse(w!.trigger as string).summary).toBe(
      '2026-04-10 死亡（部门数据），仍在保：困难残疾人生活补贴；已发放至2026年5月；本系统尚未登记死亡，应自2026年5月起停发',
    );
    expect(warningsOf(q.personId)).toEqual([]);
  });
});

describe('raiseIncomeWarnings', () => {
  test('an enrolled 低保 household above the standard raises once; an edit of the income raises for the new figure', async () => {
    const p = await person({ wage: 104501 });
    const under = await person({ wage: 104500 });
    const exiting = await person({ wage: 200000 });
    enrol(p, 'dibao', null);
    enrol(under, 'dibao', null);
    enrol(exiting, 'dibao', null, 'gradual-exit');
    expect(raiseIncomeWarnings(store())).toEqual({ raised: 1 });
    expect(warningsOf(p.personId)).toMatchObject([{ rule: 'income-over-line', status: 'open' }]);
    expect(raiseIncomeWarnings(store())).toEqual({ raised: 0 });
    // registry.updatePerson runs the rule for the household.
    await call('registry.updatePerson', { id: p.personId, patch: { incomes: [{ kind: 'transfer', monthlyFen: 120000, note: null }] } });
    expect(warningsOf(p.personId).map((w) => JSON.parse(w.trigger as string).values.perCapitaFen)).toEqual([104501, 120000]);
  });
});
