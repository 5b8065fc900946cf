/** 台账流转: items opened, closed (within the limit), overdue, referred, 回头看 — by grade. */
import type { ReportTable } from '../../../../../shared/reports/monthly-report';
import { URGENCY_GRADES } from '../../../../../shared/ledger/deadlines';
import type { Store } from '../../../store/store';
import type { ReportMonth } from '../monthly';
import { count, monthInstants, share, totalOf, withShares } from './common';
import { CLOSED_IN, OVERDUE_AT, overdueArgs, REFERRED_IN, REGISTERED_IN, REVIEWED_IN, WITHIN_LIMIT } from './ledger-month';

const COLUMNS = [
  count('opened', '新登记'),
  count('closed', '办结销号'),
  count('withinLimit', '按时限办结'),
  share('withinLimitShare', '按时办结率', 'withinLimit', 'closed'),
  count('overdue', '超期未办结'),
  count('referred', '转介部门'),
  count('lookBack', '回头看完成'),
  count('lookBackProblems', '回头看发现问题'),
];

const DEFINITION =
  '按事项的紧急程度分级统计；各级核查、办结时限以事项登记时适用的台账时限参数计算（《东丽区困难群众兜底保障工作方案》二(一) 分类分级处理、实时登记台账、监督流程时限直至救助完结，三(二) 对账销号，三(三) “回头看”）。' +
  '新登记：登记时间在本月内（北京时间，下同）的事项，含重复登记。办结销号：本月内办结、核查不属实或重复登记销号的事项（以销号时间为准）。' +
  '按时限办结：其中销号时间不晚于办结时限的事项；按时办结率＝按时限办结÷办结销号。超期未办结：月末（当月为统计时点）仍未销号、且已超过当时适用时限' +
  '（待核查的事项取核查时限与办结时限中较早者）的事项，跨月累计。转介部门：本月内有转介记录（以转介日期为准）的事项。' +
  '回头看完成：本月内记录回头看结果的事项；回头看发现问题：其中结果为“仍需跟进”的事项。';

export function ledgerTable(store: Store, m: ReportMonth): ReportTable {
  const { fromIso, cutoffIso } = monthInstants(store, m);
  const street = m.streetCode;
  const byGrade = (sql: string, args: unknown[]) =>
    new Map((store.prepare(`SELECT i.urgency AS g, count(*) AS n FROM ledger_items i WHERE ${sql} GROUP BY i.urgency`).all(...args) as { g: string; n: number }[]).map((r) => [r.g, r.n]));
  const figures = {
    opened: byGrade(REGISTERED_IN, [street, fromIso, cutoffIso]),
    closed: byGrade(CLOSED_IN, [street, fromIso, cutoffIso]),
    withinLimit: byGrade(`${CLOSED_IN} AND ${WITHIN_LIMIT}`, [street, fromIso, cutoffIso]),
    overdue: byGrade(OVERDUE_AT, overdueArgs(street, cutoffIso)),
    referred: byGrade(`i.street_code = ? AND i.deleted_at IS NULL AND ${REFERRED_IN}`, [street, m.from, m.until]),
    lookBack: byGrade(REVIEWED_IN, [street, fromIso, cutoffIso]),
    lookBackProblems: byGrade(`${REVIEWED_IN} AND i.review_result = 'needs-follow-up'`, [street, fromIso, cutoffIso]),
  };
  const rows = URGENCY_GRADES.map((g) =>
    withShares(COLUMNS, {
      key: `grade:${g.code}`,
      label: g.label,
      cells: Object.fromEntries(Object.entries(figures).map(([k, byG]) => [k, byG.get(g.code) ?? 0])),
    }),
  );
  return { key: 'ledger', title: '问题台账流转情况', definition: DEFINITION, columns: COLUMNS, rows, total: totalOf(COLUMNS, rows) };
}
