/** What a refused change changed, in words staff read: Chinese field names, at most four, then a count. */
import type { RejectedChangeInfo } from '../../../../shared/sync/status';
import { fieldLabel } from '../../../../shared/sync/field-labels';

const HIDDEN = new Set(['id', 'created_at', 'updated_at', 'street_code', 'password_hash']);

export function changedText(r: Pick<RejectedChangeInfo, 'fields'>): string {
  const entries = Object.entries(r.fields).filter(([k]) => !HIDDEN.has(k));
  const named = entries.filter(([k]) => fieldLabel(k) !== null);
  const parts = named.slice(0, 4).map(([k, v]) => {
    if (k === 'deleted_at') return v === null ? '恢复记录' : '删除记录';
    return `${fieldLabel(k)}＝${v === null ? '（空）' : String(v).slice(0, 30)}`;
  });
  const others = entries.length - Math.min(named.length, 4);
  if (others > 0) parts.push(`另有${others}项`);
  return parts.join('；') || '（新建记录）';
}
