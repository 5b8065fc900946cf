/** Policy figures the assistance services read, on a date, from the effective-dated parameters. */
import type { IncomeMember, IncomeParams } from '../../../../shared/policy';
import type { Programme } from '../../../../shared/assistance/codes';
import type { Store } from '../../store/store';
import { paramOn, requireParam } from '../policy/params';

export function dibaoStandard(store: Store, street: string, onDate: string): number {
  return requireParam<number>(store, street, 'dibao.standard', onDate);
}

export function flag(store: Store, street: string, key: string, onDate: string): boolean {
  return paramOn(store, street, key, onDate)?.value === true;
}

/** Whether an employed member has a wage the 就业奖励 is deducted from. */
export function rewardNeeded(members: readonly IncomeMember[]): boolean {
  return members.some((m) => m.employed && m.incomes.some((i) => i.kind === 'wage' && i.monthlyFen > 0));
}

/**
 * The figures an income assessment of these members needs on a date. The 就业奖励 is asked for only
 * when an employed member has a wage to deduct it from: a street without the figure can still assess
 * households where nobody works.
 */
export function incomeParams(store: Store, street: string, onDate: string, members: readonly IncomeMember[]): IncomeParams {
  const epidemicRulesInForce = flag(store, street, 'epidemic.rulesInForce', onDate);
  return {
    employmentRewardFen: rewardNeeded(members) ? requireParam<number>(store, street, 'dibao.employmentReward', onDate) : 0,
    workCostDeductionFen: epidemicRulesInForce ? requireParam<number>(store, street, 'epidemic.workCostDeduction', onDate) : 0,
    epidemicRulesInForce,
  };
}

const ALLOWANCE_KEYS: Partial<Record<Programme, string>> = {
  'orphan-allowance': 'allowance.orphan',
  'unsupported-child-allowance': 'allowance.unsupportedChild',
  'disability-living-subsidy': 'disability.livingSubsidy',
  'severe-disability-care-subsidy': 'disability.careSubsidy',
};

/** The standard amount of a per-person allowance on a date, or null when not set. */
export function allowanceStandard(store: Store, street: string, programme: Programme, onDate: string): number | null {
  const key = ALLOWANCE_KEYS[programme];
  if (!key) return null;
  const v = paramOn(store, street, key, onDate)?.value;
  return typeof v === 'number' ? v : null;
}

export function requireAllowanceStandard(store: Store, street: string, programme: Programme, onDate: string): number {
  return requireParam<number>(store, street, ALLOWANCE_KEYS[programme]!, onDate);
}
