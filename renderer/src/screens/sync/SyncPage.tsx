/**
 * 同步: this device's link with the district server — status and clock-drift warning, "立即同步",
 * sync by file (U盘) when the network is gone for days, the history of runs, and changes the server
 * refused with the reason and what to do. A device not
 * yet enrolled offers enrollment to administrators.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Result, Space, Tag, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { formatInstant } from '../../lib/dates';
import { isAdminRole } from '../../lib/roles';
import { useSession } from '../../session/session-context';
import { EnrollForm } from './EnrollForm';
import { RejectionsCard } from './RejectionsCard';
import { HistoryCard } from './HistoryCard';
import { BundleCard } from './BundleCard';
import { announceSyncChange, useSyncStatus } from './use-sync-status';
import { STATE_COLOR, STATE_LABEL } from './sync-labels';
import { progressText } from '../../../../shared/sync/status';
import { appClock } from '../../api/clock';

/** How long the status card shows what a sync did on its own (the history keeps it longer). */
const NOTICE_SHOWN_MS = 7 * 24 * 3600 * 1000;

export function SyncPage() {
  const { message } = App.useApp();
  const { session, setupStatus } = useSession();
  const { status, error, reload } = useSyncStatus();
  const [running, setRunning] = useState(false);
  const [nonce, setNonce] = useState(0);

  if (!status) return error ? <ErrorBlock error={error} onRetry={reload} /> : <LoadingBlock text="正在读取同步状态…" />;

  // demo data never goes to the district server (the backend refuses it too)
  if (!status.enrolled && setupStatus.isDemo) {
    return (
      <Card title="同步">
        <Result status="info" title="演示数据不能登记到区级服务器" subTitle="演示数据只供培训和试用。真实工作请在空的数据文件夹中设置本街道，或登记到区级服务器取回本街道的数据。" />
      </Card>
    );
  }

  if (!status.enrolled) {
    return (
      <Card title="同步">
        {isAdminRole(session.user.role) ? (
          <Flex vertical gap={16} style={{ maxWidth: 560 }}>
            {status.credentialUnopenable ? (
              // a backup of another PC restored here: its device token was sealed on that PC
              <Alert type="warning" showIcon title={status.credentialUnopenable.message} description={status.credentialUnopenable.action} />
            ) : (
              <Alert
                type="info"
                showIcon
                title="本设备尚未登记到区级服务器"
                description="登记后，本机的修改会自动上传，街道其他电脑和区里的修改也会同步到本机；断网时照常工作，联网后自动补传。"
              />
            )}
            <EnrollForm onEnrolled={() => { reload(); setNonce((n) => n + 1); }} />
          </Flex>
        ) : (
          <Result
            status={status.credentialUnopenable ? 'warning' : 'info'}
            title={status.credentialUnopenable ? status.credentialUnopenable.message : '本设备尚未登记到区级服务器'}
            subTitle={status.credentialUnopenable ? '请联系街道管理员向区级管理员索取新登记码，重新登记本机；本机数据保留不变。' : '请联系街道管理员登记本设备。'}
          />
        )}
      </Card>
    );
  }

  const syncNow = async () => {
    setRunning(true);
    try {
      const run = await api.call('sync.syncNow', {});
      if (run.ok) message.success(`同步完成：上传 ${run.pushed} 条，下载 ${run.pulled + run.snapshotRows + (run.recovered ?? 0)} 条${run.rejected ? `，被拒 ${run.rejected} 条` : ''}`);
      else message.error(`同步未完成：${run.error?.message ?? ''}`);
      if (run.notice) message.info(run.notice, 10);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setRunning(false);
      announceSyncChange();
      setNonce((n) => n + 1);
    }
  };

  const drift = status.clockDrift;
  return (
    <Flex vertical gap={16}>
      <Card
        title="同步状态"
        extra={
          <Button type="primary" icon={<SyncOutlined spin={running} />} loading={running} onClick={syncNow} data-testid="sync-now">
            立即同步
          </Button>
        }
      >
        {drift && drift.level !== 'ok' && (
          <Alert
            data-testid="clock-drift"
            style={{ marginBottom: 16 }}
            type={drift.level === 'severe' ? 'error' : 'warning'}
            showIcon
            title={`时间不准：${drift.words}`}
            description={drift.action}
          />
        )}
        {status.lastNotice && appClock.now().getTime() - Date.parse(status.lastNotice.at) < NOTICE_SHOWN_MS && (
          <Alert
            data-testid="sync-notice"
            style={{ marginBottom: 16 }}
            type="info"
            showIcon
            closable
            title={`${status.lastNotice.message}（${formatInstant(status.lastNotice.at)}）`}
          />
        )}
        {status.lastError && (
          <Alert
            data-testid="sync-last-error"
            style={{ marginBottom: 16 }}
            type={status.lastError.code === 'network' ? 'warning' : 'error'}
            showIcon
            title={`${status.lastError.message}（${formatInstant(status.lastError.at)}）`}
            description={status.lastError.action}
          />
        )}
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="sync-status">
          <Descriptions.Item label="状态">
            <Tag color={STATE_COLOR[status.state]}>{STATE_LABEL[status.state]}</Tag>
            {status.progress && progressText(status.progress) && (
              <Typography.Text type="secondary" data-testid="sync-progress">
                {progressText(status.progress)}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="上次同步成功">{status.lastSyncedAt ? formatInstant(status.lastSyncedAt) : '从未'}</Descriptions.Item>
          <Descriptions.Item label="待上传的本机修改">
            <span data-testid="sync-pending">{status.pendingCount} 条</span>
          </Descriptions.Item>
          <Descriptions.Item label="被服务器拒收">{status.rejectedCount} 条</Descriptions.Item>
          <Descriptions.Item label="区级服务器">
            <Typography.Text copyable>{status.serverUrl}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="本设备范围">
            {status.scope?.kind === 'district' ? '区级（全部街道）' : `街道 ${session.street.name}`}
          </Descriptions.Item>
          {status.parkedCount > 0 && (
            <Descriptions.Item label="暂存的服务器数据" span={2}>
              <Space direction="vertical" size={0}>
                <span>{status.parkedCount} 项</span>
                <Typography.Text type="secondary">来自更新版本程序的字段或尚未到齐的记录，升级程序或下次同步后会自动写入。</Typography.Text>
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <BundleCard pendingCount={status.pendingCount} onImported={() => { announceSyncChange(); reload(); setNonce((n) => n + 1); }} />
      <RejectionsCard key={`r${nonce}`} onChanged={() => { announceSyncChange(); reload(); }} />
      <HistoryCard key={`h${nonce}`} />
    </Flex>
  );
}
