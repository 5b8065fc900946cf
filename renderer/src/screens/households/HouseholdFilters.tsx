/** Search box and filters above the household table. */
import { useEffect, useRef } from 'react';
import { Button, Flex, Input, Select, Tooltip } from 'antd';
import type { InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { ASSISTANCE_CATEGORIES, HOUSEHOLD_STATUSES, type AssistanceCategory, type HouseholdStatus } from '../../../../shared/codes';
import { toOptions } from '../../lib/codes';
import { onSearchFocusRequest } from '../../lib/search-focus';
import { useCommunities, useGrids } from '../../hooks/use-org';
import { hasFilters, type HouseholdListQuery } from './list-state';
import { StreetSelect, useIsDistrict } from '../../components/StreetSelect';

export const SEARCH_PLACEHOLDER = '搜索姓名、拼音、身份证号、住址或电话';

interface Props {
  query: HouseholdListQuery;
  onChange: (change: Partial<HouseholdListQuery>) => void;
  onReset: () => void;
  /** ArrowDown / Enter in the search box. */
  onSearchKey: (key: 'ArrowDown' | 'Enter') => void;
}

const categoryOptions = toOptions(ASSISTANCE_CATEGORIES);
const statusOptions = toOptions(HOUSEHOLD_STATUSES);

export function HouseholdFilters({ query, onChange, onReset, onSearchKey }: Props) {
  const searchRef = useRef<InputRef>(null);
  const communities = useCommunities();
  const district = useIsDistrict();
  const grids = useGrids(query.communityId);

  useEffect(() => onSearchFocusRequest(() => searchRef.current?.focus({ cursor: 'all' })), []);

  return (
    <Flex wrap gap={8} align="center" role="search">
      <Tooltip title="快捷键：/ 或 Ctrl+K" placement="topLeft">
        <Input
          ref={searchRef}
          aria-label="搜索"
          placeholder={SEARCH_PLACEHOLDER}
          prefix={<SearchOutlined />}
          allowClear
          autoFocus
          value={query.q}
          maxLength={50}
          onChange={(e) => onChange({ q: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              onSearchKey(e.key);
            }
            if (e.key === 'Escape' && query.q) onChange({ q: '' });
          }}
          style={{ width: 340 }}
        />
      </Tooltip>
      {district && <StreetSelect allowClear placeholder="全部街道" ariaLabel="街道筛选" value={query.streetCode} onChange={(v) => onChange({ streetCode: v })} />}
      <Select
        aria-label="社区"
        placeholder="全部社区"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 170 }}
        value={query.communityId}
        loading={communities.loading}
        options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        onChange={(v: string | undefined) => onChange({ communityId: v })}
      />
      <Select
        aria-label="网格"
        placeholder={query.communityId ? '全部网格' : '先选择社区'}
        allowClear
        disabled={!query.communityId}
        style={{ width: 150 }}
        value={query.gridId}
        loading={grids.loading}
        options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        onChange={(v: string | undefined) => onChange({ gridId: v })}
      />
      <Select
        aria-label="救助类别"
        placeholder="全部救助类别"
        allowClear
        style={{ width: 170 }}
        value={query.category}
        options={categoryOptions}
        onChange={(v: AssistanceCategory | undefined) => onChange({ category: v })}
      />
      <Select
        aria-label="状态"
        placeholder="全部状态"
        allowClear
        style={{ width: 120 }}
        value={query.status}
        options={statusOptions}
        onChange={(v: HouseholdStatus | undefined) => onChange({ status: v })}
      />
      {hasFilters(query) && (
        <Button type="link" onClick={onReset}>
          清除筛选
        </Button>
      )}
    </Flex>
  );
}
