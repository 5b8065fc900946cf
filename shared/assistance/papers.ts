/** Wording of a 先行救助's papers owed, for the list, the audit and the ledger item's history. */
import { labelOf } from '../codes';
import { TEMP_PAPERS } from './codes';
import type { OwedPaper } from './types';

export function paperName(p: OwedPaper): string {
  return p.code === 'other' && p.note ? `其他（${p.note}）` : labelOf(TEMP_PAPERS, p.code);
}

/** "材料待补：身份证明、收入证明，限 2026-03-21 前补齐", or null when nothing is owed. */
export function owedText(papers: readonly OwedPaper[] | null, dueOn: string | null): string | null {
  const owed = (papers ?? []).filter((p) => p.receivedOn === null);
  if (owed.length === 0) return null;
  return `材料待补：${owed.map(paperName).join('、')}，限 ${dueOn ?? ''} 前补齐`;
}
