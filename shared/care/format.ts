/** Wording used on cards, agreements and screens. */
import { labelOf } from '../codes';
import { CARE_LEVELS, CARE_SERVICE_ITEMS } from './codes';

export function visitFrequencyText(days: number | null | undefined): string {
  if (!days) return '';
  if (days === 7) return '每周至少探访一次';
  if (days === 14) return '每两周至少探访一次';
  if (days === 30 || days === 31) return '每月至少探访一次';
  return `每${days}天至少探访一次`;
}

export function intervalText(days: number): string {
  if (days === 7) return '一周';
  if (days === 14) return '两周';
  if (days === 30 || days === 31) return '一个月';
  return `${days}天`;
}

/** 123456 fen → "1,234.56 元" */
export function yuan(fen: number): string {
  const s = (Math.abs(fen) / 100).toFixed(2);
  const [i, f] = s.split('.') as [string, string];
  return `${fen < 0 ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f} 元`;
}

export function serviceItemsText(codes: string[]): string {
  return codes.map((c) => labelOf(CARE_SERVICE_ITEMS, c)).join('、');
}

export function careLevelText(code: string | null | undefined): string {
  return labelOf(CARE_LEVELS, code);
}
