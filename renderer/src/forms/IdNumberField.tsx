/**
 * 身份证号码 with live checking: while typing it counts the digits; a complete number shows the birth
 * date, sex and age it encodes, or the error of parseIdNumber (area code, birth date, check digit)
 * under the field; leaving the field with too few characters says so. Every form that takes an
 * ID number uses this field.
 */
import { Form, Input, Typography } from 'antd';
import type { NamePath } from '../lib/field-path';
import { describeIdNumber } from '../lib/id-number-hint';
import { todayText } from '../lib/dates';

interface Props {
  name: NamePath;
  absolute: NamePath;
  autoFocus?: boolean;
  /** Default 身份证号码. */
  label?: string;
}

function hintText(value: string | undefined) {
  const hint = describeIdNumber(value, todayText());
  if (hint.status === 'ok') return <Typography.Text type="success" data-testid="id-number-hint">{hint.text}</Typography.Text>;
  if (hint.status === 'typing') return <Typography.Text type="secondary">{hint.text}</Typography.Text>;
  return undefined;
}

export function IdNumberField({ name, absolute, autoFocus, label = '身份证号码' }: Props) {
  const value = Form.useWatch(absolute) as string | undefined;
  return (
    <Form.Item
      label={label}
      name={name}
      validateTrigger={['onChange', 'onBlur']}
      normalize={(v: string | undefined) => (v ?? '').replace(/\s/g, '').toUpperCase()}
      extra={hintText(value)}
      rules={[
        { required: true, message: '请填写身份证号码' },
        // On blur too: a blur runs only the rules of its trigger and its result replaces the
        // field's errors, so an onChange-only rule's message vanished as the user left the field.
        {
          validateTrigger: ['onChange', 'onBlur'],
          validator: (_, v: string | undefined) => {
            const hint = describeIdNumber(v, todayText());
            return hint.status === 'error' ? Promise.reject(new Error(hint.text)) : Promise.resolve();
          },
        },
        {
          validateTrigger: 'onBlur',
          validator: (_, v: string | undefined) => {
            const hint = describeIdNumber(v, todayText());
            return hint.status === 'typing'
              ? Promise.reject(new Error('身份证号码应为18位，前17位为数字，最后一位为数字或X'))
              : Promise.resolve();
          },
        },
      ]}
    >
      <Input className="doudi-mono" maxLength={18} autoComplete="off" autoFocus={autoFocus} placeholder="18位居民身份证号码" />
    </Form.Item>
  );
}
