/**
 * Property: over 36 months of random enrolments, income reports, standard changes (some entered late,
 * effective in the past), suspensions of exits, manual exits and members' deaths (some recorded late),
 * with each month's payment batch confirmed on its day or left for the next batch (and no batch when
 * nobody is payable): every month's 低保 amount equals what an independent model of the plan's rules
 * gives for it (shared pure rules, the event history, no DB reads); a month's amount seen when that
 * month closed never changes afterwards unless a change reaching back into it was entered later; every
 * confirmed batch stays byte-identical; and after one more batch, for every month, with or without a
 * batch of its own, what the batches paid for it (regular rows plus 补发/扣回) is what the rules give
 * for it (more only while a 扣回 waits for a payment to take it from). Each run works inside one
 * transaction that is rolled back, on the real SQLite file of one backend. Runs: PAYMENT_PROPERTY_RUNS
 * (1,000 by default).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeIdNumber } from '../../../../shared/id-number';
import { addMonths, assessMonthlyIncome, decideIncomeRise, dibaoMonthlyAmount, firstDayOf, monthOf, type ScheduleEntry } from '../../../../shared/policy';
import { exitAllowed } from '../../../../shared/policy/exit-rule';
import { addDays } from '../../../../shared/time/calendar-days';
import { ADMIN, makeHarness, type Harness } from '../../testing/harness';
import { DISTRICT_APPROVAL, INVESTIGATOR } from '../../testing/enrolment';
import type { Actor } from '../../store/store';
import { DISTRICT_PARTITION, setParam } from '../policy/params';
import { advanceEnrolment, applyEnrolment, investigateEnrolment } from './enrolments';
import { recordIncomeRise } from './income-rise';
import { recordDeath } from '../registry/deaths';
import { paymentList } from './payments';
import { confirmBatch, frozenRows, generateBatch, rowsDigest } from './batches';

const RUNS = Number(process.env.PAYMENT_PROPERTY_RUNS ?? 1000);
const FIRST = '2026-01';
const MONTHS = 36;
const REWARD = 30000;

let h: Harness;
let now = new Date('2025-12-20T02:00:00Z');
let admin: Actor;
let caseworker: Actor;
/** Three households: members and the head's monthly transfer income. */
let households: { id: string; headId: string; otherIds: string[]; size: number; transferFen: number }[] = [];

beforeAll(async () => {
  h = await makeHarness({ now: () => now });
  await h.call('policy.setParam', { key: 'dibao.employmentReward', value: REWARD, effectiveFrom: '2020-06-12', retroactiveReason: '测试：补录就业奖励' });
  await h.call('users.create', { ...INVESTIGATOR, role: 'caseworker' });
  const communityId = (await h.call('org.listCommunities', {}))[0]!.id;
  const shapes = [
    { size: 1, transferFen: 0 },
    { size: 2, transferFen: 30000 },
    { size: 3, transferFen: 60000 },
  ];
  let seq = 1;
  for (const s of shapes) {
    const members = Array.from({ length: s.size }, (_, i) => ({
      name: ['周', '吴', '郑'][i]! + '立' + '一二三'[s.size - 1]!,
      relation: i === 0 ? ('02' as const) : ('20' as const),
      idNumber: makeIdNumber('120110', i === 0 ? '19750101' : '20100101', seq++ * 2 + 1),
      incomes: i === 0 && s.transferFen > 0 ? [{ kind: 'transfer' as const, monthlyFen: s.transferFen }] : [],
    }));
    const hh = await h.call('registry.createHousehold', { household: { communityId, address: `詹滨西里${seq}号`, hukouType: 'urban' }, members });
    households.push({
      id: hh.id,
      headId: hh.members.find((m) => m.relation === '02')!.id,
      otherIds: hh.members.filter((m) => m.relation !== '02').map((m) => m.id),
      size: s.size,
      transferFen: s.transferFen,
    });
  }
  const users = h.backend.store.prepare('SELECT id, username FROM users').all() as { id: string; username: string }[];
  const actorOf = (u: string): Actor => ({ userId: users.find((x) => x.username === u)!.id, username: u, streetCode: '120110001000' });
  admin = actorOf(ADMIN.username);
  caseworker = actorOf(INVESTIGATOR.username);
});
afterAll(() => h?.close());

