/** District device helpers: is the signed-in user district staff, and the street choices (ledger, registry). */
import { Select } from 'antd';
import { api } from '../api/client';
import { useApiQuery } from '../hooks/use-api-query';
import { useSession } from '../session/session-context';

export const DISTRICT_CODE = 'district';

export function useIsDistrict(): boolean {
  return useSession().session.user.streetCode === DISTRICT_CODE;
}

/** The streets held on this device (every street at a district device). */
export function useStreets(enabled: boolean) {
  const q = useApiQuery(() => api.call('org.listStreets', {}), [], enabled);
  return (q.data ?? []).map((s) => ({ value: s.code, label: s.name }));
}

export function StreetSelect(props: {
  value?: string;
  onChange?: (v?: string) => void;
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
  ariaLabel?: string;
  width?: number;
}) {
  const options = useStreets(true);
  return (
    <Select
      id={props.id}
      aria-label={props.ariaLabel ?? '街道'}
      style={{ width: props.width ?? 170 }}
      allowClear={props.allowClear}
      placeholder={props.placeholder ?? '选择街道'}
      value={props.value}
      onChange={(v?: string) => props.onChange?.(v ?? undefined)}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent="本机还没有街道数据，请先同步"
      data-testid="street-select"
    />
  );
}
