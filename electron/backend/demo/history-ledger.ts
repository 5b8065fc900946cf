/**
 * Ledger items of the demo year in every state: solved long ago and looked back on (回头看),
 * closed, referred to a department (answered, or still waiting), being handled, being verified,
 * waiting to be verified (overdue), closed as 不属实 or as 重复, 一级 items handled within the day
 * over the year, and 一级 items registered in the last 24 hours whose deadlines still run (and a
 * few overdue). How many scales with the street (LEDGER_ITEMS_PER_HOUSEHOLD_YEAR), so a big street's
 * ledger tables are as full as its visits and payments.
 */
import { addDays } from '../../../shared/time/calendar-days';
import type { LedgerCategory, LedgerSource } from '../../../shared/ledger/codes';
import { shanghaiAt, takeHouseholds, type HistoryPlan, type LoadedHousehold } from './history';
import type { Rng } from './random';
import { DEFAULT_DEMO_HOUSEHOLDS } from './generate';

const PROBLEMS: Record<LedgerCategory, string[]> = {
  living: ['冬季取暖费无力缴纳', '家中断粮，需临时生活帮扶', '燃气欠费停气，做饭困难'],
  medical: ['慢性病长期服药负担重', '住院押金无力支付', '门诊特病待遇尚未办理'],
  housing: ['房屋漏雨，墙体受潮', '租住房屋到期，暂无住处', '楼道杂物堆放，存在消防隐患'],
  education: ['子女学费缴纳困难', '孩子辍学在家，需劝返', '学生上学交通困难'],
  employment: ['失业后未登记求职', '希望推荐公益性岗位', '零工收入不稳定'],
  care: ['老人独居，出院后无人照料', '失能老人照料人外出务工', '行动不便，需助餐服务'],
  other: ['证件遗失，补办困难', '反映邻里纠纷影响生活', '咨询救助政策'],
};
const CATEGORIES = Object.keys(PROBLEMS) as LedgerCategory[];
const SOURCES: LedgerSource[] = ['grid-report', 'hotline', 'visit', 'department', 'grid-report', 'visit'];

type Fate = 'reviewed' | 'closed' | 'referred-closed' | 'referred-open' | 'handling' | 'verifying' | 'pending' | 'unfounded';

export interface ItemRef {
  id: string;
}

/** Registers an item now (the step's instant) and returns it; its 经办人 one of the street's caseworkers. */
export function registerItem(
  plan: HistoryPlan,
  h: LoadedHousehold,
  p: { source: LedgerSource; category: LedgerCategory; urgency: '1' | '2'; description: string },
): ItemRef {
  const handlerName = plan.handlers[h.members.length % plan.handlers.length]!;
  const out = plan.desk.call(plan.staff.caseworker, 'ledger.create', { householdId: h.id, handlerName, ...p });
  return { id: out.id };
}

/** Takes an item on from 待核查 to its fate, each step `gap` days after the last. */
export function playFate(plan: HistoryPlan, item: () => ItemRef, from: string, fate: Fate, rng: Rng): void {
  const { desk, staff } = plan;
  let day = from;
  // Steps that would fall on or after the load's day are left for the office: the item waits there.
  let stopped = false;
  const next = (days: number, step: () => void) => {
    day = addDays(day, days);
    if (stopped || day >= plan.today) {
      stopped = true;
      return;
    }
    plan.at(shanghaiAt(day, `${String(rng.int(9, 16)).padStart(2, '0')}:${String(rng.int(0, 5))}5`), step);
  };
  const move = (action: string, extra: Record<string, unknown> = {}, who = staff.caseworker) =>
    desk.call(who, 'ledger.transition', { id: item().id, action: action as never, ...extra });
  if (fate === 'pending') return;
  next(1, () => move('start-verify'));
  if (fate === 'verifying') return;
  if (fate === 'unfounded') {
    next(2, () => move('close-unfounded', { reason: '入户核实，反映情况与实际不符' }, staff.supervisor));
    return;
  }
  next(2, () => move('confirm', { note: '入户核实，情况属实' }));
  if (fate === 'handling') return;
  if (fate === 'referred-open' || fate === 'referred-closed') {
    const department = rng.pick(['hrss', 'health', 'medical-insurance', 'housing', 'disabled-federation'] as const);
    // The refer step's answer names the referral: no extra read before its receipt and reply.
    let referralId = '';
    next(1, () => {
      referralId = move('refer', { department, sentOn: day, note: '转相关部门办理' }).referrals[0]!.id;
    });
    if (fate === 'referred-open') return;
    next(2, () => desk.call(staff.caseworker, 'ledger.referralReceipt', { referralId, receivedOn: day }));
    next(5, () => desk.call(staff.caseworker, 'ledger.referralReply', { referralId, repliedOn: day, reply: '已按政策办理' }));
  }
  next(3, () => move('close', { measures: '协调落实帮扶措施', result: '问题已解决，群众满意' }, staff.supervisor));
  if (fate === 'closed' || fate === 'referred-closed') return;
  next(30, () => move('review', { reviewResult: 'resolved', note: '回头看：帮扶到位' }, staff.supervisor));
}

