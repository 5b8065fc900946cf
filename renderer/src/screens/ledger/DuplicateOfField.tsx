/** 重复登记: pick the item this one repeats, among the other items of the same household. */
import { Form, Select } from 'antd';
import type { LedgerDetail } from '../../../../shared/ledger/schemas';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatInstant } from '../../lib/dates';
import { categoryLabel } from './ledger-ui';

export function DuplicateOfField({ item }: { item: LedgerDetail }) {
  const q = useApiQuery(() => api.call('ledger.list', { householdId: item.householdId, page: 1, pageSize: 100 }), [item.householdId]);
  const options = (q.data?.rows ?? [])
    .filter((r) => r.id !== item.id)
    .map((r) => ({
      value: r.id,
      label: `${r.itemNo}　${categoryLabel(r.category)}　${formatInstant(r.registeredAt)}　${r.description.slice(0, 24)}`,
    }));
  return (
    <Form.Item name="duplicateOfId" label="所重复的台账事项（同一家庭）" rules={[{ required: true, message: '请选择所重复的台账事项' }]}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={q.loading}
        options={options}
        placeholder="选择本户已登记的事项"
        notFoundContent={q.loading ? '正在加载…' : '本户没有其他台账事项'}
        autoFocus
      />
    </Form.Item>
  );
}
