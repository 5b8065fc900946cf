/**
 * Assistance in the demo year: a few dozen households apply for 低保 (or 低保边缘) and go through
 * 申请 → 入户调查 → 街道审核 → 公示 → 区级审批 (some still on the way, one whose income is above the
 * line not approved); each month's payment batch is generated and confirmed; one household reports
 * a rise of its wages and goes into 渐退; 临时救助 is received, decided and paid, one urgent case
 * within the last 24 hours, one 先行救助 whose papers are still owed. Households the generator
 * tagged with a programme are left to the loader's own enrolments.
 */
import { AppError } from '../../../shared/errors';
import { addMonths, monthOf } from '../../../shared/policy/months';
import { addDays } from '../../../shared/time/calendar-days';
import type { Programme } from '../../../shared/assistance/codes';
import { bankAccount } from './places';
import { paramOn } from '../services/policy/params';
import { headOf, PROGRAMME_TAGS, shanghaiAt, takeHouseholds, type HistoryPlan, type LoadedHousehold } from './history';
import type { Rng } from './random';

export interface EnrolmentRef {
  id: string | null;
  approvedMonth: string | null;
}

/**
 * Schedules an application from `applyDay` and its steps a few days apart; steps that would fall on
 * or after the load's day are left for the office to take (the enrolment waits at that step).
 */
export function enrolThroughSteps(
  plan: HistoryPlan,
  h: LoadedHousehold,
  programme: Programme,
  applyDay: string,
  rng: Rng,
  docNo: number,
): EnrolmentRef {
  const { desk, staff } = plan;
  const ref: EnrolmentRef = { id: null, approvedMonth: null };
  const step = (days: number, time: string, run: () => void) => {
    const day = addDays(applyDay, days);
    if (day < plan.today) plan.at(shanghaiAt(day, time), run);
  };
  const bank = bankAccount(rng);
  step(0, '09:30', () => {
    if (!h.hasBank) {
      desk.call(staff.caseworker, 'registry.updateHousehold', { id: h.id, patch: { ...bank, accountHolder: headOf(h).name } });
    }
    ref.id = desk.call(staff.caseworker, 'assistance.apply', { programme, householdId: h.id, note: '本人申请，提交家庭经济状况核对授权书' }).id;
  });
  step(3, '14:00', () => desk.call(staff.caseworker, 'assistance.investigate', { id: ref.id!, note: '入户调查，核实家庭收入和财产' }));
  step(6, '10:00', () => desk.call(staff.supervisor, 'assistance.advance', { id: ref.id!, step: 'street-review', note: '同意，报区民政局' }));
  const from = addDays(applyDay, 7);
  step(7, '09:00', () => desk.call(staff.caseworker, 'assistance.advance', { id: ref.id!, step: 'publish', publicFrom: from, publicTo: addDays(from, 6) }));
  step(15, '15:30', () => {
    const approvedOn = addDays(applyDay, 14);
    const month = monthOf(addDays(applyDay, 15));
    try {
      desk.call(staff.supervisor, 'assistance.advance', {
        id: ref.id!,
        step: 'approve',
        month,
        note: '区民政局批准',
        districtDocNo: `东民救批〔${approvedOn.slice(0, 4)}〕${docNo}号`,
        districtApprovedOn: approvedOn,
      });
      ref.approvedMonth = month;
    } catch (err) {
      // Above the programme's line: not approved, as the district would decide.
      if (!(err instanceof AppError) || err.field !== 'overrideReason') throw err;
      desk.call(staff.supervisor, 'assistance.advance', { id: ref.id!, step: 'reject', note: '家庭人均收入高于保障标准，不予批准' });
    }
  });
  return ref;
}

/** Generates and confirms a programme's batch for each month from `first` to last month. */
function monthlyBatches(plan: HistoryPlan, programme: Programme, first: string): void {
  const last = addMonths(monthOf(plan.today), -1);
  for (let m = first; m <= last; m = addMonths(m, 1)) {
    const month = m;
    const day = `${month}-25`;
    plan.at(shanghaiAt(day, '10:00'), () => {
      // No batch for a month nobody is paid in.
      if (plan.desk.call(plan.staff.caseworker, 'assistance.paymentList', { programme, month }).rows.length === 0) return;
      const b = plan.desk.call(plan.staff.caseworker, 'batches.generate', { programme, month });
      if (b.rows.length > 0) plan.desk.call(plan.staff.supervisor, 'batches.confirm', { id: b.id });
    });
  }
}

const TEMPORARY = [
  { type: 'expenditure', reason: '患病住院，自付医疗费用负担过重', amountFen: 300000 },
  { type: 'expenditure', reason: '子女上学，学杂费支出较大', amountFen: 150000 },
  { type: 'urgent', reason: '房屋失火，生活用品损毁', amountFen: 400000 },
  { type: 'expenditure', reason: '家庭成员意外受伤，康复费用支出大', amountFen: 200000 },
] as const;

