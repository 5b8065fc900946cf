/**
 * income-over-line: an enrolled household (低保, 低保边缘) whose recorded income, assessed by the one
 * income rule (assessMonthlyIncome, with its deductions), passes its line: 低保 the standard
 * (aboveDibaoLine, as an income report decides), 低保边缘 the upper line (edgeUpperFen). The same
 * recorded income raises once; a new recorded income that still passes raises again. Pure.
 */
import { yuan } from '../care/format';
import { assessMonthlyIncome, type IncomeMember, type IncomeParams } from '../policy/income';
import { aboveDibaoLine } from '../policy/income-rise';
import { edgeUpperFen } from '../policy/eligibility';
import { ruleParamOn, warningOf, type RuleContext, type WarningToRaise } from './rules-common';

export interface EnrolledHousehold {
  householdId: string;
  enrolmentId: string;
  programme: 'dibao' | 'dibao-edge';
  /** Who the warning is about: the head, or the first living member. */
  personId: string;
  /** The living members as the income test sees them. */
  members: readonly IncomeMember[];
}

/** The figures in force on the raising day. */
export interface IncomeLines {
  income: IncomeParams;
  standardFen: number;
  /** dibao-edge.upperPercent; null when none is in force (then 低保边缘 is not judged). */
  edgeUpperPercent: number | null;
}

export function incomeOverLine(h: EnrolledHousehold, lines: IncomeLines, ctx: RuleContext): WarningToRaise | null {
  if (h.members.length === 0) return null;
  const p = ruleParamOn(ctx, 'income-over-line', ctx.today);
  if (!p) return null;
  const { totalFen, perCapitaFen } = assessMonthlyIncome(h.members, lines.income);
  let lineFen: number;
  let lineText: string;
  if (h.programme === 'dibao') {
    if (!aboveDibaoLine(perCapitaFen, lines.standardFen)) return null;
    lineFen = lines.standardFen;
    lineText = `超过低保标准 ${yuan(lineFen)}`;
  } else {
    if (lines.edgeUpperPercent === null) return null;
    lineFen = edgeUpperFen(lines.standardFen, lines.edgeUpperPercent);
    if (perCapitaFen < lineFen) return null;
    lineText = `达到低保边缘上限 ${yuan(lineFen)}（低保标准的${lines.edgeUpperPercent}%）`;
  }
  const summary = `登记收入核算家庭月人均 ${yuan(perCapitaFen)}（${h.members.length}人，合计 ${yuan(totalFen)}），${lineText}`;
  const values = { programme: h.programme, perCapitaFen, totalFen, members: h.members.length, lineFen };
  return warningOf(ctx, 'income-over-line', p, h, `${h.enrolmentId}/${perCapitaFen}`, { summary, values }, []);
}
