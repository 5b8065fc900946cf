/** What the ID-number field says while the user types: progress, the derived facts, or the error. */
import { ageOn, parseIdNumber } from '../../../shared/id-number';

export type IdNumberHint =
  | { status: 'empty' }
  | { status: 'typing'; text: string }
  | { status: 'ok'; text: string; birthDate: string; sex: 'male' | 'female'; age: number }
  | { status: 'error'; text: string };

export function describeIdNumber(raw: string | null | undefined, today: string): IdNumberHint {
  const value = (raw ?? '').trim().toUpperCase();
  if (value === '') return { status: 'empty' };
  if (value.length < 18 && /^\d*X?$/.test(value) && !value.endsWith('X')) {
    return { status: 'typing', text: `已输入 ${value.length} 位，共 18 位` };
  }
  const r = parseIdNumber(value, today);
  if (!r.ok) return { status: 'error', text: r.message };
  const age = ageOn(r.info.birthDate, today);
  const sexLabel = r.info.sex === 'male' ? '男' : '女';
  return {
    status: 'ok',
    text: `出生日期 ${r.info.birthDate}，${sexLabel}，${age} 岁`,
    birthDate: r.info.birthDate,
    sex: r.info.sex,
    age,
  };
}
