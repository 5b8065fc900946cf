/**
 * 低保 household income test (work plan 二(二), 二(五); DOMAIN §3): countable monthly income and the
 * monthly 低保 amount (差额发放). Pure; figures come in as parameters, never literals.
 */
import type { IncomeKind } from '../codes';

export interface IncomeItem {
  kind: IncomeKind;
  monthlyFen: number;
}

export interface IncomeMember {
  incomes: IncomeItem[];
  /** In employment: the employment reward (就业奖励) is deducted from the wage. */
  employed?: boolean;
  /** Working away from home or back at work (外出务工、返岗复工): the epidemic work-cost deduction applies. */
  workingAwayOrReturned?: boolean;
}

export interface IncomeParams {
  employmentRewardFen: number;
  workCostDeductionFen: number;
  epidemicRulesInForce: boolean;
}

export interface IncomeAssessment {
  totalFen: number;
  perCapitaFen: number;
}

export type WageDeductionKind = 'employment-reward' | 'work-cost';

/** The deductions from a member's wage that apply (the one place that says which apply). */
export function wageDeductions(member: IncomeMember, params: IncomeParams): { kind: WageDeductionKind; fen: number }[] {
  const out: { kind: WageDeductionKind; fen: number }[] = [];
  if (member.employed) out.push({ kind: 'employment-reward', fen: params.employmentRewardFen });
  if (params.epidemicRulesInForce && member.workingAwayOrReturned) out.push({ kind: 'work-cost', fen: params.workCostDeductionFen });
  return out;
}

export function wageFen(member: IncomeMember): number {
  let wage = 0;
  for (const item of member.incomes) if (item.kind === 'wage') wage += item.monthlyFen;
  return wage;
}

/** A member's countable wage: wage items less the deductions that apply, never below zero. */
export function countableWageFen(member: IncomeMember, params: IncomeParams): number {
  let wage = wageFen(member);
  for (const d of wageDeductions(member, params)) wage -= d.fen;
  return Math.max(0, wage);
}

/** Whether an income item other than a wage counts as it is (wages count after their deductions). */
export function countsAsIs(kind: IncomeKind): boolean {
  return kind !== 'wage' && kind !== 'excluded';
}

/** A member's countable monthly income: the countable wage and the other items that count. */
export function memberCountableFen(member: IncomeMember, params: IncomeParams): number {
  let fen = countableWageFen(member, params);
  for (const item of member.incomes) if (countsAsIs(item.kind)) fen += item.monthlyFen;
  return fen;
}

/** Total countable monthly income and per-capita income (rounded down to the fen). */
export function assessMonthlyIncome(members: readonly IncomeMember[], params: IncomeParams): IncomeAssessment {
  let totalFen = 0;
  for (const m of members) totalFen += memberCountableFen(m, params);
  const perCapitaFen = members.length === 0 ? 0 : Math.floor(totalFen / members.length);
  return { totalFen, perCapitaFen };
}

/** Monthly 低保 amount: (standard − per-capita income) × covered persons, never below zero. */
export function dibaoMonthlyAmount(input: { standardFen: number; perCapitaIncomeFen: number; coveredPersons: number }): number {
  return Math.max(0, (input.standardFen - input.perCapitaIncomeFen) * input.coveredPersons);
}

/**
 * Monthly 低保边缘 aid per household, the one rule (DOMAIN §1.1, §1.3): the fixed amount per household
 * when one is in force (Tianjin since 2019), else a percent of the 低保 standard, part-fen rounded up;
 * null when neither figure is in force. Takes the two dated figures as read on the day (the standard
 * only when the percent applies) and returns the one it rests on, for the record of what was used.
 */
export function edgeAid<F extends { value: unknown }>(input: {
  aidAmount: F | null;
  aidPercent: F | null;
  standardFen: () => number;
}): { fen: number; figure: F } | null {
  const { aidAmount, aidPercent } = input;
  if (aidAmount && typeof aidAmount.value === 'number') return { fen: aidAmount.value, figure: aidAmount };
  if (aidPercent && typeof aidPercent.value === 'number') return { fen: Math.ceil((input.standardFen() * aidPercent.value) / 100), figure: aidPercent };
  return null;
}
