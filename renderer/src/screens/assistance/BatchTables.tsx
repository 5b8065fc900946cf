/** The rows and per-community totals of a payment batch (发放批次), shared by the screen and the print page. */
import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { BATCH_BASES, BATCH_ROW_KINDS, BATCH_STATUSES, type BatchRow, type PaymentBatchDetail } from '../../../../shared/assistance/batches';
import { labelOf } from '../../../../shared/codes';
import { formatFen } from '../../lib/money';

const KIND_COLORS: Record<string, string> = { regular: 'default', supplement: 'green', recovery: 'red' };
const STATUS_COLORS: Record<string, string> = { pending: 'processing', confirmed: 'blue', paid: 'green' };

export function BatchStatusTag({ status }: { status: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="batch-status">
      {labelOf(BATCH_STATUSES, status)}
    </Tag>
  );
}

export function BatchRowsTable({ batch, print = false }: { batch: PaymentBatchDetail; print?: boolean }) {
  // On screen the community is in the totals above (rows come by community) and the bank by its
  // account, so that the address keeps its room at 1366 px; on paper every column.
  const cols: TableColumnsType<BatchRow> = [
    { title: '序号', dataIndex: 'seq', width: 48 },
    {
      title: '类别',
      dataIndex: 'kind',
      width: 60,
      render: (v: string) => (print ? labelOf(BATCH_ROW_KINDS, v) : <Tag color={KIND_COLORS[v]}>{labelOf(BATCH_ROW_KINDS, v)}</Tag>),
    },
    { title: '所属月份', dataIndex: 'forMonth', width: 78 },
    ...(print ? [{ title: '社区', dataIndex: 'community' }] : []),
    { title: '姓名', dataIndex: 'name', width: 76, render: (v: string | null, r) => (print ? v : <a href={`#/households/${r.householdId}`}>{v ?? '—'}</a>) },
    { title: '身份证号', dataIndex: 'idMasked', width: 160 },
    { title: '住址', dataIndex: 'address', ellipsis: !print },
    { title: '人数', dataIndex: 'coveredPersons', width: 48, align: 'right' },
    { title: '金额', dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => formatFen(v) },
    { title: '核定依据', dataIndex: 'basis', width: 80, render: (v: string) => labelOf(BATCH_BASES, v) },
    { title: '原因', dataIndex: 'reason', width: 170, render: (v: string | null) => v ?? '' },
    ...(print ? [{ title: '开户银行', dataIndex: 'bankName' }] : []),
    { title: '银行账号', dataIndex: 'bankAccount', width: 150, render: (v: string | null, r) => <span title={r.bankName ?? undefined}>{v ?? ''}</span> },
  ];
  return (
    <Table<BatchRow>
      rowKey={(r) => `${r.kind}/${r.forMonth}/${r.enrolmentId}`}
      size="small"
      bordered={print}
      pagination={print ? false : { pageSize: 100, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
      dataSource={batch.rows}
      locale={{ emptyText: '本批次没有发放对象' }}
      data-testid="payment-rows"
      tableLayout={print ? 'auto' : undefined}
      columns={print ? cols.map((c) => ({ ...c, width: undefined })) : cols}
    />
  );
}

export function BatchTotalsTable({ batch }: { batch: PaymentBatchDetail }) {
  return (
    <Table
      rowKey="community"
      size="small"
      bordered
      pagination={false}
      data-testid="payment-totals"
      dataSource={batch.communities}
      locale={{ emptyText: '无' }}
      columns={[
        { title: '社区', dataIndex: 'community' },
        { title: '条数', dataIndex: 'count', align: 'right', width: 110 },
        { title: '金额合计', dataIndex: 'totalFen', align: 'right', width: 160, render: (v: number) => formatFen(v) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>合计</strong>
            {(batch.supplementFen !== 0 || batch.recoveryFen !== 0) && (
              <span style={{ marginLeft: 12 }} data-testid="batch-adjustments">{`（含补发 ${formatFen(batch.supplementFen)}，扣回 ${formatFen(batch.recoveryFen)}）`}</span>
            )}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong>{batch.rowCount}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <strong data-testid="payment-total">{formatFen(batch.totalFen)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
