/**
 * Income-rise handling for a 低保 household: the caseworker records the new wages, the app assesses
 * the income on the report day's parameters and applies decideIncomeRise; the decision (and a gradual
 * exit's schedule) is stored as data and sets the amounts from the month after the report (decisions.ts).
 * Nothing here rewrites the enrolment's approved figures: earlier months keep what they were.
 */
import { AppError } from '../../../../shared/errors';
import { assessMonthlyIncome, decideIncomeRise, monthOf } from '../../../../shared/policy';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { IncomeRisePreview } from '../../../../shared/assistance/types';
import { INCOME_RISE_KINDS } from '../../../../shared/assistance/codes';
import { labelOf } from '../../../../shared/codes';
import type { Actor, Store } from '../../store/store';
import { updatePerson } from '../registry/persons';
import { amountFor, payableIn, type EnrolmentDbRow } from './amounts';
import { decisionsOf, exitUnderWay, gradualExitTerms, scheduleOf } from './decisions';
import { recordStep } from './enrolments';
import { dibaoStandard, flag, incomeParams } from './figures';
import { EMPLOYED, householdMembers, toIncomeMember, type MemberRow } from './members';
import { loadEnrolment } from './read';

export interface IncomeRiseInput {
  id: string;
  reportMonth: string;
  reportedOn?: string;
  riseFromEmployment: boolean;
  selfReported: boolean;
  incomeClearlyRisen: boolean;
  basicLivingSecure: boolean;
  members: { personId: string; wageFen?: number | null; workingAwayOrReturned: boolean }[];
  note?: string | null;
}

type IncomeRow = { kind: string; monthlyFen: number; note?: string | null };

/**
 * The members with the wages the user entered. A wage equal to the one on record changes nothing
 * (the form shows the current wage as its starting value); a changed wage keeps the note of the wage
 * it replaces, and marks the member 在职 only when the rise comes from a job and the member was not
 * already counted as working. Nothing else of a member is touched.
 */
export function withNewWages(members: MemberRow[], input: IncomeRiseInput): MemberRow[] {
  return members.map((m) => {
    const w = input.members.find((x) => x.personId === m.id);
    if (w?.wageFen == null) return m;
    const incomes = JSON.parse(m.incomes) as IncomeRow[];
    const wages = incomes.filter((i) => i.kind === 'wage');
    if (wages.length > 0 && wages.reduce((sum, i) => sum + i.monthlyFen, 0) === w.wageFen) return m;
    const note = wages.length === 1 ? (wages[0]!.note ?? null) : null;
    const startsWork = input.riseFromEmployment && w.wageFen > 0 && !EMPLOYED.has(m.employment ?? '');
    return {
      ...m,
      employment: startsWork ? 'employed' : m.employment,
      incomes: JSON.stringify([...incomes.filter((i) => i.kind !== 'wage'), { kind: 'wage', monthlyFen: w.wageFen, note }]),
    };
  });
}

/**
 * The day whose rules apply: the day of the report (a rule in force from the 12th applies to a report
 * of the 20th, never by the month's 1st). Without a date, a report of this month is read on today; a
 * past month needs its date.
 */
function reportDay(store: Store, input: IncomeRiseInput): string {
  const today = shanghaiDate(store.nowDate());
  if (!input.reportedOn) {
    if (monthOf(today) === input.reportMonth) return today;
    throw new AppError('invalid-input', `申报月份 ${input.reportMonth} 不是本月，请填写申报日期（按申报当日有效的政策计算）`, { field: 'reportedOn' });
  }
  if (monthOf(input.reportedOn) !== input.reportMonth) {
    throw new AppError('invalid-input', `申报日期 ${input.reportedOn} 不在申报月份 ${input.reportMonth} 内`, { field: 'reportedOn' });
  }
  if (input.reportedOn > today) throw new AppError('invalid-input', '申报日期不能晚于今天', { field: 'reportedOn' });
  return input.reportedOn;
}

