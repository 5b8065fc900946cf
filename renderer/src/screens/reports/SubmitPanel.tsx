/**
 * 报送 of a street's monthly report (issue 15): the versions submitted for the month, with their
 * reasons, and the button that freezes the report as the next version (a supervisor or the street's
 * administrator; after the month has ended; from the second version on, with the reason).
 * (A panel the street's monthly report page can mount; also on its own route.)
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import type { SubmissionSummary } from '../../../../shared/reports/snapshots';
import { api, errorMessage } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { formatInstant, todayText } from '../../lib/dates';
import { useSession } from '../../session/session-context';
import { monthLabel } from './report-format';

function ReasonForm({ open, month, version, onClose, onDone }: { open: boolean; month: string; version: number; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: open });
  const { saving, submit } = useFormSubmit(form, ({ reason }: { reason: string }) => api.call('reports.submit', { month, reason }), {
    success: (s) => `已报送第${s.version}版`,
    onDone: () => {
      guard.release();
      onDone();
    },
  });
  return (
    <Modal open={open} title={`重新报送${monthLabel(month)}报表（第${version}版）`} okText="报送" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={() => guard.confirmClose(onClose)} destroyOnHidden>
      <Typography.Paragraph>已报送的版本保持不变；区里比较各街道时改用新版本，并显示更正原因。</Typography.Paragraph>
      <Form form={form} name="resubmit" layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item label="更正原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}>
          <Input.TextArea autoFocus maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：补录漏登的走访记录、更正问题分类" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SubmitPanel({ month }: { month: string }) {
  const { message, modal } = App.useApp();
  const { session } = useSession();
  const q = useApiQuery(() => api.call('reports.submissions', { month }), [month]);
  const [resubmitting, setResubmitting] = useState(false);
  const mayFile = session.user.role === 'supervisor' || session.user.role === 'street-admin';
  const ended = todayText().slice(0, 7) > month;
  const versions = q.data ?? [];

  const submitFirst = () =>
    modal.confirm({
      title: `报送${monthLabel(month)}调度报表？`,
      content: '报送后报表的数字和口径即冻结并同步到区里；如需更正，须重新报送并写明原因。',
      okText: '报送',
      cancelText: '取消',
      onOk: async () => {
        try {
          const s = await api.call('reports.submit', { month });
          message.success(`已报送第${s.version}版`);
          q.reload();
        } catch (e) {
          message.error(errorMessage(e));
          throw e;
        }
      },
    });

  return (
    <Card
      size="small"
      title="报送区民政局"
      data-testid="submit-panel"
      extra={
        mayFile && (
          <Button type="primary" icon={<CloudUploadOutlined />} disabled={!ended || !q.data} onClick={() => (versions.length === 0 ? submitFirst() : setResubmitting(true))} data-testid="report-submit">
            {versions.length === 0 ? '报送' : '更正后重新报送'}
          </Button>
        )
      }
    >
      {!ended && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`${monthLabel(month)}尚未结束，月份结束后才能报送。`} />}
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<SubmissionSummary>
          size="small"
          rowKey="id"
          loading={q.loading && !q.data}
          pagination={false}
          dataSource={versions}
          locale={{ emptyText: '本月尚未报送' }}
          data-testid="submission-versions"
          columns={[
            { title: '版本', width: 110, render: (_, s) => <span>第{s.version}版 {s.latest && <Tag color="green">现行</Tag>}</span> },
            { title: '报送时间', width: 170, render: (_, s) => formatInstant(s.submittedAt) },
            { title: '报送人', width: 100, render: (_, s) => s.submittedByName },
            { title: '更正原因', render: (_, s) => s.reason ?? (s.version === 1 ? '首次报送' : '') },
          ]}
        />
      )}
      <ReasonForm
        open={resubmitting}
        month={month}
        version={(versions[0]?.version ?? 0) + 1}
        onClose={() => setResubmitting(false)}
        onDone={() => {
          setResubmitting(false);
          q.reload();
        }}
      />
    </Card>
  );
}
