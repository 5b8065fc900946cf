/** The emergency plan (应急预案): contacts, nearest hospital, conditions, what to do. */
import { useRef } from 'react';
import { Button, Card, Col, Form, Input, Row, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { EmergencyPlan } from '../../../../shared/care/types';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';

interface Values {
  contacts: { name: string; relation?: string; phone: string }[];
  hospital?: string;
  hospitalPhone?: string;
  conditions?: string;
  actions?: string;
}

export function PlanSection({ personId, plan, onSaved }: { personId: string; plan: EmergencyPlan | null; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  // Input typed since the last save: leaving the page asks first.
  const edited = useRef(false);
  useUnsavedGuard(() => edited.current);
  const { saving: busy, submit } = useFormSubmit(
    form,
    (v: Values) => api.call('care.savePlan', { personId, contacts: v.contacts ?? [], hospital: v.hospital, hospitalPhone: v.hospitalPhone, conditions: v.conditions, actions: v.actions }),
    {
      success: '应急预案已保存',
      onDone: () => {
        edited.current = false;
        onSaved();
      },
    },
  );
  const initial: Values = {
    contacts: plan?.contacts.map((c) => ({ name: c.name, relation: c.relation ?? '', phone: c.phone })) ?? [{ name: '', relation: '', phone: '' }],
    hospital: plan?.hospital ?? '',
    hospitalPhone: plan?.hospitalPhone ?? '',
    conditions: plan?.conditions ?? '',
    actions: plan?.actions ?? '',
  };
  return (
    <Card title="应急预案" data-testid="plan-section">
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} name="plan" onValuesChange={() => (edited.current = true)}>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline">
                  <Form.Item label={i === 0 ? '紧急联系人' : undefined} name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                    <Input placeholder="姓名" aria-label={`紧急联系人${i + 1}姓名`} maxLength={30} />
                  </Form.Item>
                  <Form.Item label={i === 0 ? '关系' : undefined} name={[f.name, 'relation']}>
                    <Input placeholder="关系" aria-label={`紧急联系人${i + 1}关系`} maxLength={20} />
                  </Form.Item>
                  <Form.Item label={i === 0 ? '电话' : undefined} name={[f.name, 'phone']} rules={[{ required: true, message: '请填写电话' }]}>
                    <Input placeholder="电话" aria-label={`紧急联系人${i + 1}电话`} maxLength={20} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="删除联系人" onClick={() => remove(f.name)} />
                </Space>
              ))}
              {fields.length < 5 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', relation: '', phone: '' })} style={{ marginBottom: 12 }}>
                  添加紧急联系人
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="就近医院" name="hospital">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="医院电话" name="hospitalPhone">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="健康风险与注意事项" name="conditions">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item label="应急处置措施" name="actions">
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存应急预案
        </Button>
      </Form>
    </Card>
  );
}