function playTemporary(plan: HistoryPlan, rng: Rng): void {
  const { desk, staff } = plan;
  const households = takeHouseholds(plan, rng, TEMPORARY.length + 3, (h) => h.members.length <= 4);
  // Decided and paid over the year; the last one refused.
  TEMPORARY.forEach((t, i) => {
    const h = households[i]!;
    const day = addDays(plan.today, -rng.int(40, 320));
    let id = '';
    plan.at(shanghaiAt(day, '10:20'), () => {
      id = desk.call(staff.caseworker, 'assistance.receiveTemporary', { householdId: h.id, personId: headOf(h).id, ...t }).id;
    });
    if (i === TEMPORARY.length - 1) {
      plan.at(shanghaiAt(addDays(day, 2), '16:00'), () =>
        desk.call(staff.supervisor, 'assistance.decideTemporary', { id, action: 'reject', note: '经核实，已由保险理赔，不予救助' }),
      );
      return;
    }
    plan.at(shanghaiAt(addDays(day, 2), '16:00'), () => desk.call(staff.supervisor, 'assistance.decideTemporary', { id, action: 'approve', note: '同意救助' }));
    plan.at(shanghaiAt(addDays(day, 4), '11:00'), () => desk.call(staff.supervisor, 'assistance.decideTemporary', { id, action: 'pay' }));
  });
  // 先行救助 two days ago: approved and paid at once, papers still owed.
  const advance = households[TEMPORARY.length]!;
  const advanceDay = addDays(plan.today, -2);
  let advanceId = '';
  plan.at(shanghaiAt(advanceDay, '09:15'), () => {
    advanceId = desk.call(staff.caseworker, 'assistance.receiveTemporary', {
      householdId: advance.id,
      personId: headOf(advance).id,
      type: 'urgent',
      reason: '突发重病住院，无力支付押金',
      amountFen: 500000,
    }).id;
  });
  plan.at(shanghaiAt(advanceDay, '11:30'), () =>
    desk.call(staff.supervisor, 'assistance.decideTemporary', { id: advanceId, action: 'approve', note: '情况紧急，先行救助', papersOwed: ['income-proof', 'medical-bills'] }),
  );
  plan.at(shanghaiAt(advanceDay, '15:00'), () => desk.call(staff.supervisor, 'assistance.decideTemporary', { id: advanceId, action: 'pay' }));
  // Urgent, received five hours ago: to be decided within 24 hours.
  const urgent = households[TEMPORARY.length + 1]!;
  plan.at(new Date(plan.now.getTime() - 5 * 3_600_000), () =>
    desk.call(staff.caseworker, 'assistance.receiveTemporary', {
      householdId: urgent.id,
      personId: headOf(urgent).id,
      type: 'urgent',
      reason: '家中突遭水灾，基本生活无着',
      amountFen: 300000,
    }),
  );
}

export function playAssistance(plan: HistoryPlan, rng: Rng): void {
  // Who would apply: income per head below the 低保 line of the year's first day (低保), or below
  // the 低保边缘 upper limit (低保边缘). The approval still works it out by the rules; one household
  // above both applies too and is refused.
  const param = (key: string) => Number(paramOn(plan.store, plan.store.getMeta('street_code') ?? '', key, plan.start)?.value ?? 0);
  const line = param('dibao.standard');
  const edgeLine = (line * param('dibao-edge.upperPercent')) / 100;
  const perHead = (h: LoadedHousehold) => h.monthlyIncomeFen / h.members.length;
  const untagged = (h: LoadedHousehold) => !h.categories.some((c) => PROGRAMME_TAGS.includes(c)) && h.members.length <= 4;
  const applicants = [
    ...takeHouseholds(plan, rng, 14, (h) => untagged(h) && perHead(h) < line).map((h) => ({ h, programme: 'dibao' as const })),
    ...takeHouseholds(plan, rng, 22, (h) => untagged(h) && perHead(h) >= line && perHead(h) < edgeLine).map((h) => ({ h, programme: 'dibao-edge' as const })),
    ...takeHouseholds(plan, rng, 1, (h) => untagged(h) && perHead(h) > edgeLine).map((h) => ({ h, programme: 'dibao' as const })),
  ];
  const refs: { ref: EnrolmentRef; h: LoadedHousehold; applyDay: string; programme: Programme }[] = [];
  applicants.forEach(({ h, programme }, i) => {
    // Spread over the year; every sixth still on its way.
    const applyDay = addDays(plan.today, i % 6 !== 5 ? -rng.int(25, 345) : -rng.int(2, 14));
    refs.push({ ref: enrolThroughSteps(plan, h, programme, applyDay, rng, 10 + i), h, applyDay, programme });
  });
  const firstMonth = monthOf(addDays(plan.start, 30));
  monthlyBatches(plan, 'dibao', firstMonth);
  monthlyBatches(plan, 'dibao-edge', firstMonth);

  // The earliest 低保 household in payment reports a job's wages about a hundred days ago: 渐退.
  const reportedOn = addDays(plan.today, -100);
  plan.at(shanghaiAt(reportedOn, '10:45'), () => {
    const earliest = refs
      .filter((r) => r.ref.approvedMonth && r.programme === 'dibao')
      .sort((a, b) => (a.applyDay < b.applyDay ? -1 : 1))[0];
    if (!earliest) return; // a street too small to have one
    plan.desk.call(plan.staff.caseworker, 'assistance.recordIncomeRise', {
      id: earliest.ref.id!,
      reportMonth: monthOf(reportedOn),
      reportedOn,
      riseFromEmployment: true,
      selfReported: true,
      members: [{ personId: headOf(earliest.h).id, wageFen: 450000 }],
      note: '本人主动申报：已在物业公司就业',
    });
  });
  playTemporary(plan, rng);
}
