/**
 * The income line of 低保 and 低保边缘 at approval (DOMAIN §1.3): 低保 while the assessed monthly
 * per-capita income is below the standard; 低保边缘 from the standard up to (not including) the edge
 * upper percent of it. Figures come in as parameters read on the approval date.
 */
import { yuan } from '../care/format';

export interface IncomeLineCheck {
  eligible: boolean;
  /** The line in words, for the approval dialog and the refusal. */
  explanation: string;
}

export function dibaoIncomeLine(perCapitaFen: number, standardFen: number): IncomeLineCheck {
  const eligible = perCapitaFen < standardFen;
  return {
    eligible,
    explanation: `核定家庭月人均收入 ${yuan(perCapitaFen)}，${eligible ? '低于' : '不低于'}低保标准 ${yuan(standardFen)}`,
  };
}

/** The 低保边缘 upper line: the percent of the standard, part-fen rounded up. */
export function edgeUpperFen(standardFen: number, upperPercent: number): number {
  return Math.ceil((standardFen * upperPercent) / 100);
}

export function edgeIncomeLine(perCapitaFen: number, standardFen: number, upperPercent: number): IncomeLineCheck {
  const upperFen = edgeUpperFen(standardFen, upperPercent);
  const eligible = perCapitaFen >= standardFen && perCapitaFen < upperFen;
  return {
    eligible,
    explanation: `核定家庭月人均收入 ${yuan(perCapitaFen)}，低保边缘范围为 ${yuan(standardFen)} 至 ${yuan(upperFen)}（低保标准的${upperPercent}%，不含）${eligible ? '' : '，不在范围内'}`,
  };
}
