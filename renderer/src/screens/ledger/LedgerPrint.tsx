/** The issue ledger printed on A4 landscape: office, date, filter, one row per item, page numbers. */
import { labelOf } from '../../../../shared/codes';
import { LEDGER_STATUSES } from '../../../../shared/ledger/codes';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatInstant } from '../../lib/dates';
import { PrintFrame } from '../print/PrintFrame';
import { filterFromQuery } from './ledger-filter';
import { categoryLabel, sourceLabel } from './ledger-ui';

export function LedgerPrint({ query }: { query: string }) {
  const filter = filterFromQuery(query);
  const q = useApiQuery(() => api.call('ledger.printList', filter), [query]);
  const d = q.data;
  return (
    <PrintFrame
      orientation="landscape"
      loading={q.loading}
      error={q.error}
      onRetry={q.reload}
      back={{ name: 'ledger', tab: 'items' }}
      testId="ledger-print"
      footer={d ? `${d.officeName}　打印时间 ${d.printedAt}` : undefined}
    >
      {d && (
        <>
          <h1>{d.streetName}问题台账</h1>
          <div className="print-meta">
            <span>单位：{d.officeName}</span>
            <span>{filter.status === 'open' ? '范围：未办结事项' : filter.status ? `状态：${labelOf(LEDGER_STATUSES, filter.status)}` : '范围：全部事项'}</span>
            <span>共 {d.rows.length} 项</span>
            <span>打印时间：{d.printedAt}</span>
          </div>
          <table className="print-table">
            <colgroup>
              <col style={{ width: '3.5%' }} />
              <col style={{ width: '13.5%' }} />
              <col style={{ width: '11%' }} />
              <col style={{ width: '6%' }} />
              <col style={{ width: '6%' }} />
              <col style={{ width: '9%' }} />
              <col style={{ width: '4%' }} />
              <col style={{ width: '4%' }} />
              <col style={{ width: '19%' }} />
              <col style={{ width: '8%' }} />
              <col style={{ width: '11%' }} />
              <col style={{ width: '5%' }} />
            </colgroup>
            <thead>
              <tr>
                <th>序号</th>
                <th>台账编号</th>
                <th>登记时间</th>
                <th>来源</th>
                <th>户主</th>
                <th>住址</th>
                <th>类别</th>
                <th>等级</th>
                <th>问题描述</th>
                <th>状态</th>
                <th>处置时限</th>
                <th>经办人</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r, i) => (
                <tr key={r.id}>
                  <td>{i + 1}</td>
                  <td>{r.itemNo}</td>
                  <td>{formatInstant(r.registeredAt)}</td>
                  <td>{sourceLabel(r.source)}</td>
                  <td>{r.headName}</td>
                  <td>{r.address}</td>
                  <td>{categoryLabel(r.category)}</td>
                  <td>{r.urgency === '1' ? '一级' : '二级'}</td>
                  <td>{r.description}</td>
                  <td>{labelOf(LEDGER_STATUSES, r.status)}</td>
                  <td className={r.overdue ? 'overdue' : undefined}>
                    {formatInstant(r.currentDueAt)}
                    {r.overdue ? '（超期）' : ''}
                  </td>
                  <td>{r.handlerName ?? ''}</td>
                </tr>
              ))}
              {d.rows.length === 0 && (
                <tr>
                  <td colSpan={12} style={{ textAlign: 'center' }}>
                    没有符合条件的台账事项
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      )}
    </PrintFrame>
  );
}
