/** Wording of the 核算 working, shared by the 入户调查 dialog, the enrolment page and the printed 核算单. */
import { INCOME_KINDS, labelOf, RELATIONS } from '../codes';
import { yuan } from '../care/format';
import { paramSpec } from '../policy/catalog';
import type { WageDeductionKind } from '../policy/income';
import type { AccountingWorking, ParamVersion, WorkingMemberOut } from '../policy/working';

const DEDUCTIONS: Record<WageDeductionKind, string> = { 'employment-reward': '就业奖励', 'work-cost': '务工成本扣减' };

export const relationText = (code: string) => labelOf(RELATIONS, code);

export function itemTexts(m: WorkingMemberOut): string[] {
  return m.items.map((i) => `${labelOf(INCOME_KINDS, i.kind)} ${yuan(i.monthlyFen)}${i.note ? `（${i.note}）` : ''}${i.counted ? '' : '，不计入'}`);
}

export function deductionTexts(m: WorkingMemberOut): string[] {
  return m.deductions.map((d) => `${DEDUCTIONS[d.kind]} −${yuan(d.fen)}（${d.effectiveFrom} 起施行的参数）`);
}

export function paramLabel(key: string): string {
  return paramSpec(key)?.label ?? key;
}

export function paramValueText(v: ParamVersion): string {
  if (typeof v.value === 'boolean') return v.value ? '是' : '否';
  const unit = paramSpec(v.key)?.unit;
  if (unit === 'fen') return yuan(v.value);
  if (unit === 'percent') return `${v.value}%`;
  return String(v.value);
}

/** "城乡低保标准（每人每月）：1,045.00 元，2025-09-01 起施行" */
export function paramVersionText(v: ParamVersion): string {
  return `${paramLabel(v.key)}：${paramValueText(v)}，${v.effectiveFrom} 起施行`;
}

export function amountText(w: AccountingWorking): string {
  if (w.monthlyAmountFen === null) return '缺少救助金参数，无法核算';
  if (w.programme === 'dibao' && w.perCapitaFen >= w.standardFen) return `人均月收入不低于低保标准，月救助金额 ${yuan(w.monthlyAmountFen)}`;
  return w.programme === 'dibao'
    ? `（${yuan(w.standardFen)} − ${yuan(w.perCapitaFen)}）× ${w.coveredPersons} 人 = ${yuan(w.monthlyAmountFen)}`
    : `每户每月 ${yuan(w.monthlyAmountFen)}`;
}
