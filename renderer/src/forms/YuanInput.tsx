/** Money input in yuan (元): free text with at most two decimals; converted to fen on save. */
import { Input } from 'antd';
import type { InputProps } from 'antd';

export function YuanInput(props: Omit<InputProps, 'suffix' | 'inputMode'>) {
  return <Input {...props} inputMode="decimal" suffix="元" placeholder={props.placeholder ?? '0.00'} maxLength={16} />;
}

export const yuanRules = [
  { required: true, message: '请填写月收入金额' },
  {
    pattern: /^\s*\d{1,12}(\.\d{0,2})?\s*$/,
    message: '金额应为不小于0的数字，最多两位小数',
  },
];
