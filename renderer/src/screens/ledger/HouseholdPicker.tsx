/** A searchable household select (name, initials, ID fragment or address), for new ledger and watch entries. */
import { useState } from 'react';
import { Select } from 'antd';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDebouncedValue } from '../../hooks/use-debounced-value';

/** `streetCode`: at a district device, search only that street's households. */
export function HouseholdPicker({ value, onChange, id, streetCode }: { value?: string; onChange?: (v: string) => void; id?: string; streetCode?: string }) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const found = useApiQuery(() => api.call('registry.listHouseholds', { q, pageSize: 20, ...(streetCode ? { streetCode } : {}) }), [q, streetCode], q.length > 0);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      placeholder="输入户主姓名、拼音首字母、身份证号片段或住址"
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={found.loading}
      notFoundContent={q ? '没有找到' : '请输入以查找家庭'}
      options={(found.data?.rows ?? []).map((h) => ({ value: h.id, label: `${h.headName ?? '（无户主）'}　${h.address}　${h.communityName}` }))}
      data-testid="household-picker"
    />
  );
}