type Event =
  | { kind: 'enrol'; hh: number }
  | { kind: 'report'; hh: number; wageFen: number; fromJob: boolean; selfReported: boolean; answers: boolean }
  | { kind: 'standard'; valueFen: number; offsetDays: number }
  | { kind: 'suspend'; on: boolean; offsetDays: number }
  | { kind: 'exit'; hh: number; answers: boolean }
  | { kind: 'death'; hh: number; offsetDays: number };

const eventArb: fc.Arbitrary<Event> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('enrol' as const), hh: fc.nat(2) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('report' as const), hh: fc.nat(2), wageFen: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600000 })), fromJob: fc.boolean(), selfReported: fc.boolean(), answers: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('standard' as const), valueFen: fc.integer({ min: 95000, max: 130000 }), offsetDays: fc.integer({ min: -90, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('suspend' as const), on: fc.boolean(), offsetDays: fc.integer({ min: -40, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('exit' as const), hh: fc.nat(2), answers: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('death' as const), hh: fc.nat(2), offsetDays: fc.integer({ min: -70, max: 0 }) }) },
);
/** Per month: the day things happen on, 0–2 events, and whether its batch is left unconfirmed (the next batch settles it). */
const scenarioArb = fc.array(
  fc.record({ day: fc.integer({ min: 1, max: 28 }), events: fc.array(eventArb, { maxLength: 2 }), skip: fc.nat(4).map((n) => n === 0) }),
  { minLength: MONTHS, maxLength: MONTHS },
);

/** The model: dated parameter versions and, per household, its enrolment as the rules describe it. */
interface Decision { start: string; kind: string; perCapitaFen?: number; amountFen?: number; schedule?: ScheduleEntry[]; exitMonth?: string; answers: boolean }
interface ModelEnrolment {
  id: string;
  startMonth: string;
  perCapitaFen: number;
  covered: number;
  /** A member gone: one person fewer from `fromMonth`. */
  coveredChanges: { fromMonth: string }[];
  endMonth: string | null;
  decisions: Decision[];
  status: 'active' | 'gradual-exit' | 'exited';
}
class Model {
  standards: { from: string; value: number; seq: number }[] = [{ from: '2025-09-01', value: 104500, seq: 0 }];
  suspension: { from: string; value: boolean; seq: number }[] = [];
  enrolments = new Map<number, ModelEnrolment>();
  employed = new Map<number, boolean>();
  /** Members who died, per household (never the head). */
  dead = new Map<number, number>();
  wage = new Map<number, number>();
  private seq = 1;
  private on<T>(list: { from: string; value: T; seq: number }[], date: string, dflt: T): T {
    const hits = list.filter((v) => v.from <= date).sort((a, b) => (a.from === b.from ? a.seq - b.seq : a.from < b.from ? -1 : 1));
    return hits.length ? hits.at(-1)!.value : dflt;
  }
  standardOn(date: string) { return this.on(this.standards, date, 0); }
  suspendedOn(date: string) { return this.on(this.suspension, date, false); }
  addStandard(from: string, value: number) { this.standards.push({ from, value, seq: this.seq++ }); }
  addSuspension(from: string, value: boolean) { this.suspension.push({ from, value, seq: this.seq++ }); }
  perCapita(hh: number, day: string): number {
    const x = households[hh]!;
    const members = Array.from({ length: x.size - (this.dead.get(hh) ?? 0) }, (_, i) =>
      i === 0 ? { incomes: [...(x.transferFen ? [{ kind: 'transfer' as const, monthlyFen: x.transferFen }] : []), ...(this.wage.has(hh) ? [{ kind: 'wage' as const, monthlyFen: this.wage.get(hh)! }] : [])], employed: this.employed.get(hh) ?? false } : { incomes: [] },
    );
    void day;
    return assessMonthlyIncome(members, { employmentRewardFen: REWARD, workCostDeductionFen: 0, epidemicRulesInForce: false }).perCapitaFen;
  }
  coveredIn(e: ModelEnrolment, month: string): number {
    return e.covered + e.coveredChanges.filter((c) => c.fromMonth > month).length;
  }
  /** The amount the rules give for a month (null: not paid). */
  amount(hh: number, month: string): number | null {
    const e = this.enrolments.get(hh);
    if (!e || month < e.startMonth) return null;
    const basis = e.decisions.filter((d) => d.kind !== 'continue-exit' && d.start <= month).at(-1);
    const ended = e.endMonth !== null && month >= e.endMonth;
    const held = ended && e.status === 'gradual-exit' && !exitAllowed(this.suspendedOn(firstDayOf(e.endMonth!)), { incomeClearlyRisen: e.decisions.filter((d) => d.kind === 'gradual-exit').at(-1)!.answers, basicLivingSecure: e.decisions.filter((d) => d.kind === 'gradual-exit').at(-1)!.answers });
    if (ended && !held) return null;
    if (basis?.kind === 'gradual-exit') return (basis.schedule!.find((s) => s.month === month) ?? basis.schedule!.at(-1)!).amountFen;
    if (basis?.kind === 'suspended') return basis.amountFen!;
    const pc = basis?.kind === 'stay' ? basis.perCapitaFen! : e.perCapitaFen;
    return dibaoMonthlyAmount({ standardFen: this.standardOn(firstDayOf(month)), perCapitaIncomeFen: pc, coveredPersons: this.coveredIn(e, month) });
  }
}

