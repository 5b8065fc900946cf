/**
 * The 核算 working of a 低保 / 低保边缘 household (work plan 二(二); DOMAIN §1.3, §3): each member's
 * income items, the deductions applied with the parameter version each came from, the household
 * total, the per-capita income, the standard in force on the day, the edge line, the resulting
 * monthly amount and whether the income is within the programme's line. Pure: the arithmetic is
 * income.ts's and eligibility.ts's; this only lays it out so the 入户调查 dialog, the stored step
 * and the printed 核算单 show the same figures.
 */
import type { IncomeKind } from '../codes';
import { dibaoIncomeLine, edgeIncomeLine } from './eligibility';
import {
  assessMonthlyIncome,
  countsAsIs,
  dibaoMonthlyAmount,
  edgeAid,
  memberCountableFen,
  wageDeductions,
  type IncomeMember,
  type IncomeParams,
  type WageDeductionKind,
} from './income';

/** One dated version of a policy parameter, as read on the day: which record, from when, its source. */
export interface ParamVersion {
  key: string;
  id: string;
  effectiveFrom: string;
  value: number | boolean;
  /** The record's note: the document the figure comes from (or 【未核实】). */
  source: string | null;
}

export interface WorkingMember {
  personId: string;
  name: string;
  relation: string;
  employed: boolean;
  workingAwayOrReturned: boolean;
  incomes: { kind: IncomeKind; monthlyFen: number; note?: string | null }[];
}

export interface WorkingInput {
  programme: 'dibao' | 'dibao-edge';
  onDate: string;
  coveredPersons: number;
  members: readonly WorkingMember[];
  params: {
    standard: ParamVersion;
    /** Null when no employed member has a wage (the figure is then not needed). */
    employmentReward: ParamVersion | null;
    /** The epidemic period flag in force (null: never set). */
    epidemicRules: ParamVersion | null;
    /** Needed only while the epidemic rules are in force. */
    workCostDeduction: ParamVersion | null;
    /** 低保边缘 only. */
    edgeUpperPercent?: ParamVersion | null;
    edgeAidAmount?: ParamVersion | null;
    edgeAidPercent?: ParamVersion | null;
  };
}

export interface WorkingDeduction {
  kind: WageDeductionKind;
  fen: number;
  paramKey: string;
  paramId: string;
  effectiveFrom: string;
}

export interface WorkingMemberOut {
  personId: string;
  name: string;
  relation: string;
  employed: boolean;
  workingAwayOrReturned: boolean;
  items: { kind: IncomeKind; monthlyFen: number; note: string | null; counted: boolean }[];
  deductions: WorkingDeduction[];
  /** The member's countable monthly income (wage after deductions, never below zero, plus the rest). */
  countableFen: number;
}

export interface AccountingWorking {
  programme: 'dibao' | 'dibao-edge';
  onDate: string;
  members: WorkingMemberOut[];
  householdSize: number;
  coveredPersons: number;
  totalFen: number;
  perCapitaFen: number;
  standardFen: number;
  /** 低保边缘: the upper line (standard × percent, rounded up), from its parameter. */
  edgeLine: { upperPercent: number; upperFen: number } | null;
  /** Monthly amount by the rule the payments use; null when a figure is missing. */
  monthlyAmountFen: number | null;
  /** Whether the per-capita income is within the programme's line (eligibility.ts). */
  withinLine: boolean;
  /** At or above the top of the programme's line. */
  aboveLine: boolean;
  lineExplanation: string;
  /** Every parameter version the working used, for the record and the 核算单's sources. */
  params: ParamVersion[];
}

const DEDUCTION_PARAM: Record<WageDeductionKind, 'employmentReward' | 'workCostDeduction'> = {
  'employment-reward': 'employmentReward',
  'work-cost': 'workCostDeduction',
};

function num(v: ParamVersion | null | undefined): number | null {
  return v && typeof v.value === 'number' ? v.value : null;
}

