/** Chinese words for sync states and run triggers. */
import { progressText, type SyncState, type SyncStatus, type SyncTrigger } from '../../../../shared/sync/status';

export const STATE_LABEL: Record<SyncState, string> = {
  'not-enrolled': '未登记',
  syncing: '正在同步',
  online: '在线',
  offline: '离线',
  error: '同步出错',
  never: '尚未同步',
};

export const STATE_COLOR: Record<SyncState, string> = {
  'not-enrolled': 'default',
  syncing: 'processing',
  online: 'success',
  offline: 'warning',
  error: 'error',
  never: 'default',
};

export const TRIGGER_LABEL: Record<SyncTrigger, string> = {
  start: '程序启动',
  interval: '定时',
  'local-change': '本机修改后',
  manual: '手动（立即同步）',
  network: '网络恢复',
  enroll: '设备登记',
};

/** One short line for the header: state, and what waits. */
export function indicatorText(s: SyncStatus): string {
  if (!s.enrolled) return s.credentialUnopenable ? '需重新登记同步' : '未登记同步';
  const parts = [STATE_LABEL[s.state]];
  const moved = s.progress ? progressText(s.progress) : '';
  if (moved) parts.push(moved);
  if (s.pendingCount > 0) parts.push(`待上传 ${s.pendingCount} 条`);
  if (s.rejectedCount > 0) parts.push(`被拒 ${s.rejectedCount} 条`);
  return parts.join(' · ');
}