const TERMS = { fullMonths: 3, fullPercent: 100, reducedMonths: 3, reducedPercent: 50 };

function listed(month: string): Map<string, number> {
  return new Map(paymentList(h.backend.store, admin.streetCode, 'dibao', month).rows.map((r) => [r.householdId, r.amountFen]));
}

test(`低保 amounts by month follow the rules in force on their day, and a closed month never changes (${RUNS} runs × ${MONTHS} months)`, () => {
  const store = h.backend.store;
  fc.assert(
    fc.property(scenarioArb, (scenario) => {
      const model = new Model();
      /** Each confirmed batch's digest and stored rows when it was confirmed. */
      const frozen = new Map<string, { digest: string; rows: string }>();
      /** Each month's amounts as seen when it closed, and whether a later change reached back into it. */
      const closed = new Map<string, Map<string, number>>();
      const reachedBack = new Set<string>();
      // The run is rolled back; so is the clock's state (else its counter grows run after run at the same instants).
      const clockBefore = store.clock.current();
      store.sqlite.exec('BEGIN');
      try {
        scenario.forEach(({ day, events, skip }, i) => {
          const month = addMonths(FIRST, i);
          const today = `${month}-${String(day).padStart(2, '0')}`;
          now = new Date(`${today}T02:00:00Z`);
          for (const ev of events) apply(model, ev, month, today, (m) => reachedBack.add(m));
          if (i > 0) closed.set(addMonths(month, -1), listed(addMonths(month, -1)));
          if (!skip || frozen.size === 0) confirmMonth(month, frozen);
        });
        // One more month settles every confirmed month with its 补发 / 扣回.
        now = new Date(`${addMonths(FIRST, MONTHS)}-05T02:00:00Z`);
        confirmMonth(addMonths(FIRST, MONTHS), frozen);
        for (const [id, snap] of frozen) {
          expect(store.prepare('SELECT digest FROM payment_batches WHERE id = ?').get(id), 'digest kept').toEqual({ digest: snap.digest });
          expect(rowsDigest(frozenRows(store, id)), 'rows as confirmed').toBe(snap.digest);
          expect(JSON.stringify(store.prepare('SELECT * FROM payment_batch_rows WHERE batch_id = ? ORDER BY seq').all(id))).toBe(snap.rows);
        }
        const paid = store.prepare(
          `SELECT r.household_id AS householdId, r.for_month AS month, SUM(r.amount_fen) AS fen FROM payment_batch_rows r
             JOIN payment_batches b ON b.id = r.batch_id WHERE b.status IN ('confirmed', 'paid') GROUP BY r.household_id, r.for_month`,
        ).all() as { householdId: string; month: string; fen: number }[];
        const paidOf = (hid: string, m: string) => paid.find((p) => p.householdId === hid && p.month === m)?.fen ?? 0;
        // A 扣回 takes at most what the month pays (the rest follows in later batches): what is still
        // overpaid after the last batch is only what its payment could not cover.
        const last = [...frozen.keys()].at(-1);
        const lastNet = (hid: string) =>
          (store.prepare('SELECT COALESCE(SUM(amount_fen), 0) AS n FROM payment_batch_rows WHERE batch_id = ? AND household_id = ?').get(last ?? '', hid) as { n: number }).n;
        households.forEach((x, hh) => {
          let over = 0;
          for (let i = 0; i < MONTHS; i++) over += paidOf(x.id, addMonths(FIRST, i)) - (model.amount(hh, addMonths(FIRST, i)) ?? 0);
          if (over > 0) expect(lastNet(x.id), `household ${hh}: still overpaid ${over}, so the last batch recovers all it can`).toBe(0);
        });
        for (let i = 0; i < MONTHS; i++) {
          const month = addMonths(FIRST, i);
          const got = listed(month);
          households.forEach((x, hh) => {
            expect(got.get(x.id) ?? null, `${month} household ${hh}`).toBe(model.amount(hh, month));
            // Never underpaid; overpaid only while a 扣回 waits for a month that pays enough.
            expect(paidOf(x.id, month), `${month} household ${hh}: paid plus adjustments`).toBeGreaterThanOrEqual(model.amount(hh, month) ?? 0);
            if (closed.has(month) && !reachedBack.has(month)) expect(got.get(x.id), `${month} closed`).toBe(closed.get(month)!.get(x.id));
          });
        }
      } finally {
        store.sqlite.exec('ROLLBACK');
        store.clock.reset(clockBefore);
      }
    }),
    { numRuns: RUNS },
  );
}, 1_800_000);

