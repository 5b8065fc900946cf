/** The household's own fields, read-only. */
import { Descriptions } from 'antd';
import type { HouseholdDetail } from '../../../../shared/registry/types';
import { HUKOU_TYPES, labelOf } from '../../../../shared/codes';
import { CategoryTags } from '../../components/CategoryTags';
import { StatusTag } from '../../components/StatusTag';
import { formatInstant } from '../../lib/dates';

const none = <span style={{ color: 'rgba(0,0,0,0.35)' }}>未填写</span>;
const orNone = (v: string | null | undefined) => (v ? v : none);

export function HouseholdInfo({ household: h }: { household: HouseholdDetail }) {
  const grid = h.gridName
    ? `${h.gridName}${h.gridWorkerName ? `（网格员 ${h.gridWorkerName}${h.gridWorkerPhone ? ` ${h.gridWorkerPhone}` : ''}）` : ''}`
    : null;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'address', label: '家庭住址', children: h.address, span: 2 },
        { key: 'status', label: '状态', children: <StatusTag status={h.status} /> },
        { key: 'community', label: '所属社区', children: h.communityName },
        { key: 'grid', label: '所属网格', children: orNone(grid) },
        { key: 'hukou', label: '户籍类型', children: labelOf(HUKOU_TYPES, h.hukouType) },
        { key: 'phone', label: '联系电话', children: orNone(h.phone) },
        { key: 'bank', label: '开户银行', children: orNone(h.bankName) },
        { key: 'account', label: '银行账号', children: h.bankAccount ? <span className="doudi-mono">{h.bankAccount}</span> : none },
        { key: 'holder', label: '账户户名', children: orNone(h.accountHolder) },
        { key: 'categories', label: '救助类别', children: <span data-testid="household-categories"><CategoryTags categories={h.categories} /></span>, span: 2 },
        { key: 'notes', label: '备注', children: orNone(h.notes), span: 3 },
        { key: 'created', label: '建档时间', children: formatInstant(h.createdAt) },
        { key: 'updated', label: '最后修改', children: formatInstant(h.updatedAt) },
      ]}
    />
  );
}
