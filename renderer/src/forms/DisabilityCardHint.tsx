/** 残疾人证号 = ID number + category digit + grade digit, shown once all three are known. */
import { Form, Typography } from 'antd';
import { disabilityCardNumber } from '../../../shared/codes';
import { parseIdNumber } from '../../../shared/id-number';
import type { NamePath } from '../lib/field-path';

/** The hint under 残疾等级, or undefined (no empty space) while the card number is not known. */
export function useDisabilityCardHint(absolute: NamePath) {
  const id = Form.useWatch([...absolute, 'idNumber']) as string | undefined;
  const category = Form.useWatch([...absolute, 'disabilityCategory']) as string | undefined;
  const grade = Form.useWatch([...absolute, 'disabilityGrade']) as string | undefined;
  const parsed = id ? parseIdNumber(id) : null;
  if (!parsed?.ok) return undefined;
  const card = disabilityCardNumber(parsed.info.idNumber, category ?? null, grade ?? null);
  return card ? <Typography.Text type="secondary">残疾人证号 {card}</Typography.Text> : undefined;
}
