/** 新建社区 / 编辑社区 */
import { Form, Input, Modal, Radio } from 'antd';
import type { CommunityInfo } from '../../../../shared/org/schemas';
import { api } from '../../api/client';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';

interface Values {
  name: string;
  kind: 'community' | 'village';
  contactName?: string;
  contactPhone?: string;
}

interface Props {
  community: CommunityInfo | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}

export function CommunityFormModal({ community, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: community !== null });
  const existing = community && community !== 'new' ? community : null;

  const { saving, submit } = useFormSubmit(
    form,
    async (v: Values) => {
      return api.call('org.saveCommunity', {
        ...(existing ? { id: existing.id } : {}),
        name: v.name,
        kind: v.kind,
        contactName: v.contactName || null,
        contactPhone: v.contactPhone || null,
      });
    },
    { success: '社区已保存', onDone: () => onSaved() },
  );

  return (
    <Modal
      open={community !== null}
      title={existing ? `编辑社区 ${existing.name}` : '新建社区'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      destroyOnHidden
    >
      <Form
        form={form}
        name="community"
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={
          existing
            ? { name: existing.name, kind: existing.kind, contactName: existing.contactName ?? undefined, contactPhone: existing.contactPhone ?? undefined }
            : { kind: 'community' }
        }
      >
        <Form.Item label="社区名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写社区名称' }]}>
          <Input autoFocus maxLength={40} />
        </Form.Item>
        <Form.Item label="类型" name="kind">
          <Radio.Group options={[{ value: 'community', label: '社区' }, { value: 'village', label: '村' }]} />
        </Form.Item>
        <Form.Item label="社区联系人" name="contactName">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label="社区联系电话" name="contactPhone">
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
