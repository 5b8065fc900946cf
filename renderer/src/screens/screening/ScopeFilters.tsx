/** Community / grid / grid-worker filters shared by the due lists, the round and coverage. */
import { Select, Space } from 'antd';
import type { GridInfo } from '../../../../shared/org/schemas';
import { useAllGrids, useCommunities } from '../../hooks/use-org';
import { filterByLabel } from '../../lib/codes';

export interface Scope {
  communityId?: string;
  gridId?: string;
  worker?: string;
}

export function gridLabel(g: GridInfo): string {
  return g.workerName ? `${g.name}（${g.workerName}）` : g.name;
}

export function ScopeFilters({ value, onChange, worker = true }: { value: Scope; onChange: (s: Scope) => void; worker?: boolean }) {
  const communities = useCommunities();
  const grids = useAllGrids();
  const allGrids = grids.data ?? [];
  const gridOptions = allGrids
    .filter((g) => !value.communityId || g.communityId === value.communityId)
    .filter((g) => !value.worker || g.workerName === value.worker)
    .map((g) => ({ value: g.id, label: gridLabel(g) }));
  const workers = [...new Set(allGrids.map((g) => g.workerName).filter((w): w is string => !!w))].map((w) => ({ value: w, label: w }));
  return (
    <Space wrap>
      <Select
        aria-label="社区"
        placeholder="全部社区"
        allowClear
        style={{ width: 180 }}
        value={value.communityId}
        options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        onChange={(v?: string) => onChange({ ...value, communityId: v, gridId: undefined })}
        showSearch={{ filterOption: filterByLabel }}
      />
      <Select
        aria-label="网格"
        data-testid="scope-grid"
        placeholder="全部网格"
        allowClear
        style={{ width: 220 }}
        value={value.gridId}
        options={gridOptions}
        onChange={(v?: string) => onChange({ ...value, gridId: v })}
        showSearch={{ filterOption: filterByLabel }}
      />
      {worker && (
        <Select
          aria-label="网格员"
          placeholder="全部网格员"
          allowClear
          style={{ width: 160 }}
          value={value.worker}
          options={workers}
          onChange={(v?: string) => onChange({ ...value, worker: v, gridId: undefined })}
          showSearch={{ filterOption: filterByLabel }}
        />
      )}
    </Space>
  );
}
