/** Editing a 通报 draft: title, 文号, the streets it names (they see it once published) and the body. */
import { Form, Input, Modal, Select } from 'antd';
import type { Circular, CircularDraft } from '../../../../../shared/reports/snapshots';
import { DONGLI_STREETS } from '../../../../../shared/streets';
import { api } from '../../../api/client';
import { useFormSubmit } from '../../../hooks/use-form-submit';
import { useUnsavedGuard } from '../../../hooks/use-unsaved-guard';

type Values = Omit<CircularDraft, 'month'>;

const STREET_OPTIONS = DONGLI_STREETS.map((s) => ({ value: s.code, label: s.name }));

export function CircularEditor(props: { month: string; initial: (CircularDraft & { id?: string }) | null; onClose: () => void; onSaved: (c: Circular) => void }) {
  const [form] = Form.useForm<Values>();
  const open = props.initial !== null;
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: open });
  const id = props.initial?.id;
  const { saving, submit } = useFormSubmit(form, (v: Values) => api.call('reports.saveCircular', { ...v, id, month: props.initial?.month ?? props.month }), {
    success: '通报草稿已保存',
    onDone: (c) => {
      guard.release();
      props.onSaved(c);
    },
  });
  return (
    <Modal
      open={open}
      title={id ? '修改通报草稿' : '拟定通报'}
      width={900}
      okText="保存草稿"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(props.onClose)}
      destroyOnHidden
    >
      {props.initial && (
        <Form form={form} name="circular" layout="vertical" onFinish={submit} preserve={false} initialValues={props.initial} data-testid="circular-form">
          <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写通报标题' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="文号" name="docNumber" extra="发布前须填写，如：东丽民通〔2026〕3号">
            <Input maxLength={40} placeholder="东丽民通〔年份〕号" />
          </Form.Item>
          <Form.Item label="点名的街道（发布后在这些街道的工作台显示）" name="streetCodes">
            <Select mode="multiple" options={STREET_OPTIONS} allowClear placeholder="不点名任何街道" />
          </Form.Item>
          <Form.Item label="正文" name="body" rules={[{ required: true, whitespace: true, message: '请填写通报正文' }]}>
            <Input.TextArea autoSize={{ minRows: 12, maxRows: 24 }} maxLength={20000} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
