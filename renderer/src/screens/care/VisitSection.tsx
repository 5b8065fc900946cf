/** Visit records by street and community staff and by social organisations (purchased services). */
import { useState } from 'react';
import { Button, Card, Checkbox, Col, Empty, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { VISIT_METHODS, VISIT_SERVICES, VISITOR_KINDS } from '../../../../shared/care/codes';
import type { Visit } from '../../../../shared/care/types';
import { labelOf } from '../../../../shared/codes';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useSession } from '../../session/session-context';
import { appClock } from '../../api/clock';
import { DateField } from '../../forms/DateField';

interface Values {
  visitDate: string;
  visitorKind: string;
  visitorName: string;
  orgName?: string;
  method: string;
  services: string[];
  content: string;
  findings?: string;
  flags: ('careFailed' | 'conditionsPoor' | 'noOtherCarer')[];
}

export function VisitSection({ personId, visits, nextDue, onChanged }: { personId: string; visits: Visit[]; nextDue: string | null; onChanged: () => void }) {
  const { session } = useSession();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('visitorKind', form);
  // Esc, × or 取消 (or leaving the page) with typed content asks first.
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: open });

  const { saving: busy, submit } = useFormSubmit(
    form,
    (v: Values) =>
      api.call('care.recordVisit', {
        personId,
        visitDate: v.visitDate,
        visitorKind: v.visitorKind as 'street',
        visitorName: v.visitorName,
        orgName: v.orgName,
        method: v.method as 'home',
        services: v.services as never,
        content: v.content,
        findings: v.findings,
        careFailed: v.flags.includes('careFailed'),
        conditionsPoor: v.flags.includes('conditionsPoor'),
        noOtherCarer: v.flags.includes('noOtherCarer'),
      }),
    {
      success: '探访记录已保存',
      onDone: () => {
        setOpen(false);
        onChanged();
      },
    },
  );

  return (
    <Card
      title="探访记录"
      data-testid="visit-section"
      extra={
        <Space>
          {nextDue && <Typography.Text type={appClock.today() > nextDue ? 'danger' : 'secondary'}>下次探访最迟 {nextDue}</Typography.Text>}
          <Button type="primary" onClick={() => setOpen(true)}>
            新增探访记录
          </Button>
        </Space>
      }
    >
      <Table<Visit>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={visits}
        locale={{ emptyText: <Empty description="暂无探访记录" /> }}
        columns={[
          { title: '日期', dataIndex: 'visitDate', width: 110 },
          { title: '探访人', key: 'who', render: (_v, r) => `${labelOf(VISITOR_KINDS, r.visitorKind)} ${r.visitorName}${r.orgName ? `（${r.orgName}）` : ''}` },
          { title: '方式', dataIndex: 'method', width: 70, render: (v: string) => labelOf(VISIT_METHODS, v) },
          { title: '服务项目', dataIndex: 'services', render: (v: string[]) => v.map((s) => <Tag key={s}>{labelOf(VISIT_SERVICES, s)}</Tag>) },
          { title: '内容', dataIndex: 'content' },
          {
            title: '发现的问题',
            key: 'findings',
            render: (_v, r) => (
              <Space direction="vertical" size={0}>
                {r.findings}
                {r.careFailed && <Tag color="red">照料服务人未尽责</Tag>}
                {r.conditionsPoor && <Tag color="red">生活条件恶劣</Tag>}
                {r.noOtherCarer && <Tag color="red">无其他照料人</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={open} width={720} title="新增探访记录" okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => guard.confirmClose(() => setOpen(false))} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={{ visitDate: appClock.today(), visitorKind: 'street', visitorName: session.user.displayName, method: 'home', services: ['visit'], flags: [] }}
        >
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label="探访日期" name="visitDate" rules={[{ required: true, message: '请填写探访日期' }]}>
                <DateField style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="探访人类别" name="visitorKind">
                <Select options={VISITOR_KINDS.map((k) => ({ value: k.code, label: k.label }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="探访方式" name="method">
                <Select options={VISIT_METHODS.map((k) => ({ value: k.code, label: k.label }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label="探访人" name="visitorName" rules={[{ required: true, whitespace: true, message: '请填写探访人' }]}>
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            {kind === 'social-org' && (
              <Col span={12}>
                <Form.Item label="社会组织名称" name="orgName" rules={[{ required: true, whitespace: true, message: '请填写社会组织名称' }]}>
                  <Input maxLength={60} />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Form.Item label="服务项目" name="services" rules={[{ required: true, message: '至少选择一项' }]}>
            <Checkbox.Group options={VISIT_SERVICES.map((s) => ({ value: s.code, label: s.label }))} />
          </Form.Item>
          <Form.Item label="探访内容" name="content" rules={[{ required: true, whitespace: true, message: '请填写探访内容' }]}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Form.Item label="发现的问题" name="findings">
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Form.Item label="照料情况" name="flags" extra="三项同时存在时，系统提示“建议纳入集中供养”">
            <Checkbox.Group
              options={[
                { value: 'careFailed', label: '照料服务人未尽照料责任' },
                { value: 'conditionsPoor', label: '生活条件恶劣' },
                { value: 'noOtherCarer', label: '无其他照料人' },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