/** The income report's assessment and decision for an enrolment, with the members' new wages (nothing written). */
export function computeIncomeRise(store: Store, e: EnrolmentDbRow, input: IncomeRiseInput) {
  if (e.programme !== 'dibao') throw new AppError('invalid-input', '收入增加渐退只适用于低保', { field: 'id' });
  if (!payableIn(store, e, input.reportMonth) || e.status === 'exited') {
    throw new AppError('not-applicable', `该家庭 ${input.reportMonth} 不在低保发放范围内`, { field: 'reportMonth' });
  }
  // Decisions apply in the order of their months: a report cannot slip in before a recorded one.
  const later = decisionsOf(store, e.id).filter((d) => d.report_month > input.reportMonth).at(-1);
  if (later) {
    throw new AppError('invalid-input', `已记录 ${later.report_month} 的收入变化，不能再登记更早月份（${input.reportMonth}）的申报`, { field: 'reportMonth' });
  }
  const members = householdMembers(store, e.household_id);
  for (const m of input.members) {
    if (!members.some((x) => x.id === m.personId)) throw new AppError('invalid-input', '所填成员不是本家庭成员', { field: 'members' });
  }
  const updated = withNewWages(members, input);
  const on = reportDay(store, input);
  const away = new Set(input.members.filter((m) => m.workingAwayOrReturned).map((m) => m.personId));
  const incomeMembers = updated.map((m) => toIncomeMember(m, away));
  const params = incomeParams(store, e.street_code, on, incomeMembers);
  const assessment = assessMonthlyIncome(incomeMembers, params);
  const standardFen = dibaoStandard(store, e.street_code, on);
  const previousMonthlyAmountFen = amountFor(store, e, input.reportMonth).amountFen;
  const exitsSuspended = flag(store, e.street_code, 'epidemic.exitsSuspended', on);
  const under = e.status === 'gradual-exit' ? exitUnderWay(store, e.id) : null;
  const inExit = under ? { schedule: scheduleOf(under), exitMonth: under.exit_month! } : null;
  // The terms are asked for only when this report can start a gradual exit.
  const mayStartExit = !inExit && assessment.perCapitaFen > standardFen && input.riseFromEmployment && input.selfReported;
  const decision = decideIncomeRise({
    reportMonth: input.reportMonth,
    previousMonthlyAmountFen,
    perCapitaIncomeFen: assessment.perCapitaFen,
    standardFen,
    coveredPersons: e.covered_persons,
    riseFromEmployment: input.riseFromEmployment,
    selfReported: input.selfReported,
    exitsSuspended,
    incomeClearlyRisen: input.incomeClearlyRisen,
    basicLivingSecure: input.basicLivingSecure,
    inExit,
    ...(mayStartExit ? { terms: gradualExitTerms(store, e.street_code, on) } : {}),
  });
  const preview: IncomeRisePreview = {
    assessment,
    standardFen,
    previousMonthlyAmountFen,
    exitsSuspended,
    epidemicRulesInForce: params.epidemicRulesInForce,
    decision,
  };
  return { preview, updated, members };
}

export function previewIncomeRise(store: Store, actor: Actor, input: IncomeRiseInput): IncomeRisePreview {
  return computeIncomeRise(store, loadEnrolment(store, actor.streetCode, input.id), input).preview;
}

export function recordIncomeRise(store: Store, actor: Actor, input: IncomeRiseInput): void {
  store.tx(() => {
    applyIncomeRise(store, actor, loadEnrolment(store, actor.streetCode, input.id), input, 'income-rise', {});
  });
}

/** The new wages go into the registry through its own service (audited there). */
export function saveNewWages(store: Store, actor: Actor, members: MemberRow[], updated: MemberRow[]): void {
  updated.forEach((m, i) => {
    const before = members[i]!;
    if (m.incomes === before.incomes && m.employment === before.employment) return;
    updatePerson(store, actor, m.id, {
      incomes: JSON.parse(m.incomes) as never,
      ...(m.employment !== before.employment ? { employment: m.employment as never } : {}),
    });
  });
}

/**
 * Records an income report's decision and what follows from it; an income report and a 复审 of a
 * 低保 household both come here (the step says which; a review adds its own detail).
 */
export function applyIncomeRise(
  store: Store,
  actor: Actor,
  e: EnrolmentDbRow,
  input: IncomeRiseInput,
  step: 'income-rise' | 'periodic-review',
  stepDetail: Record<string, unknown>,
): IncomeRisePreview {
  const { preview, updated, members } = computeIncomeRise(store, e, input);
  const d = preview.decision;
  saveNewWages(store, actor, members, updated);
  store.insert(
    'income_rise_decisions',
    {
      streetCode: e.street_code,
      enrolmentId: e.id,
      reportMonth: input.reportMonth,
      input: { ...input, ...preview, decision: undefined },
      kind: d.kind,
      monthlyAmountFen: d.kind === 'stay' || d.kind === 'suspended' ? d.monthlyAmountFen : null,
      schedule: d.kind === 'gradual-exit' ? d.schedule : null,
      exitMonth: d.kind === 'gradual-exit' || d.kind === 'continue-exit' || d.kind === 'exit' ? d.exitMonth : null,
    },
    actor,
    { action: 'assistance.incomeRise', summary: `低保${step === 'periodic-review' ? '复审' : '收入增加'}：${labelOf(INCOME_RISE_KINDS, d.kind)}`, detail: d },
  );
  // The enrolment's state follows; its amounts are the decision's (never written onto the enrolment).
  const patch: Record<string, unknown> | null =
    d.kind === 'gradual-exit'
      ? { status: 'gradual-exit', endMonth: d.exitMonth }
      : d.kind === 'exit'
        ? { status: 'exited', endMonth: d.exitMonth }
        : d.kind === 'stay' && e.status === 'gradual-exit'
          ? { status: 'active', endMonth: null } // back below the line inside the exit: full 低保 again
          : null;
  if (patch) store.update('enrolments', e.id, patch, actor, null);
  recordStep(store, actor, e.id, step, input.note ?? null, { reportMonth: input.reportMonth, kind: d.kind, ...stepDetail });
  return preview;
}
