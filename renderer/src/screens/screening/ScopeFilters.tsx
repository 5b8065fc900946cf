/** Community / grid / grid-worker filters shared by the due lists, the round, coverage and the assistance lists. */
import { Space } from 'antd';
import type { GridInfo } from '../../../../shared/org/schemas';
import { useAllGrids, useCommunities } from '../../hooks/use-org';
import { FilterSelect } from '../../components/FilterSelect';

export interface Scope {
  communityId?: string;
  gridId?: string;
  worker?: string;
}

export function gridLabel(g: GridInfo): string {
  return g.workerName ? `${g.name}（${g.workerName}）` : g.name;
}

/** The filters in a row; `grid` / `worker` false leave those out (a list kept by community only). */
export function ScopeFilters({ value, onChange, grid = true, worker = true }: { value: Scope; onChange: (s: Scope) => void; grid?: boolean; worker?: boolean }) {
  const communities = useCommunities();
  const grids = useAllGrids(grid || worker);
  const allGrids = grids.data ?? [];
  const gridOptions = allGrids
    .filter((g) => !value.communityId || g.communityId === value.communityId)
    .filter((g) => !value.worker || g.workerName === value.worker)
    .map((g) => ({ value: g.id, label: gridLabel(g) }));
  const workers = [...new Set(allGrids.map((g) => g.workerName).filter((w): w is string => !!w))].map((w) => ({ value: w, label: w }));
  return (
    <Space wrap>
      <FilterSelect
        label="社区"
        placeholder="全部社区"
        width={180}
        value={value.communityId}
        options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        onChange={(v) => onChange({ ...value, communityId: v, gridId: undefined })}
      />
      {grid && (
        <FilterSelect label="网格" testId="scope-grid" placeholder="全部网格" width={220} value={value.gridId} options={gridOptions} onChange={(v) => onChange({ ...value, gridId: v })} />
      )}
      {worker && (
        <FilterSelect label="网格员" placeholder="全部网格员" width={160} value={value.worker} options={workers} onChange={(v) => onChange({ ...value, worker: v, gridId: undefined })} />
      )}
    </Space>
  );
}
