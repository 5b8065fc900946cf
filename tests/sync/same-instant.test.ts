/**
 * Two rows recorded at one instant on two PCs of a street (a frozen clock): each PC writes its own row
 * first and the other's when it syncs, so the PCs' rowid orders are opposite. Which came last must not
 * depend on that: the state before a death (撤销死亡登记 of a death recorded before it kept the state)
 * and the decision that sets a month's 低保 amount are the same on both PCs, by the rows' creation HLC;
 * and the rows a user reads in order (an enrolment's steps, a ledger item's events) show in one order.
 */
import { expect, test } from 'vitest';
import { makeIdNumber } from '../../shared/id-number';
import { addMonths, monthOf } from '../../shared/policy/months';
import { shanghaiDate } from '../../shared/time/shanghai';
import { basisDecision } from '../../electron/backend/services/assistance/decisions';
import { priorState } from '../../electron/backend/services/assistance/death-withdrawal';
import { enrolmentDetail } from '../../electron/backend/services/assistance/read';
import { itemDetail } from '../../electron/backend/services/ledger/read';
import type { EnrolmentDbRow } from '../../electron/backend/services/assistance/amounts';
import { actorOf, STREET_A, type Replica } from './harness';
import { twoPcsOfStreetA } from './file-server';
import { staffSessions } from './staff';

const pcs = twoPcsOfStreetA('instantA', 'instantB');
const { call, signIn } = staffSessions();
const actor = { ...actorOf(STREET_A), username: 'zgz_admin' };

const rowidOrder = (r: Replica, table: string, ids: string[]) =>
  (r.backend.store.sqlite.prepare(`SELECT id FROM ${table} WHERE id IN (?, ?) ORDER BY rowid`).all(...ids) as { id: string }[]).map((x) => x.id);
const enrolmentOn = (r: Replica, id: string) => r.backend.store.sqlite.prepare('SELECT * FROM enrolments WHERE id = ?').get(id) as EnrolmentDbRow;
/** Lets the real clock move on, so the second PC's stamp is the later one. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

test('steps and decisions at one instant on two PCs: both PCs read the same state before a death and the same basis decision', async () => {
  const { a, b } = pcs;
  await signIn(a, 'zgz_admin', 'secret-pass-1');
  const communityId = (await call(a, 'org.listCommunities', {}))[0]!.id;
  const month = monthOf(shanghaiDate(a.backend.store.nowDate()));
  const hh = await call(a, 'registry.createHousehold', {
    household: { communityId, gridId: null, address: '东丽区同时里1号', hukouType: 'urban' },
    members: [{ name: '同甲', relation: '02', idNumber: makeIdNumber('120110', '19600101', 411), employment: 'unemployed', incomes: [] }],
  });
  const enrolment = a.backend.store.insert('enrolments', {
    streetCode: STREET_A, programme: 'dibao', householdId: hh.id, status: 'active', coveredPersons: 1, perCapitaIncomeFen: 0, startMonth: addMonths(month, -3),
  }, actor, null);
  await a.sync();
  await b.sync();

  // One instant on both PCs (a frozen clock): A suspends, then B resumes, before either syncs.
  const at = a.backend.store.nowIso();
  const step = (r: Replica, kind: 'suspend' | 'resume') =>
    r.backend.store.insert('enrolment_steps', { streetCode: STREET_A, enrolmentId: enrolment, step: kind, at, username: 'zgz_admin', note: null, detail: {} }, actor, null);
  const suspended = step(a, 'suspend');
  await tick();
  const resumed = step(b, 'resume');
  // The same instant for the decisions' created_at: A decides a gradual exit, then B a stay, on one report month.
  const decide = (r: Replica, kind: 'gradual-exit' | 'stay') =>
    r.backend.store.asOf(new Date(at), () =>
      r.backend.store.insert('income_rise_decisions', {
        streetCode: STREET_A, enrolmentId: enrolment, reportMonth: addMonths(month, -1), input: {}, kind,
        monthlyAmountFen: kind === 'stay' ? 50000 : 100000, schedule: null, exitMonth: kind === 'gradual-exit' ? addMonths(month, 6) : null,
      }, actor, null));
  const exiting = decide(a, 'gradual-exit');
  await tick();
  const staying = decide(b, 'stay');
  await a.sync();
  await b.sync();
  await a.sync();

  // The PCs wrote the rows in opposite orders (the old keys, rowid, disagree) ...
  expect(rowidOrder(a, 'enrolment_steps', [suspended, resumed])).toEqual([suspended, resumed]);
  expect(rowidOrder(b, 'enrolment_steps', [suspended, resumed])).toEqual([resumed, suspended]);
  expect(rowidOrder(b, 'income_rise_decisions', [exiting, staying])).toEqual([staying, exiting]);
  for (const r of [a, b]) {
    expect(r.backend.store.sqlite.prepare('SELECT count(DISTINCT created_at) AS n FROM income_rise_decisions WHERE enrolment_id = ?').get(enrolment)).toEqual({ n: 1 });
  }
  // ... and both read B's later rows as the last: the enrolment was running, and the stay sets the amount.
  for (const r of [a, b]) {
    expect.soft(priorState(r.backend.store, enrolmentOn(r, enrolment), {}), r.name).toEqual({ status: 'active', endMonth: null });
    expect.soft(basisDecision(r.backend.store, enrolment, month)?.id, r.name).toBe(staying);
    // the enrolment's steps as its page shows them: in the order they were created
    expect.soft(enrolmentDetail(r.backend.store, STREET_A, enrolment).steps.map((x) => x.id), r.name).toEqual([suspended, resumed]);
  }
});

test("a ledger item's events at one instant on two PCs show in the same order on both", async () => {
  const { a, b } = pcs;
  await signIn(a, 'zgz_admin', 'secret-pass-1');
  const communityId = (await call(a, 'org.listCommunities', {}))[0]!.id;
  const hh = await call(a, 'registry.createHousehold', {
    household: { communityId, gridId: null, address: '东丽区同时里2号', hukouType: 'urban' },
    members: [{ name: '同乙', relation: '02', idNumber: makeIdNumber('120110', '19580202', 412), employment: 'unemployed', incomes: [] }],
  });
  const item = await call(a, 'ledger.create', { source: 'grid-report', householdId: hh.id, category: 'medical', urgency: '2', description: '同时记录的两条进展' });
  await a.sync();
  await b.sync();
  // One instant on both PCs: A notes first, then B, before either syncs.
  const at = a.backend.store.nowIso();
  const note = (r: Replica, text: string) =>
    r.backend.store.insert('ledger_events', { streetCode: STREET_A, itemId: item.id, at, userId: null, username: 'zgz_admin', kind: 'note', fromStatus: null, toStatus: null, note: text }, actor, null);
  const first = note(a, '甲机记录');
  await tick();
  const second = note(b, '乙机记录');
  await a.sync();
  await b.sync();
  await a.sync();

  expect(rowidOrder(b, 'ledger_events', [first, second])).toEqual([second, first]);
  for (const r of [a, b]) {
    const events = itemDetail(r.backend.store, STREET_A, item.id, 'supervisor').events.filter((e) => e.at === at);
    expect.soft(events.map((e) => e.id), r.name).toEqual([first, second]);
  }
});