function fateFor(age: number, rng: Rng): Fate {
  if (age > 75) return rng.pick<Fate>(['reviewed', 'reviewed', 'closed', 'referred-closed', 'unfounded']);
  if (age > 25) return rng.pick<Fate>(['closed', 'closed', 'referred-closed', 'referred-open', 'handling', 'unfounded']);
  if (age > 8) return rng.pick<Fate>(['handling', 'referred-open', 'verifying', 'closed']);
  return rng.pick<Fate>(['pending', 'verifying', 'handling', 'pending']);
}

/**
 * Problems registered per household per year. The work plan (东丽 2020-13) puts every household
 * under monthly screening (weekly for 一老一小, daily for special groups) and every problem found
 * on the ledger; in a few per cent of households a year that finds something. 2.8 % keeps the
 * 2,000-household demo street at the 56 items its screens were made with, and gives a
 * 40,000-household street about 1,100.
 */
export const LEDGER_ITEMS_PER_HOUSEHOLD_YEAR = 0.028;
/** Of the year's items, the share registered 一级 (24 hours) and handled within the day. */
const URGENT_SHARE = 0.05;

/** How many of each kind of item a street of `households` gets over its year. */
export function ledgerYearCounts(households: number): { year: number; fresh: number; urgentPast: number; repeats: number; urgentOpen: number; urgentLate: number } {
  const year = Math.round(households * LEDGER_ITEMS_PER_HOUSEHOLD_YEAR);
  // The demo street's one of each, as many more as the street is bigger.
  const per = Math.max(1, Math.round(households / DEFAULT_DEMO_HOUSEHOLDS));
  return { year, fresh: Math.round(year / 7), urgentPast: Math.round(year * URGENT_SHARE), repeats: per, urgentOpen: per, urgentLate: per };
}

export function playLedger(plan: HistoryPlan, rng: Rng): void {
  const counts = ledgerYearCounts(plan.households.length);
  const need = counts.year + counts.urgentPast + counts.repeats + 2 * counts.urgentOpen + counts.urgentLate;
  const households = takeHouseholds(plan, rng, need, () => true);
  let i = 0;
  const take = () => households[i++ % households.length]!;
  const problem = () => {
    const category = rng.pick(CATEGORIES);
    return { category, description: rng.pick(PROBLEMS[category]) };
  };

  // The year's items: registered on a working-day hour, taken on as far as their age allows.
  for (let n = 0; n < counts.year; n++) {
    const h = take();
    const age = n < counts.fresh ? rng.int(2, 8) : rng.int(9, 330);
    const day = addDays(plan.today, -age);
    const fate = fateFor(age, rng);
    const p = { source: rng.pick(SOURCES), urgency: '2' as const, ...problem() };
    let ref: ItemRef | null = null;
    plan.at(shanghaiAt(day, `${String(rng.int(8, 15)).padStart(2, '0')}:20`), () => {
      ref = registerItem(plan, h, p);
    });
    playFate(plan, () => ref!, day, fate, rng);
  }
  for (let n = 0; n < counts.urgentPast; n++) playUrgentDay(plan, take(), rng.int(3, 330), rng);
  for (let n = 0; n < counts.repeats; n++) playRepeat(plan, take(), rng.int(60, 200), rng);
  playUrgentOpen(plan, take, counts, rng);
}

const HOUR = 3_600_000;

