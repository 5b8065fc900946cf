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

/** A member's countable wage: wage items less the deductions that apply, never below zero. */
export function countableWageFen(member: IncomeMember, params: IncomeParams): number {
  let wage = 0;
  for (const item of member.incomes) if (item.kind === 'wage') wage += item.monthlyFen;
  if (member.employed) wage -= params.employmentRewardFen;
  if (params.epidemicRulesInForce && member.workingAwayOrReturned) wage -= params.workCostDeductionFen;
  return Math.max(0, wage);
}

/** Total countable monthly income and per-capita income (rounded down to the fen). */
export function assessMonthlyIncome(members: readonly IncomeMember[], params: IncomeParams): IncomeAssessment {
  let totalFen = 0;
  for (const m of members) {
    totalFen += countableWageFen(m, params);
    for (const item of m.incomes) {
      if (item.kind !== 'wage' && item.kind !== 'excluded') totalFen += item.monthlyFen;
    }
  }
  const perCapitaFen = members.length === 0 ? 0 : Math.floor(totalFen / members.length);
  return { totalFen, perCapitaFen };
}

/** Monthly 低保 amount: (standard − per-capita income) × covered persons, never below zero. */
export function dibaoMonthlyAmount(input: { standardFen: number; perCapitaIncomeFen: number; coveredPersons: number }): number {
  return Math.max(0, (input.standardFen - input.perCapitaIncomeFen) * input.coveredPersons);
}
