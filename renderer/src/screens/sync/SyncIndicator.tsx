/** The always-visible sync indicator in the header: state, last synced, pending changes; opens 同步. */
import { Badge, Button, Tooltip } from 'antd';
import { CloudSyncOutlined, DisconnectOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { navigate } from '../../router/use-route';
import { formatInstant } from '../../lib/dates';
import { useSyncStatus } from './use-sync-status';
import { indicatorText, STATE_COLOR } from './sync-labels';

export function SyncIndicator() {
  const { status, error } = useSyncStatus();
  if (!status) {
    return (
      <Button type="text" data-testid="sync-indicator" onClick={() => navigate({ name: 'sync' })} icon={<CloudSyncOutlined />}>
        {error ? '同步状态未知' : '同步…'}
      </Button>
    );
  }
  const icon =
    status.state === 'syncing' ? <SyncOutlined spin /> : status.state === 'offline' ? <DisconnectOutlined /> : status.state === 'error' ? <ExclamationCircleOutlined /> : <CloudSyncOutlined />;
  const tip = [
    status.enrolled ? `上次同步：${status.lastSyncedAt ? formatInstant(status.lastSyncedAt) : '从未'}` : '本设备尚未登记到区级服务器',
    status.enrolled ? `待上传修改：${status.pendingCount} 条` : null,
    status.lastError ? `${status.lastError.message}。${status.lastError.action}` : null,
    status.clockDrift && status.clockDrift.level !== 'ok' ? status.clockDrift.words : null,
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{tip}</span>}>
      <Button type="text" data-testid="sync-indicator" data-state={status.state} icon={icon} onClick={() => navigate({ name: 'sync' })}>
        <Badge status={STATE_COLOR[status.state] as 'success'} />
        <span>{indicatorText(status)}</span>
        {status.enrolled && status.lastSyncedAt && (
          <span style={{ color: '#8c8c8c' }}>{` · ${formatInstant(status.lastSyncedAt).slice(11)} 已同步`}</span>
        )}
      </Button>
    </Tooltip>
  );
}
