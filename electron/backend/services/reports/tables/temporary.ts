/** 临时救助: applications, urgent ones decided within their deadline, amounts, 先行救助 papers owed. */
import { TEMP_TYPES } from '../../../../../shared/assistance/codes';
import type { ReportTable } from '../../../../../shared/reports/monthly-report';
import type { Store } from '../../../store/store';
import { withinTemporaryDeadline } from '../../assistance/temporary';
import { utc } from '../../ledger/read';
import type { ReportMonth } from '../monthly';
import { add, count, fen, monthInstants, share, tally, totalOf, withShares } from './common';

const COLUMNS = [
  count('applications', '受理申请'),
  count('approved', '已审批'),
  fen('approvedFen', '审批金额'),
  count('timed', '限时审批件'),
  count('withinDeadline', '时限内审批'),
  share('withinDeadlineShare', '限时审批率', 'withinDeadline', 'timed'),
  count('advance', '先行救助'),
  count('papersOwed', '材料尚未补齐'),
];

const DEFINITION =
  '本月内（以受理时间为准，北京时间）受理的临时救助申请，按急难型、支出型统计（《东丽区困难群众兜底保障工作方案》二(二) 临时救助，二(五) 落细先行审批、急难型临时救助限时审核审批）。' +
  '已审批：其中截至月末（当月为统计时点）已审批或已发放的申请；审批金额为这些申请记录的救助金额。限时审批件：受理时按现行临时救助参数定有审批时限的申请（急难型先行审批）；' +
  '时限内审批：审批时间不晚于时限，或截至统计时点尚在时限内未审批的申请；限时审批率＝时限内审批÷限时审批件。' +
  '先行救助：先审批发放、后补材料的申请；材料尚未补齐：其中截至统计时点尚未补齐所欠材料的申请。';

export function temporaryTable(store: Store, m: ReportMonth): ReportTable {
  const { fromIso, cutoffIso } = monthInstants(store, m);
  const apps = store
    .prepare(
      `SELECT t.type, t.status, t.amount_fen, t.deadline, t.approved_at, t.papers_owed, t.papers_completed_at
       FROM temporary_assistance t WHERE t.street_code = ? AND t.deleted_at IS NULL AND ${utc('t.received_at')} >= ? AND ${utc('t.received_at')} <= ?`,
    )
    .all(m.streetCode, fromIso, cutoffIso) as {
    type: string;
    status: string;
    amount_fen: number;
    deadline: string | null;
    approved_at: string | null;
    papers_owed: string | null;
    papers_completed_at: string | null;
  }[];
  const rows = new Map(TEMP_TYPES.map((t) => [t.code, tally(COLUMNS, `type:${t.code}`, t.label)]));
  for (const a of apps) {
    const r = rows.get(a.type as (typeof TEMP_TYPES)[number]['code']);
    if (!r) continue;
    add(r, 'applications');
    // As it stood at the cut-off: an approval recorded later does not count yet.
    const approvedAt = a.approved_at && a.approved_at <= cutoffIso ? a.approved_at : null;
    if (approvedAt && (a.status === 'approved' || a.status === 'paid')) (add(r, 'approved'), add(r, 'approvedFen', a.amount_fen));
    const within = withinTemporaryDeadline({ deadline: a.deadline, approved_at: approvedAt }, cutoffIso);
    if (within !== null) add(r, 'timed');
    if (within === true) add(r, 'withinDeadline');
    const owed = a.papers_owed ? (JSON.parse(a.papers_owed) as unknown[]).length > 0 : false;
    if (owed && approvedAt) {
      add(r, 'advance');
      if (!a.papers_completed_at || a.papers_completed_at > cutoffIso) add(r, 'papersOwed');
    }
  }
  const list = [...rows.values()].map((r) => withShares(COLUMNS, r));
  return { key: 'temporary', title: '临时救助情况', definition: DEFINITION, columns: COLUMNS, rows: list, total: totalOf(COLUMNS, list) };
}
