/** 添加网格 / 编辑网格 */
import { Form, Input, Modal, Select } from 'antd';
import type { CommunityInfo, GridInfo } from '../../../../shared/org/schemas';
import { api } from '../../api/client';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';

export type GridFormMode = { kind: 'create'; communityId: string } | { kind: 'edit'; grid: GridInfo };

interface Values {
  communityId: string;
  name: string;
  workerName?: string;
  workerPhone?: string;
}

interface Props {
  mode: GridFormMode | null;
  communities: CommunityInfo[];
  onClose: () => void;
  onSaved: () => void;
}

export function GridFormModal({ mode, communities, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: mode !== null });
  const grid = mode?.kind === 'edit' ? mode.grid : null;

  const { saving, submit } = useFormSubmit(
    form,
    async (v: Values) => {
      return api.call('org.saveGrid', {
        ...(grid ? { id: grid.id } : {}),
        communityId: v.communityId,
        name: v.name,
        workerName: v.workerName || null,
        workerPhone: v.workerPhone || null,
      });
    },
    { success: '网格已保存', onDone: () => onSaved() },
  );

  const initialValues: Partial<Values> = grid
    ? { communityId: grid.communityId, name: grid.name, workerName: grid.workerName ?? undefined, workerPhone: grid.workerPhone ?? undefined }
    : { communityId: mode?.kind === 'create' ? mode.communityId : undefined };

  return (
    <Modal
      open={mode !== null}
      title={grid ? `编辑网格 ${grid.name}` : '添加网格'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      destroyOnHidden
    >
      <Form form={form} name="grid" layout="vertical" onFinish={submit} preserve={false} initialValues={initialValues}>
        <Form.Item label="所属社区" name="communityId" rules={[{ required: true, message: '请选择所属社区' }]}>
          <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item label="网格名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写网格名称' }]}>
          <Input autoFocus maxLength={40} placeholder="如：第一网格" />
        </Form.Item>
        <Form.Item label="网格员姓名" name="workerName">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label="网格员电话" name="workerPhone">
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
