/** 低保 / 低保边缘 / 特困: in force, enrolled, exited, in gradual exit, paid (confirmed batches). */
import { PROGRAMMES } from '../../../../../shared/assistance/codes';
import type { ReportRow, ReportTable } from '../../../../../shared/reports/monthly-report';
import type { Store } from '../../../store/store';
import { PAYABLE_COLUMNS, payableIn, type EnrolmentDbRow, type PayableRow } from '../../assistance/amounts';
import { streetDeathStops } from '../../assistance/death-end';
import type { ReportMonth } from '../monthly';
import { add, count, fen, tally, totalOf } from './common';

/** The programmes the plan follows monthly (二(三) 低保、低保边缘、特困供养). */
const FOLLOWED = ['dibao', 'dibao-edge', 'tekun-home', 'tekun-institution'] as const;

const COLUMNS = [
  count('inForce', '在保户（人）数'),
  count('persons', '保障人数'),
  count('enrolled', '本月新纳入'),
  count('exited', '本月退出'),
  count('gradualExit', '渐退期'),
  count('paidRows', '发放笔数'),
  fen('paidFen', '发放金额'),
];

const DEFINITION =
  '在保户（人）数：本月应予发放的保障对象（低保、低保边缘按户，特困按人；以起始发放月份、停发月份和状态判断，与发放批次生成同一规则），保障人数为其保障人口之和。' +
  '本月新纳入：起始发放月份为本月的对象；本月退出：自本月起停发的对象。渐退期：收入增加后按渐退安排本月仍在渐退发放的户（《东丽区困难群众兜底保障工作方案》二(二) 低保减退、延保渐退期）。' +
  '发放笔数、发放金额：本月发放批次经确认后冻结的记录（含补发、扣回，扣回为负数），按记录金额合计，不重新计算；尚未确认的批次不计。';

export function programmesTable(store: Store, m: ReportMonth): ReportTable {
  const rows = new Map<string, ReportRow>(FOLLOWED.map((p) => [p, tally(COLUMNS, `programme:${p}`, PROGRAMMES.find((x) => x.code === p)!.label)]));
  const enrolments = store
    .prepare(`SELECT ${PAYABLE_COLUMNS}, covered_persons FROM enrolments WHERE street_code = ? AND deleted_at IS NULL AND programme IN (${FOLLOWED.map(() => '?').join(',')}) AND start_month IS NOT NULL AND start_month <= ?`)
    .all(m.streetCode, ...FOLLOWED, m.month) as (PayableRow & Pick<EnrolmentDbRow, 'covered_persons'>)[];
  const deathStop = streetDeathStops(store, m.streetCode); // one read for all enrolments, not one per enrolment
  for (const e of enrolments) {
    const r = rows.get(e.programme)!;
    if (payableIn(store, e, m.month, deathStop)) (add(r, 'inForce'), add(r, 'persons', e.covered_persons));
    if (e.start_month === m.month) add(r, 'enrolled');
    if (e.end_month === m.month) add(r, 'exited');
  }
  const gradual = store
    .prepare(
      `SELECT e.programme, count(DISTINCT e.id) AS n FROM income_rise_decisions d JOIN enrolments e ON e.id = d.enrolment_id
       WHERE d.street_code = ? AND d.deleted_at IS NULL AND e.deleted_at IS NULL AND d.kind IN ('gradual-exit', 'continue-exit')
         AND EXISTS (SELECT 1 FROM json_each(d.schedule) s WHERE json_extract(s.value, '$.month') = ?)
       GROUP BY e.programme`,
    )
    .all(m.streetCode, m.month) as { programme: string; n: number }[];
  for (const g of gradual) if (rows.has(g.programme)) add(rows.get(g.programme)!, 'gradualExit', g.n);
  const paid = store
    .prepare(
      `SELECT b.programme, count(*) AS n, sum(r.amount_fen) AS fen FROM payment_batches b JOIN payment_batch_rows r ON r.batch_id = b.id
       WHERE b.street_code = ? AND b.deleted_at IS NULL AND r.deleted_at IS NULL AND b.month = ? AND b.status IN ('confirmed', 'paid')
       GROUP BY b.programme`,
    )
    .all(m.streetCode, m.month) as { programme: string; n: number; fen: number }[];
  for (const p of paid) if (rows.has(p.programme)) (add(rows.get(p.programme)!, 'paidRows', p.n), add(rows.get(p.programme)!, 'paidFen', p.fen));
  const list = [...rows.values()];
  // 户 and 人 do not add up across programmes: the total sums persons and money only.
  const total = totalOf(COLUMNS, list);
  total.cells.inForce = null;
  return { key: 'programmes', title: '低保、低保边缘、特困供养情况', definition: DEFINITION, columns: COLUMNS, rows: list, total };
}
