/** The rows and the per-community totals of a payment list (发放花名册), shared by the screen and the print page. */
import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PaymentList, PaymentRow } from '../../../../shared/assistance/types';
import { formatFen } from '../../lib/money';

export const BASIS_LABEL: Record<PaymentRow['basis'], string> = {
  standard: '按标准核定',
  'schedule-100': '渐退 100%',
  'schedule-50': '渐退 50%',
  fixed: '按原金额',
  held: '暂停退出，按渐退末月金额',
};

/** On paper the columns size to their content, so that the address is not squeezed. */
function PRINT_WIDTHS(print: boolean, cols: TableColumnsType<PaymentRow>): TableColumnsType<PaymentRow> {
  return print ? cols.map((c) => ({ ...c, width: undefined })) : cols;
}

export function PaymentRowsTable({ list, print = false }: { list: PaymentList; print?: boolean }) {
  return (
    <Table<PaymentRow>
      rowKey="enrolmentId"
      size="small"
      bordered={print}
      pagination={print ? false : { pageSize: 100, showSizeChanger: false, showTotal: (n) => `共 ${n} 户（人）` }}
      dataSource={list.rows}
      locale={{ emptyText: '该月没有发放对象' }}
      data-testid="payment-rows"
      tableLayout={print ? 'auto' : undefined}
      columns={PRINT_WIDTHS(print, [
        { title: '序号', width: 56, render: (_, _r, i) => i + 1 },
        { title: '社区', dataIndex: 'communityName', width: 120 },
        { title: '姓名', dataIndex: 'name', width: 90, render: (v: string | null, r) => (print ? v : <a href={`#/households/${r.householdId}`}>{v ?? '—'}</a>) },
        { title: '身份证号', dataIndex: 'idMasked', width: 180 },
        { title: '住址', dataIndex: 'address' },
        { title: '保障人数', dataIndex: 'coveredPersons', width: 80, align: 'right' },
        { title: '发放金额', dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number) => formatFen(v) },
        {
          title: '核定方式',
          dataIndex: 'basis',
          width: 110,
          render: (v: PaymentRow['basis']) => (print ? BASIS_LABEL[v] : <Tag color={v === 'schedule-50' ? 'gold' : v === 'schedule-100' ? 'green' : 'default'}>{BASIS_LABEL[v]}</Tag>),
        },
        { title: '开户银行', dataIndex: 'bankName', width: 110, render: (v: string | null) => v ?? '' },
        { title: '账号', dataIndex: 'bankAccount', width: 170, render: (v: string | null) => v ?? '' },
      ])}
    />
  );
}

export function CommunityTotalsTable({ list }: { list: PaymentList }) {
  return (
    <Table
      rowKey="communityName"
      size="small"
      bordered
      pagination={false}
      data-testid="payment-totals"
      dataSource={list.communities}
      locale={{ emptyText: '无' }}
      columns={[
        { title: '社区', dataIndex: 'communityName' },
        { title: '户（人）数', dataIndex: 'count', align: 'right', width: 110 },
        { title: '金额合计', dataIndex: 'totalFen', align: 'right', width: 160, render: (v: number) => formatFen(v) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>合计</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong>{list.rows.length}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <strong data-testid="payment-total">{formatFen(list.totalFen)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
