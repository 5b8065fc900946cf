/**
 * 修订协议范本: the district's revision of the entrusted-care agreement template, effective from a
 * date. Starts from the wording in force; sections and clauses can be added, removed and reordered;
 * placeholders are checked as the user saves (a misspelt one would print as a blank).
 */
import { Button, Card, Col, DatePicker, Form, Input, Modal, Row, Space, Table, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { AgreementTemplateSchema, TEMPLATE_PLACEHOLDERS, type AgreementTemplate } from '../../../../shared/care/template';
import { api } from '../../api/client';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { appClock } from '../../api/clock';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';

interface Values extends AgreementTemplate {
  effectiveFrom: dayjs.Dayjs;
  note?: string;
  retroactiveReason?: string;
}

const PLACEHOLDER_ROWS = Object.entries(TEMPLATE_PLACEHOLDERS).map(([key, label]) => ({ key, code: `{{${key}}}`, label }));

function Clauses({ section }: { section: number }) {
  return (
    <Form.List name={[section, 'clauses']}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, j) => (
            <Space key={f.key} align="start" style={{ display: 'flex' }}>
              <Form.Item name={f.name} style={{ flex: 1, width: 560, marginBottom: 8 }} label={`第${j + 1}款`}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
              </Form.Item>
              <Button size="small" icon={<DeleteOutlined />} aria-label={`删除第${j + 1}款`} disabled={fields.length === 1} onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
            添加一款
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function TemplateEditorModal({ initial, onClose, onSaved }: { initial: AgreementTemplate; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const effective = Form.useWatch('effectiveFrom', form);
  const past = effective ? effective.isBefore(dayjs(appClock.today()), 'day') : false;
  const { saving, submit } = useFormSubmit<Values, unknown>(
    form,
    async (v) => {
      const { effectiveFrom, note, retroactiveReason, ...rest } = v;
      const template: AgreementTemplate = { title: rest.title, version: rest.version, preamble: rest.preamble ?? '', sections: rest.sections, closing: rest.closing ?? '' };
      const checked = AgreementTemplateSchema.safeParse(template);
      if (!checked.success) {
        form.setFields(checked.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
        form.scrollToField(checked.error.issues[0]!.path as never, { block: 'center', focus: true });
        throw new Error(`范本有误：${checked.error.issues[0]!.message}`);
      }
      return api.call('policy.setParam', {
        key: 'care.agreementTemplate',
        value: checked.data,
        effectiveFrom: effectiveFrom.format('YYYY-MM-DD'),
        note: note || null,
        retroactiveReason: retroactiveReason || null,
      });
    },
    { success: '范本已保存：自生效日期起新起草的协议使用新范本', onDone: onSaved },
  );
  return (
    <Modal
      open
      width={1100}
      title="修订委托照料服务协议范本"
      okText="保存修订"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      destroyOnHidden
      styles={{ body: { maxHeight: '70vh', overflow: 'auto' } }}
    >
      <Row gutter={16}>
        <Col span={16}>
          <Form form={form} layout="vertical" onFinish={submit} initialValues={{ ...initial, effectiveFrom: dayjs(appClock.daysFromToday(1)) }} data-testid="template-form">
            <Row gutter={12}>
              <Col span={16}>
                <Form.Item name="title" label="协议标题" rules={[{ required: true, message: '请填写协议标题' }]}>
                  <Input maxLength={60} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="version" label="范本版本" rules={[{ required: true, message: '请填写范本版本' }]}>
                  <Input maxLength={40} data-testid="template-version" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="preamble" label="前言">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} data-testid="template-preamble" />
            </Form.Item>
            <Form.List name="sections">
              {(fields, { add, remove, move }) => (
                <>
                  {fields.map((f, i) => (
                    <Card
                      key={f.key}
                      size="small"
                      style={{ marginBottom: 12 }}
                      title={
                        <Form.Item name={[f.name, 'heading']} style={{ margin: 0 }} aria-label={`第${i + 1}条标题`}>
                          <Input placeholder="条款标题，如：第三条　服务内容" maxLength={60} />
                        </Form.Item>
                      }
                      extra={
                        <Space size={4}>
                          <Button size="small" icon={<ArrowUpOutlined />} aria-label="上移" disabled={i === 0} onClick={() => move(i, i - 1)} />
                          <Button size="small" icon={<ArrowDownOutlined />} aria-label="下移" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} />
                          <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除第${i + 1}条`} disabled={fields.length === 1} onClick={() => remove(f.name)} />
                        </Space>
                      }
                    >
                      <Clauses section={f.name} />
                    </Card>
                  ))}
                  <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ heading: '', clauses: [''] })}>
                    添加一条
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item name="closing" label="结尾" style={{ marginTop: 16 }}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
                  <DatePicker style={{ width: '100%' }} data-testid="template-date" />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item name="note" label="依据/备注（文件号、来源）">
                  <Input maxLength={300} />
                </Form.Item>
              </Col>
            </Row>
            {past && (
              <Form.Item name="retroactiveReason" label="追溯调整原因（生效日期早于今天时必填）" rules={[{ required: true, message: '追溯调整须填写原因' }]}>
                <Input.TextArea rows={2} maxLength={300} />
              </Form.Item>
            )}
          </Form>
        </Col>
        <Col span={8} style={{ position: 'sticky', top: 0, alignSelf: 'flex-start' }}>
          <Typography.Title level={5}>可用的占位符</Typography.Title>
          <Typography.Paragraph type="secondary">打印协议时自动填入当事人和协议内容；没有取值的打印为空线，由经办人手填。</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={PLACEHOLDER_ROWS}
            showHeader={false}
            columns={[
              {
                render: (_, r) => (
                  <div>
                    <Typography.Text code copyable style={{ whiteSpace: 'nowrap', fontSize: 12 }}>{r.code}</Typography.Text>
                    <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12 }}>{r.label}</div>
                  </div>
                ),
              },
            ]}
          />
        </Col>
      </Row>
    </Modal>
  );
}
