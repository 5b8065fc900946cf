/** A grid worker's visit sheet for this week's round, laid out for A4 portrait printing. */
import { labelOf } from '../../../../shared/codes';
import { CADENCES } from '../../../../shared/screening/cadence';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useSession } from '../../session/session-context';
import { PrintFrame } from '../print/PrintFrame';

export function VisitSheetPrint({ gridId }: { gridId: string }) {
  const { session } = useSession();
  const q = useApiQuery(() => api.call('screening.visitSheet', { gridId }), [gridId]);
  const d = q.data;
  return (
    <PrintFrame orientation="portrait" loading={q.loading} error={q.error} onRetry={q.reload} back={{ name: 'screening', tab: 'due' }} testId="visit-sheet">
      {d && (
        <>
          <h1>{session.street.name}走访排查登记单</h1>
          <div className="print-meta">
            <span>网格：{d.gridName}</span>
            <span>网格员：{d.workerName ?? '＿＿＿＿'}</span>
            <span>打印日期：{d.today}</span>
            <span>共 {d.rows.length} 户（本周应走访，含超期）</span>
          </div>
          <table className="print-table tall">
            <colgroup>
              <col style={{ width: '5%' }} />
              <col style={{ width: '8%' }} />
              <col style={{ width: '20%' }} />
              <col style={{ width: '7%' }} />
              <col style={{ width: '11%' }} />
              <col style={{ width: '9%' }} />
              <col style={{ width: '9%' }} />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>序号</th>
                <th>户主</th>
                <th>家庭住址</th>
                <th>频次</th>
                <th>应走访日期</th>
                <th>走访日期</th>
                <th>走访方式</th>
                <th>情况及发现问题</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r, i) => (
                <tr key={r.householdId}>
                  <td>{i + 1}</td>
                  <td>{r.headName}</td>
                  <td>{r.address}</td>
                  <td>{labelOf(CADENCES, r.cadence)}</td>
                  <td>
                    {r.dueOn}
                    {r.daysOverdue > 0 ? `（超${r.daysOverdue}天）` : ''}
                  </td>
                  <td />
                  <td>□上门<br />□电话<br />□视频</td>
                  <td />
                </tr>
              ))}
              {d.rows.length === 0 && (
                <tr>
                  <td colSpan={8} style={{ textAlign: 'center' }}>
                    本网格本周没有应走访的家庭
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <div className="print-sign">
            <span>走访人签字：</span>
            <span>社区审核：</span>
            <span>日期：</span>
          </div>
        </>
      )}
    </PrintFrame>
  );
}
