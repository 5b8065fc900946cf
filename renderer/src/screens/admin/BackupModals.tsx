/** The backup page's small forms: a folder (the backup folder, or a USB drive for 立即备份) and a file to restore from. */
import { Form, Input, Modal, Typography } from 'antd';
import { api } from '../../api/client';
import { useFormSubmit } from '../../hooks/use-form-submit';

export function BackupFolderModal(props: {
  mode: 'setting' | 'usb' | null;
  current: string;
  defaultFolder: string;
  onClose: () => void;
  onSaved: () => void;
  onBackUp: (folder: string) => Promise<boolean>;
}) {
  const [form] = Form.useForm<{ folder: string }>();
  const setting = props.mode === 'setting';
  // 立即备份 toasts its own outcome (onBackUp, false when it failed); a saved folder is toasted here.
  const { saving, submit } = useFormSubmit(
    form,
    async ({ folder }: { folder: string }) => (setting ? await api.call('backup.setFolder', { folder }) : await props.onBackUp(folder)),
    {
      success: (r) => (typeof r === 'object' ? `备份文件夹已改为 ${r.folder}` : null),
      onDone: (r) => {
        if (typeof r === 'object') props.onSaved();
        if (r !== false) props.onClose();
      },
    },
  );

  return (
    <Modal
      open={props.mode !== null}
      title={setting ? '更改备份文件夹' : '备份到U盘或其他文件夹'}
      okText={setting ? '保存' : '立即备份'}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} name="backupFolder" layout="vertical" onFinish={submit} preserve={false} initialValues={{ folder: setting ? props.current : '' }}>
        <Form.Item
          label="文件夹（完整路径）"
          name="folder"
          rules={[{ required: true, message: '请填写文件夹的完整路径' }]}
          extra={
            setting ? (
              <Typography.Text type="secondary">建议选择另一块硬盘或网络共享文件夹。默认：{props.defaultFolder}</Typography.Text>
            ) : (
              '例如 E:\\ 或 /media/u盘：文件夹须已存在。备份文件已加密，没有本机密钥或恢复密钥无法打开。'
            )
          }
        >
          <Input autoFocus maxLength={1000} placeholder={setting ? props.defaultFolder : 'E:\\'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RestoreFileModal(props: { open: boolean; onClose: () => void; onPreview: (path: string, recoveryKey: string | null) => Promise<boolean> }) {
  const [form] = Form.useForm<{ path: string; recoveryKey?: string }>();
  // The preview toasts its own refusal (onPreview, false when refused); the modal stays open then.
  const { saving: checking, submit } = useFormSubmit(
    form,
    ({ path, recoveryKey }: { path: string; recoveryKey?: string }) => props.onPreview(path, recoveryKey?.trim() ? recoveryKey : null),
    { onDone: (ok) => (ok ? props.onClose() : undefined) },
  );

  return (
    <Modal
      open={props.open}
      title="从备份文件恢复"
      okText="检查备份"
      cancelText="取消"
      confirmLoading={checking}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} name="restoreFile" layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item label="备份文件（完整路径）" name="path" rules={[{ required: true, message: '请填写备份文件的完整路径' }]}>
          <Input autoFocus maxLength={1000} placeholder="E:\doudi-20260601-103000-manual.sqlite" />
        </Form.Item>
        <Form.Item label="恢复密钥" name="recoveryKey" extra="仅当备份来自另一台电脑时填写那台电脑的恢复密钥（纸面上14组，每组4位）；本机的备份不用填写。">
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
