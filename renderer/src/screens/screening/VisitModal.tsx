/**
 * Fast keyboard entry of one visit: date, method (上门/电话/视频), visitor, the situation found, and
 * problems — each problem becomes an issue-ledger item in the same step. Ctrl+Enter saves.
 */
import { Button, DatePicker, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { ProblemFields } from './ProblemFields';

export const METHOD_OPTIONS = [
  { value: 'home', label: '上门' },
  { value: 'phone', label: '电话' },
  { value: 'video', label: '视频' },
];

export interface VisitTarget {
  householdId: string;
  headName: string;
  address: string;
}

interface Values {
  visitedOn: dayjs.Dayjs;
  method: string;
  visitorName: string;
  note?: string;
  problems?: { category: string; urgency: string; personId?: string; description: string }[];
}

export function VisitModal(props: { target: VisitTarget; today: string; visitor: string; onClose: () => void; onSaved: () => void }) {
  const { target, today } = props;
  const [form] = Form.useForm<Values>();
  // Esc, × or 取消 with a typed note or problem asks before it is thrown away.
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const members = useApiQuery(() => api.call('registry.getHousehold', { id: target.householdId }), [target.householdId]);
  const people = (members.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }));

  const { saving, submit } = useFormSubmit(
    form,
    (v: Values) =>
      api.call('screening.recordVisit', {
        householdId: target.householdId,
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        method: v.method as 'home',
        visitorName: v.visitorName,
        note: v.note || null,
        problems: (v.problems ?? []).map((p) => ({
          category: p.category as 'living',
          urgency: p.urgency as '1',
          personId: p.personId ?? null,
          description: p.description,
        })),
      }),
    {
      success: (r) => (r.itemIds.length > 0 ? `已登记走访，发现问题 ${r.itemIds.length} 个已列入问题台账` : '已登记走访：情况正常'),
      guard,
      onDone: props.onSaved,
    },
  );

  return (
    <Modal
      open
      width={860}
      title={`登记走访：${target.headName}（${target.address}）`}
      okText="保存（Ctrl+Enter）"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(props.onClose)}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'visit-save' } }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="visit-form"
        initialValues={{ visitedOn: dayjs(today), method: 'home', visitorName: props.visitor, problems: [] }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            form.submit();
          }
        }}
      >
        <Space size="large" wrap>
          <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true, message: '请选择走访日期' }]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
          </Form.Item>
          <Form.Item name="method" label="走访方式">
            <Radio.Group optionType="button" options={METHOD_OPTIONS} />
          </Form.Item>
          <Form.Item name="visitorName" label="走访人" rules={[{ required: true, message: '请填写走访人' }]}>
            <Input maxLength={20} autoFocus />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="走访情况">
          <Input.TextArea rows={2} maxLength={500} placeholder="家庭生活、健康、照料等情况；正常可不填" />
        </Form.Item>
        <Typography.Text strong>发现问题（每个问题登记为一项问题台账）</Typography.Text>
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} style={{ position: 'relative', paddingRight: 48 }}>
                  <ProblemFields name={f.name} people={people} index={i} />
                  <Button size="small" danger type="link" style={{ position: 'absolute', right: 0, top: 30 }} onClick={() => remove(f.name)}>
                    移除
                  </Button>
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ urgency: '2' })} data-testid="add-problem">
                添加问题
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