/** A 一级 problem (断粮, 住院押金…) verified and closed within the day; looked back on a month later. */
function playUrgentDay(plan: HistoryPlan, h: LoadedHousehold, age: number, rng: Rng): void {
  const { desk, staff } = plan;
  const day = addDays(plan.today, -age);
  const t0 = shanghaiAt(day, `0${rng.int(8, 9)}:${rng.int(10, 50)}`).getTime();
  const category = rng.pick<LedgerCategory>(['living', 'medical', 'care']);
  let ref: ItemRef | null = null;
  const move = (action: string, extra: Record<string, unknown> = {}, who = staff.caseworker) =>
    desk.call(who, 'ledger.transition', { id: ref!.id, action: action as never, ...extra });
  plan.at(new Date(t0), () => {
    ref = registerItem(plan, h, { source: rng.pick(['hotline', 'grid-report', 'visit'] as const), category, urgency: '1', description: PROBLEMS[category][0]! });
  });
  plan.at(new Date(t0 + HOUR), () => move('start-verify'));
  plan.at(new Date(t0 + 2 * HOUR), () => move('confirm', { note: '立即入户核实，情况属实' }));
  plan.at(new Date(t0 + 6 * HOUR), () => move('close', { measures: '急难型临时救助当日发放', result: '当日解决' }, staff.supervisor));
  if (age > 35) plan.at(shanghaiAt(addDays(day, 30), '10:30'), () => move('review', { reviewResult: 'resolved', note: '回头看：生活已有保障' }, staff.supervisor));
}

/** A problem reported twice (网格 and 热线), the second closed as 重复登记 of the first. */
function playRepeat(plan: HistoryPlan, twice: LoadedHousehold, age: number, rng: Rng): void {
  const day = addDays(plan.today, -age);
  let first: ItemRef | null = null;
  plan.at(shanghaiAt(day, '09:10'), () => {
    first = registerItem(plan, twice, { source: 'grid-report', category: 'housing', urgency: '2', description: '房屋漏雨，墙体受潮' });
  });
  plan.at(shanghaiAt(addDays(day, 1), '10:40'), () => {
    const again = registerItem(plan, twice, { source: 'hotline', category: 'housing', urgency: '2', description: '热线反映：房屋漏雨' });
    plan.desk.call(plan.staff.supervisor, 'ledger.transition', { id: again.id, action: 'close-duplicate', duplicateOfId: first!.id, note: '与网格上报重复' });
  });
  playFate(plan, () => first!, day, 'closed', rng);
}

/**
 * 一级 (24 hours) items still open on the load's day: in each pair, one registered in the last
 * hours not yet taken on, one some hours ago being verified (their clocks running); and some
 * registered two or three days ago, still being verified (overdue).
 */
function playUrgentOpen(plan: HistoryPlan, take: () => LoadedHousehold, counts: { urgentOpen: number; urgentLate: number }, rng: Rng): void {
  const minutesAgo = (m: number) => new Date(plan.now.getTime() - m * 60_000);
  for (let n = 0; n < counts.urgentOpen; n++) {
    for (const [ago, start] of [[rng.int(60, 200), false], [rng.int(300, 1000), true]] as const) {
      const hh = take();
      let ref: ItemRef | null = null;
      plan.at(minutesAgo(ago), () => {
        ref = registerItem(plan, hh, { source: 'hotline', category: 'living', urgency: '1', description: '家中断粮，需临时生活帮扶' });
      });
      if (start) plan.at(minutesAgo(ago - 60), () => plan.desk.call(plan.staff.caseworker, 'ledger.transition', { id: ref!.id, action: 'start-verify' }));
    }
  }
  for (let n = 0; n < counts.urgentLate; n++) {
    const late = take();
    let lateRef: ItemRef | null = null;
    const lateDay = addDays(plan.today, -rng.int(2, 3));
    plan.at(shanghaiAt(lateDay, '08:40'), () => {
      lateRef = registerItem(plan, late, { source: 'grid-report', category: 'medical', urgency: '1', description: '住院押金无力支付' });
    });
    plan.at(shanghaiAt(lateDay, '10:05'), () => plan.desk.call(plan.staff.caseworker, 'ledger.transition', { id: lateRef!.id, action: 'start-verify' }));
  }
}
