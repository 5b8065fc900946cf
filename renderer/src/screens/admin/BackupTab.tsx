/**
 * 系统管理 › 备份与恢复: the backup folder, 立即备份 (there or to a USB drive), the list of backups with
 * their time, size, row counts and check, and a restore after a confirmation that names what will
 * be replaced. The backend does the work (services/backup/); this page shows its progress.
 */
import { useState } from 'react';
import { Alert, App, Button, Empty, Flex, Progress, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CloudUploadOutlined, FolderOpenOutlined, HistoryOutlined } from '@ant-design/icons';
import type { BackupListInfo, RestorePreview, RestoreResult } from '../../../../shared/backup/types';
import type { ProgressInfo } from '../../../../shared/api/events';
import { api, errorMessage } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useBackendEvent } from '../../hooks/use-backend-events';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { formatInstant } from '../../lib/dates';
import { BackupFolderModal, RestoreFileModal } from './BackupModals';
import { rowsSummary, sizeText, KIND_LABEL } from './backup-format';
import { RestoreConfirm } from './RestoreConfirm';

type Entry = BackupListInfo['entries'][number];

export function BackupTab() {
  const { message } = App.useApp();
  const list = useApiQuery(() => api.call('backup.list', {}), []);
  const [progress, setProgress] = useState<ProgressInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [folderModal, setFolderModal] = useState<'setting' | 'usb' | null>(null);
  const [fileModal, setFileModal] = useState(false);
  const [preview, setPreview] = useState<{ preview: RestorePreview; recoveryKey: string | null } | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);

  useBackendEvent((e) => {
    if (e.type === 'progress' && e.progress.task.startsWith('backup-')) setProgress(e.progress.finished ? null : e.progress);
  });

  const backUp = async (folder?: string) => {
    setBusy(true);
    try {
      const entry = await api.call('backup.create', folder ? { folder } : {});
      if (entry.check === 'ok') message.success(`已备份到 ${entry.path}，检查完好`);
      else message.error(`备份已写入，但检查未通过：${entry.check}`);
      list.reload();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const askRestore = async (path: string, recoveryKey: string | null) => {
    try {
      setPreview({ preview: await api.call('backup.previewRestore', { path, recoveryKey }), recoveryKey });
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  const restore = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const result = await api.call('backup.restore', { path: preview.preview.path, recoveryKey: preview.recoveryKey, confirmed: true });
      setRestored(result);
      setPreview(null);
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  if (list.error && !list.data) return <ErrorBlock error={list.error} onRetry={list.reload} />;
  if (!list.data) return <LoadingBlock />;
  const info = list.data;

  const columns: TableColumnsType<Entry> = [
    { title: '备份时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatInstant(v) },
    { title: '类型', dataIndex: 'kind', width: 90, render: (k: Entry['kind']) => KIND_LABEL[k] },
    { title: '大小', dataIndex: 'bytes', width: 90, align: 'right', render: (b: number) => sizeText(b) },
    { title: '内容', key: 'rows', render: (_: unknown, e) => <Typography.Text type="secondary">{rowsSummary(e.rows)}</Typography.Text> },
    {
      title: '检查结果',
      dataIndex: 'check',
      width: 100,
      render: (c: string, e) =>
        !e.exists ? <Tag>文件已不在</Tag> : c === 'ok' ? <Tag color="green">完好</Tag> : <Tag color="red" title={c}>未通过</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_: unknown, e) => (
        <Button type="link" size="small" disabled={!e.exists || e.check !== 'ok' || busy} onClick={() => void askRestore(e.path, null)}>
          恢复
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="backup-tab">
      {restored && (
        <Alert
          type={restored.sync && !restored.sync.ok ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setRestored(null)}
          data-testid="restore-result"
          message="数据库已从备份恢复"
          description={
            <>
              <div>恢复所用的备份：{restored.restoredFrom}</div>
              <div>恢复前的数据库已另行备份：{restored.preRestore.path}</div>
              <div>{restored.sync ? restored.sync.message : '本机未登记到区级服务器：恢复后没有可取回的修改。'}</div>
            </>
          }
        />
      )}
      <Flex gap={16} wrap align="center" justify="space-between">
        <Space direction="vertical" size={0}>
          <Typography.Text>
            备份文件夹：
            <Typography.Text code data-testid="backup-folder">
              {info.folder}
            </Typography.Text>
          </Typography.Text>
          <Typography.Text type="secondary">
            每天自动备份一次（启动时或空闲时），保留最近14天、8周、12个月各一份；上次自动备份：{info.lastDaily ?? '尚无'}。
            {info.encrypted ? '备份与本机数据库一样加密，须有本机密钥或恢复密钥才能打开。' : '本机数据库未加密，备份也未加密：请妥善保管备份文件。'}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button icon={<FolderOpenOutlined />} onClick={() => setFolderModal('setting')} disabled={busy}>
            更改备份文件夹
          </Button>
          <Button icon={<CloudUploadOutlined />} onClick={() => setFolderModal('usb')} disabled={busy}>
            备份到U盘…
          </Button>
          <Button icon={<HistoryOutlined />} onClick={() => setFileModal(true)} disabled={busy}>
            从文件恢复…
          </Button>
          <Button type="primary" loading={busy} onClick={() => void backUp()}>
            立即备份
          </Button>
        </Space>
      </Flex>
      {progress && (
        <Flex vertical data-testid="backup-progress">
          <Typography.Text>{progress.label}</Typography.Text>
          <Progress percent={progress.total ? Math.floor((progress.done / progress.total) * 100) : 0} status="active" />
        </Flex>
      )}
      {info.entries.length === 0 ? (
        <Empty description="备份文件夹中还没有备份。点“立即备份”做第一份备份；此后每天自动备份。" data-testid="backup-empty" />
      ) : (
        <Table<Entry> rowKey="file" size="small" columns={columns} dataSource={info.entries} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="backup-list" />
      )}
      {/* Mounted per opening: a form kept from 更改备份文件夹 offered the backup folder to 备份到U盘. */}
      {folderModal && (
        <BackupFolderModal
          key={folderModal}
          mode={folderModal}
          current={info.folder}
          defaultFolder={info.defaultFolder}
          onClose={() => setFolderModal(null)}
          onSaved={() => list.reload()}
          onBackUp={backUp}
        />
      )}
      <RestoreFileModal open={fileModal} onClose={() => setFileModal(false)} onPreview={askRestore} />
      {preview && <RestoreConfirm preview={preview.preview} busy={busy} onCancel={() => setPreview(null)} onConfirm={() => void restore()} />}
    </Flex>
  );
}
