/**
 * The district's lagging lines (落后线) for the plan's measures (issue 15): effective-dated policy data
 * (policy key `reports.laggingLines`, defaults in shared/policy/defaults.ts with their source), read
 * here to mark a street's submitted measures. Pure: the backend reads the line in force on the
 * month's last day and passes it in.
 */
import { z } from 'zod';
import { percentText } from './format';
import type { StreetMeasures } from './monthly-report';

const bp = z.number().int().min(0).max(10000);

export const LaggingLinesSchema = z.strictObject({
  /** 排查覆盖率 below this (basis points) lags. */
  coverageMinBp: bp,
  /** More overdue ledger items than this lags. */
  overdueItemsMax: z.number().int().min(0).max(100000),
  /** Urgent temporary assistance approved within 24 h below this share lags. */
  urgentWithin24hMinBp: bp,
  /** 四有 complete below this share lags. */
  careFourHasMinBp: bp,
});
export type LaggingLines = z.infer<typeof LaggingLinesSchema>;

export const LAGGING_LINES_KEY = 'reports.laggingLines';

/** One reason per measure past its line, in Chinese with the figure and the line (empty: not lagging). */
export function laggingReasons(m: StreetMeasures, lines: LaggingLines): string[] {
  const out: string[] = [];
  if (m.coverageBp !== null && m.coverageBp < lines.coverageMinBp) {
    out.push(`排查覆盖率${percentText(m.coverageBp)}，低于${percentText(lines.coverageMinBp)}`);
  }
  if (m.overdueItems > lines.overdueItemsMax) {
    out.push(`超期未办结问题${m.overdueItems}件${lines.overdueItemsMax > 0 ? `，超过${lines.overdueItemsMax}件` : ''}`);
  }
  if (m.urgentWithin24hBp !== null && m.urgentWithin24hBp < lines.urgentWithin24hMinBp) {
    out.push(`急难型临时救助24小时内审批率${percentText(m.urgentWithin24hBp)}，低于${percentText(lines.urgentWithin24hMinBp)}`);
  }
  if (m.careFourHasBp !== null && m.careFourHasBp < lines.careFourHasMinBp) {
    out.push(`分散供养特困人员“四有”落实率${percentText(m.careFourHasBp)}，低于${percentText(lines.careFourHasMinBp)}`);
  }
  return out;
}

/** What the 通报 asks a lagging street to correct, per reason (same order as laggingReasons). */
export function corrections(m: StreetMeasures, lines: LaggingLines): string[] {
  const out: string[] = [];
  if (m.coverageBp !== null && m.coverageBp < lines.coverageMinBp) out.push('组织网格员对未走访户补齐入户排查，落实全覆盖的月排查');
  if (m.overdueItems > lines.overdueItemsMax) out.push('对超期问题逐件督办，明确责任人和办结时限，尽快销号');
  if (m.urgentWithin24hBp !== null && m.urgentWithin24hBp < lines.urgentWithin24hMinBp) out.push('急难型临时救助做到24小时内完成审核审批，先行救助后补齐手续');
  if (m.careFourHasBp !== null && m.careFourHasBp < lines.careFourHasMinBp) out.push('补齐照料协议、服务标准与标识、定期探访记录和应急预案，落实“四有”要求');
  return out;
}
