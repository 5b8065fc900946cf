/**
 * 先行救助 on the 临时救助 list: the papers owed with the days left (or overdue) and the recording
 * of papers received, and the choice of papers owed when a supervisor approves before they are complete.
 */
import { Checkbox, Form, Input, Modal, Tag, Typography } from 'antd';
import type { OwedPaper, TemporaryRow } from '../../../../shared/assistance/types';
import { TEMP_PAPERS, type TempPaper } from '../../../../shared/assistance/codes';
import { paperName } from '../../../../shared/assistance/papers';
import { daysBetween } from '../../../../shared/time/calendar-days';
import { api } from '../../api/client';
import { appClock } from '../../api/clock';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';

export const PAPER_OPTIONS = TEMP_PAPERS.map((p) => ({ value: p.code, label: p.label }));

export function outstanding(r: TemporaryRow): OwedPaper[] {
  return (r.papersOwed ?? []).filter((p) => p.receivedOn === null);
}

/** 材料待补 with its countdown in days, 材料逾期, or 材料已补齐. */
export function PapersStatus({ row }: { row: TemporaryRow }) {
  if (!row.papersOwed) return null;
  if (row.papersCompletedAt) return <Tag color="green">材料已补齐</Tag>;
  const left = daysBetween(appClock.today(), row.papersDueOn ?? appClock.today());
  const owed = outstanding(row).map(paperName).join('、');
  return (
    <div data-testid="papers-status">
      {row.papersOverdue ? <Tag color="red">{`材料逾期 ${-left} 天`}</Tag> : <Tag color="orange">{left === 0 ? '材料待补：今日到期' : `材料待补：剩余 ${left} 天`}</Tag>}
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{`${owed}；限 ${row.papersDueOn ?? ''} 前`}</div>
    </div>
  );
}

/** The 先行救助 part of the approval form (a supervisor's). */
export function AdvanceFields() {
  const advance = Form.useWatch<boolean | undefined>('advance');
  const papers = Form.useWatch<TempPaper[] | undefined>('papersOwed');
  return (
    <>
      <Form.Item name="advance" valuePropName="checked" extra="情况紧急、无法提供相关证明材料的，可先行救助，再履行相关手续；补齐期限按政策参数计算。">
        <Checkbox data-testid="temp-advance">先行救助（材料不全，先审批发放，后补材料）</Checkbox>
      </Form.Item>
      {advance && (
        <Form.Item name="papersOwed" label="待补材料" rules={[{ required: true, message: '请选择待补材料' }]}>
          <Checkbox.Group options={PAPER_OPTIONS} data-testid="temp-papers" />
        </Form.Item>
      )}
      {advance && papers?.includes('other') && (
        <Form.Item name="papersOther" label="其他待补材料" rules={[{ required: true, whitespace: true, message: '请写明材料名称' }]}>
          <Input maxLength={100} data-testid="temp-papers-other" />
        </Form.Item>
      )}
    </>
  );
}

export function PapersModal({ row, onClose, onDone }: { row: TemporaryRow; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ received: TempPaper[]; note?: string }>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const { saving: busy, submit } = useFormSubmit(
    form,
    (v: { received: TempPaper[]; note?: string }) => api.call('assistance.recordTemporaryPapers', { id: row.id, received: v.received, note: v.note?.trim() || null }),
    { success: '已登记补交材料', onDone },
  );
  return (
    <Modal open title={`登记补交材料：${row.name ?? ''}`} okText="登记" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => guard.confirmClose(onClose)} okButtonProps={{ 'data-testid': 'papers-ok' }} destroyOnHidden>
      <Typography.Paragraph>{`先行救助，材料限 ${row.papersDueOn ?? ''} 前补齐。`}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="received" label="本次补交的材料" rules={[{ required: true, message: '请选择已补交的材料' }]}>
          <Checkbox.Group options={outstanding(row).map((p) => ({ value: p.code, label: paperName(p) }))} data-testid="papers-received" />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
