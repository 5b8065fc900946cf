/** The restore's confirmation: what will be replaced, by what, and what is kept (the pre-restore backup). */
import { Alert, Descriptions, Modal, Typography } from 'antd';
import type { RestorePreview } from '../../../../shared/backup/types';
import { formatInstant } from '../../lib/dates';
import { rowsSummary } from './backup-format';

export function RestoreConfirm(props: { preview: RestorePreview; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { backup, current } = props.preview;
  const street = backup.streetName ?? current.streetName ?? '本街道';
  return (
    <Modal
      open
      title={`用 ${formatInstant(backup.createdAt)} 的备份替换本机数据库？`}
      okText="确认恢复"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={props.busy}
      onOk={props.onConfirm}
      onCancel={props.onCancel}
      width={640}
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="街道">{street}</Descriptions.Item>
        <Descriptions.Item label="备份时间">{formatInstant(backup.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="备份的内容">{rowsSummary(backup.rows)}</Descriptions.Item>
        <Descriptions.Item label="本机数据库">
          最后一次修改 {current.lastWriteAt ? formatInstant(current.lastWriteAt) : '无'}；{rowsSummary(current.rows)}
        </Descriptions.Item>
        <Descriptions.Item label="备份之后的工作">
          <span data-testid="restore-after">本机在备份之后有 {current.eventsAfterBackup} 项操作记录，恢复后本机将回到备份时的状态</span>
        </Descriptions.Item>
      </Descriptions>
      {current.enrolled && current.pendingChanges > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          message={`本机有 ${current.pendingChanges} 条修改尚未上传区级服务器`}
          description="这些修改不会随同步取回；恢复前的数据库会先另行备份，需要时可从那份备份中查看。"
        />
      )}
      {!current.enrolled && current.eventsAfterBackup > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          message="本机未登记到区级服务器：备份之后的工作不能自动取回"
          description="恢复前的数据库会先另行备份，需要时可从那份备份中查看或再恢复回来。"
        />
      )}
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        恢复前会先把当前数据库另存为一份“恢复前”备份。
        {current.enrolled ? '恢复后将立即与区级服务器同步，取回本机在备份之后已上传的修改。' : '本机未登记到区级服务器，备份之后的修改无法自动取回。'}
      </Typography.Paragraph>
    </Modal>
  );
}
