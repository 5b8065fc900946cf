import { Tag } from 'antd';
import { HOUSEHOLD_STATUSES, labelOf } from '../../../shared/codes';

const COLORS: Record<string, string> = { active: 'green', watch: 'gold', exited: 'default' };

/** 在册 / 关注 / 已退出 */
export function StatusTag({ status }: { status: string }) {
  return <Tag color={COLORS[status] ?? 'default'}>{labelOf(HOUSEHOLD_STATUSES, status)}</Tag>;
}
