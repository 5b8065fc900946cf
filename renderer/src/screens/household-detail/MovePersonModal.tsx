/** 迁移到其他家庭: find the target household by search, choose the relation there, move. */
import { useState } from 'react';
import { Alert, Form, Modal, Select, Typography } from 'antd';
import type { PersonDetail } from '../../../../shared/registry/types';
import { RELATIONS, type RelationCode } from '../../../../shared/codes';
import { api } from '../../api/client';
import { toOptions } from '../../lib/codes';
import { useHouseholdSearch } from './use-household-search';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';

interface Props {
  person: PersonDetail | null;
  onClose: () => void;
  onMoved: () => void;
}

interface Values {
  toHouseholdId: string;
  relation: RelationCode;
}

const relationOptions = toOptions(RELATIONS);

export function MovePersonModal({ person, onClose, onMoved }: Props) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: person !== null });
  const [text, setText] = useState('');
  const search = useHouseholdSearch(text, person?.householdId ?? '');
  const { saving: busy, submit } = useFormSubmit(
    form,
    (v: Values) => api.call('registry.movePerson', { id: person?.id ?? '', toHouseholdId: v.toHouseholdId, relation: v.relation }),
    { success: `已将 ${person?.name ?? ''} 迁移到其他家庭`, guard, onDone: onMoved, fieldPath: { rename: { id: 'toHouseholdId' } } },
  );

  return (
    <Modal
      open={person !== null}
      title={person ? `迁移 ${person.name} 到其他家庭` : ''}
      okText="迁移"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setText('');
      }}
    >
      {person?.relation === '02' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="此人是本户户主，迁出后请为本户另行指定户主。" />
      )}
      <Form form={form} name="movePerson" layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item label="目标家庭" name="toHouseholdId" rules={[{ required: true, message: '请选择目标家庭' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setText }}
            autoFocus
            placeholder="输入户主或成员的姓名、拼音、身份证号查找"
            loading={search.loading}
            options={search.options}
            notFoundContent={
              search.error ?? (text.trim() ? (search.loading ? '正在查找…' : '没有找到家庭') : '请输入查找内容')
            }
          />
        </Form.Item>
        <Form.Item label="迁入后与户主关系" name="relation" rules={[{ required: true, message: '请选择与户主关系' }]}>
          <Select options={relationOptions} placeholder="请选择" />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">迁移会记入操作日志。</Typography.Text>
    </Modal>
  );
}
