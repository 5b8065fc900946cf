/** Draws up an agreement: caregiver (chosen or newly registered), term, services, visit interval, 丙方. */
import { useState } from 'react';
import { Button, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Typography } from 'antd';
import { CARE_SERVICE_ITEMS } from '../../../../shared/care/codes';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useApiQuery } from '../../hooks/use-api-query';
import { CaregiverModal } from './CaregiverModal';
import { appClock } from '../../api/clock';
import { DateField } from '../../forms/DateField';

interface Values {
  caregiverId: string;
  startDate: string;
  endDate?: string;
  services: string[];
  visitIntervalDays?: number | null;
  hasPartyC: boolean;
  guardianName?: string;
  guardianRelation?: string;
  guardianPhone?: string;
}

export function AgreementModal({ open, personId, onClose, onSaved }: { open: boolean; personId: string; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: open });
  const [newCaregiver, setNewCaregiver] = useState(false);
  const caregivers = useApiQuery(() => api.call('care.listCaregivers', {}), [open], open);
  const hasPartyC = Form.useWatch('hasPartyC', form);

  const { saving: busy, submit } = useFormSubmit(
    form,
    (v: Values) =>
      api.call('care.createAgreement', {
        personId,
        caregiverId: v.caregiverId,
        startDate: v.startDate,
        endDate: v.endDate || null,
        services: v.services as never,
        visitIntervalDays: v.visitIntervalDays ?? null,
        hasPartyC: v.hasPartyC,
        guardian: v.hasPartyC && v.guardianName ? { name: v.guardianName, relation: v.guardianRelation ?? null, phone: v.guardianPhone ?? null } : null,
      }),
    {
      success: '协议草稿已拟定，打印后由三方签字，再点击“签订”',
      guard,
      onDone: () => {
        onClose();
        onSaved();
      },
      fieldPath: { dropPrefixes: ['guardian'] },
    },
  );

  return (
    <Modal open={open} width={720} title="拟定委托照料服务协议" okText="保存草稿" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => guard.confirmClose(onClose)} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        name="agreement"
        initialValues={{ startDate: appClock.today(), services: CARE_SERVICE_ITEMS.slice(0, 4).map((s) => s.code), hasPartyC: true }}
      >
        <Form.Item label="照料服务人（乙方）" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="caregiverId" noStyle rules={[{ required: true, message: '请选择照料服务人' }]}>
              <Select
                aria-label="照料服务人"
                showSearch
                optionFilterProp="label"
                placeholder="选择已登记的照料服务人"
                loading={caregivers.loading}
                options={(caregivers.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.phone}，照料${c.caseload}人）` }))}
              />
            </Form.Item>
            <Button onClick={() => setNewCaregiver(true)}>登记新照料服务人</Button>
          </Space.Compact>
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="协议起始日期" name="startDate" rules={[{ required: true, message: '请填写起始日期' }]}>
              <DateField style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="协议终止日期" name="endDate" extra="不填按默认期限">
              <DateField style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="探访间隔（天）" name="visitIntervalDays" extra="不填按政策参数">
              <InputNumber min={1} max={366} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="服务内容" name="services" rules={[{ required: true, message: '至少选择一项服务内容' }]}>
          <Checkbox.Group options={CARE_SERVICE_ITEMS.map((s) => ({ value: s.code, label: s.label }))} />
        </Form.Item>
        <Form.Item label="丙方签字" name="hasPartyC" valuePropName="checked" extra="丙方为供养对象本人；有监护人的填写监护人">
          <Switch checkedChildren="三方协议" unCheckedChildren="两方协议" />
        </Form.Item>
        {hasPartyC && (
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label="监护人姓名" name="guardianName">
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="监护人关系" name="guardianRelation">
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="监护人电话" name="guardianPhone">
                <Input maxLength={20} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Typography.Text type="secondary">照料护理补贴按供养对象的照料等级和起始日期的政策标准自动计算；协议条款取自区民政局发布的协议范本。</Typography.Text>
      </Form>
      <CaregiverModal
        open={newCaregiver}
        onClose={() => setNewCaregiver(false)}
        onSaved={(c) => {
          caregivers.reload();
          form.setFieldValue('caregiverId', c.id);
        }}
      />
    </Modal>
  );
}
