/** A filter above a list: empty means all (the placeholder says so), clearable, searchable by its labels. */
import { Select } from 'antd';
import { filterByLabel } from '../lib/codes';

export function FilterSelect<T extends string>(props: {
  label: string;
  placeholder: string;
  width: number;
  value: T | undefined;
  options: { value: T; label: string }[];
  onChange: (v: T | undefined) => void;
  testId?: string;
}) {
  return (
    <Select<T, { value: T; label: string }>
      aria-label={props.label}
      data-testid={props.testId}
      placeholder={props.placeholder}
      allowClear
      style={{ width: props.width }}
      value={props.value}
      options={props.options}
      onChange={(v?: T) => props.onChange(v)}
      showSearch={{ filterOption: filterByLabel }}
    />
  );
}