export function accountingWorking(input: WorkingInput): AccountingWorking {
  const p = input.params;
  const incomeParams: IncomeParams = {
    employmentRewardFen: num(p.employmentReward) ?? 0,
    workCostDeductionFen: num(p.workCostDeduction) ?? 0,
    epidemicRulesInForce: p.epidemicRules?.value === true,
  };
  const incomeMembers: IncomeMember[] = input.members.map((m) => ({
    incomes: m.incomes.map((i) => ({ kind: i.kind, monthlyFen: i.monthlyFen })),
    employed: m.employed,
    workingAwayOrReturned: m.workingAwayOrReturned,
  }));
  const members = input.members.map((m, idx): WorkingMemberOut => {
    const im = incomeMembers[idx]!;
    const hasWage = im.incomes.some((i) => i.kind === 'wage' && i.monthlyFen > 0);
    // A deduction is shown only where there is a wage to deduct it from.
    const deductions = hasWage
      ? wageDeductions(im, incomeParams).flatMap((d) => {
          const v = p[DEDUCTION_PARAM[d.kind]];
          return v ? [{ kind: d.kind, fen: d.fen, paramKey: v.key, paramId: v.id, effectiveFrom: v.effectiveFrom }] : [];
        })
      : [];
    return {
      personId: m.personId,
      name: m.name,
      relation: m.relation,
      employed: m.employed,
      workingAwayOrReturned: m.workingAwayOrReturned,
      items: m.incomes.map((i) => ({ kind: i.kind, monthlyFen: i.monthlyFen, note: i.note ?? null, counted: i.kind === 'wage' || countsAsIs(i.kind) })),
      deductions,
      countableFen: memberCountableFen(im, incomeParams),
    };
  });
  const { totalFen, perCapitaFen } = assessMonthlyIncome(incomeMembers, incomeParams);
  const standardFen = num(p.standard) ?? 0;

  let edgeLine: AccountingWorking['edgeLine'] = null;
  let monthlyAmountFen: number | null;
  let aid: ReturnType<typeof edgeAid<ParamVersion>> = null;
  let line: { eligible: boolean; explanation: string };
  let aboveLine: boolean;
  if (input.programme === 'dibao') {
    line = dibaoIncomeLine(perCapitaFen, standardFen);
    aboveLine = !line.eligible;
    monthlyAmountFen = dibaoMonthlyAmount({ standardFen, perCapitaIncomeFen: perCapitaFen, coveredPersons: input.coveredPersons });
  } else {
    const upperPercent = num(p.edgeUpperPercent);
    if (upperPercent === null) {
      line = { eligible: false, explanation: '缺少低保边缘家庭收入上限参数' };
      aboveLine = false;
    } else {
      line = edgeIncomeLine(perCapitaFen, standardFen, upperPercent);
      edgeLine = { upperPercent, upperFen: Math.ceil((standardFen * upperPercent) / 100) };
      aboveLine = perCapitaFen >= edgeLine.upperFen;
    }
    aid = edgeAid({ aidAmount: p.edgeAidAmount ?? null, aidPercent: p.edgeAidPercent ?? null, standardFen: () => standardFen });
    monthlyAmountFen = aid?.fen ?? null;
  }
  const used = [p.standard, p.employmentReward, p.epidemicRules, incomeParams.epidemicRulesInForce ? p.workCostDeduction : null];
  if (input.programme === 'dibao-edge') used.push(p.edgeUpperPercent ?? null, aid?.figure ?? null);
  return {
    programme: input.programme,
    onDate: input.onDate,
    members,
    householdSize: members.length,
    coveredPersons: input.coveredPersons,
    totalFen,
    perCapitaFen,
    standardFen,
    edgeLine,
    monthlyAmountFen,
    withinLine: line.eligible,
    aboveLine,
    lineExplanation: line.explanation,
    params: used.filter((v): v is ParamVersion => v != null),
  };
}