/** Generates the month's batch and confirms it (as a 街道负责人 would on the day), remembering what it froze. */
function confirmMonth(month: string, frozen: Map<string, { digest: string; rows: string }>): void {
  const store = h.backend.store;
  const b = generateBatch(store, admin, 'dibao', month);
  if (b.rowCount === 0) return;
  confirmBatch(store, admin, 'supervisor', b.id);
  const { digest } = store.prepare('SELECT digest FROM payment_batches WHERE id = ?').get(b.id) as { digest: string };
  frozen.set(b.id, { digest, rows: JSON.stringify(store.prepare('SELECT * FROM payment_batch_rows WHERE batch_id = ? ORDER BY seq').all(b.id)) });
}

function apply(model: Model, ev: Event, month: string, today: string, reachBack: (m: string) => void): void {
  const store = h.backend.store;
  const x = households[ev.kind === 'standard' || ev.kind === 'suspend' ? 0 : ev.hh]!;
  void x;
  const e = ev.kind === 'standard' || ev.kind === 'suspend' ? undefined : model.enrolments.get(ev.hh);
  switch (ev.kind) {
    case 'enrol': {
      if (e) return;
      const pc = model.perCapita(ev.hh, today);
      if (pc > model.standardOn(today)) return; // above the line: the approval would need an override
      const id = applyEnrolment(store, admin, { programme: 'dibao', householdId: x.id });
      investigateEnrolment(store, caseworker, { id, workingAwayPersonIds: [] });
      advanceEnrolment(store, admin, { id, step: 'street-review' }, 'street-admin');
      advanceEnrolment(store, admin, { id, step: 'publish', publicFrom: addDays(today, -10), publicTo: addDays(today, -3) }, 'street-admin');
      advanceEnrolment(store, admin, { id, step: 'approve', ...DISTRICT_APPROVAL, districtApprovedOn: today }, 'street-admin');
      const alive = x.size - (model.dead.get(ev.hh) ?? 0);
      model.enrolments.set(ev.hh, { id, startMonth: addMonths(month, 1), perCapitaFen: pc, covered: alive, coveredChanges: [], endMonth: null, decisions: [], status: 'active' });
      return;
    }
    case 'report': {
      if (!e || e.status === 'exited' || month < e.startMonth || model.amount(ev.hh, month) === null) return;
      recordIncomeRise(store, admin, {
        id: e.id, reportMonth: month, reportedOn: today, riseFromEmployment: ev.fromJob, selfReported: ev.selfReported,
        incomeClearlyRisen: ev.answers, basicLivingSecure: ev.answers, members: [{ personId: x.headId, wageFen: ev.wageFen, workingAwayOrReturned: false }],
      });
      const changed = ev.wageFen !== (model.wage.get(ev.hh) ?? -1);
      if (changed) {
        model.wage.set(ev.hh, ev.wageFen);
        if (ev.fromJob && ev.wageFen > 0) model.employed.set(ev.hh, true);
      }
      const under = e.status === 'gradual-exit' ? e.decisions.filter((d) => d.kind === 'gradual-exit').at(-1)! : null;
      const d = decideIncomeRise({
        reportMonth: month, previousMonthlyAmountFen: model.amount(ev.hh, month)!, perCapitaIncomeFen: model.perCapita(ev.hh, today),
        standardFen: model.standardOn(today), coveredPersons: e.covered, riseFromEmployment: ev.fromJob, selfReported: ev.selfReported,
        exitsSuspended: model.suspendedOn(today), incomeClearlyRisen: ev.answers, basicLivingSecure: ev.answers, terms: TERMS,
        inExit: under ? { schedule: under.schedule!, exitMonth: under.exitMonth! } : null,
      });
      const start = addMonths(month, 1);
      if (d.kind === 'stay') e.decisions.push({ start, kind: 'stay', perCapitaFen: model.perCapita(ev.hh, today), answers: ev.answers });
      if (d.kind === 'suspended') e.decisions.push({ start, kind: 'suspended', amountFen: d.monthlyAmountFen, answers: ev.answers });
      if (d.kind === 'continue-exit') e.decisions.push({ start, kind: 'continue-exit', answers: ev.answers });
      if (d.kind === 'gradual-exit') {
        e.decisions.push({ start, kind: 'gradual-exit', schedule: d.schedule, exitMonth: d.exitMonth, answers: ev.answers });
        Object.assign(e, { status: 'gradual-exit', endMonth: d.exitMonth });
      }
      if (d.kind === 'exit') Object.assign(e, { status: 'exited', endMonth: d.exitMonth });
      if (d.kind === 'stay' && e.status === 'gradual-exit') Object.assign(e, { status: 'active', endMonth: null });
      return;
    }
    case 'standard': {
      const from = addDays(today, ev.offsetDays);
      setParam(store, admin, { key: 'dibao.standard', value: ev.valueFen, effectiveFrom: from, note: '调标', partition: DISTRICT_PARTITION, retroactiveReason: from < today ? '补录' : null });
      model.addStandard(from, ev.valueFen);
      // Months already closed whose 1st is on or after the new version's day may change.
      for (let m = monthOf(from); m < month; m = addMonths(m, 1)) reachBack(m);
      return;
    }
    case 'suspend': {
      const from = addDays(today, ev.offsetDays);
      setParam(store, admin, { key: 'epidemic.exitsSuspended', value: ev.on, effectiveFrom: from, note: '测试', partition: DISTRICT_PARTITION, retroactiveReason: from < today ? '补录' : null });
      model.addSuspension(from, ev.on);
      for (let m = monthOf(from); m < month; m = addMonths(m, 1)) reachBack(m); // a held exit's end may move
      return;
    }
    case 'death': {
      const gone = model.dead.get(ev.hh) ?? 0;
      const who = x.otherIds[gone];
      if (!who) return; // only the head left: not generated (the head's death is a 复核 case, listed elsewhere)
      const diedOn = addDays(today, ev.offsetDays);
      recordDeath(store, admin, { personId: who, diedOn });
      const aliveBefore = x.size - gone;
      model.dead.set(ev.hh, gone + 1);
      // The household's 低保 counts one person fewer from the month after the death, when every living member was covered.
      if (e && e.status !== 'exited' && (e.endMonth === null || e.endMonth > month) && aliveBefore > 1 && e.covered >= aliveBefore) {
        e.coveredChanges.push({ fromMonth: addMonths(monthOf(diedOn), 1) });
        e.covered -= 1;
        for (let m = addMonths(monthOf(diedOn), 1); m < month; m = addMonths(m, 1)) reachBack(m);
      }
      return;
    }
    case 'exit': {
      if (!e || e.status === 'exited') return;
      const allowed = exitAllowed(model.suspendedOn(today), { incomeClearlyRisen: ev.answers, basicLivingSecure: ev.answers });
      let refused = false;
      try {
        advanceEnrolment(store, admin, { id: e.id, step: 'exit', incomeClearlyRisen: ev.answers, basicLivingSecure: ev.answers }, 'street-admin');
      } catch {
        refused = true;
      }
      expect(refused, 'exit refused exactly when the suspension rule says so').toBe(!allowed);
      if (!allowed) return;
      const asked = addMonths(month, 1);
      const held = e.endMonth !== null && model.amount(ev.hh, e.endMonth) !== null && e.endMonth < asked;
      Object.assign(e, { status: 'exited', endMonth: e.endMonth === null || e.endMonth >= asked || held ? asked : e.endMonth });
      return;
    }
  }
}
