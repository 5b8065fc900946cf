/** 关注台账: households and persons watched; an entry moves to the issue ledger when a need appears. */
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Radio, Segmented, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { labelOf } from '../../../../shared/codes';
import { WATCH_STATUSES } from '../../../../shared/ledger/codes';
import type { WatchRow } from '../../../../shared/ledger/schemas';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { ReasonModal } from '../../components/ReasonModal';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatInstant } from '../../lib/dates';
import { showFormError } from '../../lib/form-errors';
import { navigate } from '../../router/use-route';
import { HouseholdPicker } from './HouseholdPicker';
import { CATEGORY_OPTIONS } from './ledger-ui';
import { StreetSelect, useIsDistrict } from '../../components/StreetSelect';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';

function AddModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ householdId: string; reason: string }>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const submit = async (v: { householdId: string; reason: string }) => {
    try {
      await api.call('ledger.watchAdd', { householdId: v.householdId, reason: v.reason, personId: null });
      message.success('已列入关注台账');
      onDone();
    } catch (e) {
      showFormError(form, e, message);
    }
  };
  return (
    <Modal open title="列入关注台账" okText="保存" cancelText="取消" onOk={() => form.submit()} onCancel={() => guard.confirmClose(onClose)} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="householdId" label="家庭" rules={[{ required: true, message: '请选择家庭' }]}>
          <HouseholdPicker />
        </Form.Item>
        <Form.Item name="reason" label="关注原因" rules={[{ required: true, whitespace: true, message: '请填写关注原因' }]}>
          <Input.TextArea rows={3} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PromoteModal({ row, onClose }: { row: WatchRow; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ category: string; urgency: string; description: string }>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const submit = async (v: { category: string; urgency: string; description: string }) => {
    try {
      const d = await api.call('ledger.watchPromote', { id: row.id, category: v.category as 'living', urgency: v.urgency as '1', description: v.description });
      message.success(`已转入问题台账：${d.itemNo}`);
      guard.release();
      navigate({ name: 'ledger-item', id: d.id });
    } catch (e) {
      showFormError(form, e, message);
    }
  };
  return (
    <Modal open title={`转入问题台账：${row.headName}`} okText="转入问题台账" cancelText="取消" onOk={() => form.submit()} onCancel={() => guard.confirmClose(onClose)} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ urgency: '2', description: row.reason }}>
        <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
          <Radio.Group optionType="button" options={CATEGORY_OPTIONS} />
        </Form.Item>
        <Form.Item name="urgency" label="紧急程度">
          <Radio.Group optionType="button" options={[{ value: '1', label: '一级 急难' }, { value: '2', label: '二级' }]} />
        </Form.Item>
        <Form.Item name="description" label="问题描述" rules={[{ required: true, whitespace: true, message: '请填写问题描述' }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function WatchView() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<string>('watching');
  const district = useIsDistrict();
  const [street, setStreet] = useState<string | undefined>(undefined);
  const q = useApiQuery(
    () => api.call('ledger.watchList', { status: status === 'all' ? undefined : (status as 'watching'), streetCode: street }),
    [status, street],
  );
  const [adding, setAdding] = useState(false);
  const [promoting, setPromoting] = useState<WatchRow | null>(null);
  const [ending, setEnding] = useState<WatchRow | null>(null);
  const columns: TableColumnsType<WatchRow> = [
    ...(district ? [{ title: '街道', dataIndex: 'streetName', width: 120 }] : []),
    { title: '户主', dataIndex: 'headName', width: 100 },
    { title: '当事人', dataIndex: 'personName', width: 90, render: (v: string | null) => v ?? '全户' },
    { title: '家庭住址', dataIndex: 'address' },
    { title: '关注原因', dataIndex: 'reason' },
    { title: '列入时间', dataIndex: 'createdAt', width: 140, render: formatInstant },
    { title: '状态', dataIndex: 'status', width: 120, render: (v: string) => <Tag>{labelOf(WATCH_STATUSES, v)}</Tag> },
    {
      title: '操作',
      width: 200,
      render: (_, r) =>
        r.status === 'watching' ? (
          <Space size={4}>
            <Button size="small" type="primary" onClick={() => setPromoting(r)}>
              转入问题台账
            </Button>
            <Button size="small" onClick={() => setEnding(r)}>
              解除关注
            </Button>
          </Space>
        ) : r.itemId ? (
          <a href={`#/ledger/${r.itemId}`}>查看台账事项</a>
        ) : null,
    },
  ];
  return (
    <div data-testid="watch-list">
      <Space style={{ marginBottom: 12 }}>
        {district && <StreetSelect allowClear placeholder="全部街道" ariaLabel="街道筛选" value={street} onChange={setStreet} />}
        <Segmented value={status} onChange={(v) => setStatus(String(v))} options={[...WATCH_STATUSES.map((s) => ({ value: s.code, label: s.label })), { value: 'all', label: '全部' }]} />
        {/* Households are put on watch by their street's office; the district reviews and ends entries. */}
        {!district && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            列入关注
          </Button>
        )}
      </Space>
      {q.error ? <ErrorBlock error={q.error} onRetry={q.reload} /> : <Table<WatchRow> rowKey="id" size="small" loading={q.loading} columns={columns} dataSource={q.data ?? []} locale={{ emptyText: '关注台账为空' }} />}
      {adding && <AddModal onClose={() => setAdding(false)} onDone={() => (setAdding(false), q.reload())} />}
      {promoting && <PromoteModal row={promoting} onClose={() => setPromoting(null)} />}
      {ending && (
        <ReasonModal
          open
          title={`解除关注：${ending.headName}`}
          description="解除后该家庭不再列在关注台账中（记录保留）。"
          okText="解除关注"
          onClose={() => setEnding(null)}
          onConfirm={async (reason: string) => {
            await api.call('ledger.watchEnd', { id: ending.id, reason });
            message.success('已解除关注');
            q.reload();
          }}
        />
      )}
    </div>
  );
}
