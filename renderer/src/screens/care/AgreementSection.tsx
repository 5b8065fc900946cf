/** Entrusted-care agreements: draw up, sign, terminate, preview and print. */
import { useState } from 'react';
import { App, Button, Card, Empty, Input, Modal, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { AGREEMENT_STATUSES } from '../../../../shared/care/codes';
import { careLevelText, serviceItemsText, yuan } from '../../../../shared/care/format';
import type { Agreement } from '../../../../shared/care/types';
import { labelOf } from '../../../../shared/codes';
import { api, errorMessage } from '../../api/client';
import { ReasonModal } from '../../components/ReasonModal';
import { AgreementModal } from './AgreementModal';
import { PrintPreviewModal, type PreviewTarget } from './PrintPreviewModal';
import { appClock } from '../../api/clock';
import { DateField } from '../../forms/DateField';

const COLOR: Record<string, string> = { draft: 'default', signed: 'success', expired: 'warning', terminated: 'error' };

export function AgreementSection({ personId, agreements, onChanged }: { personId: string; agreements: Agreement[]; onChanged: () => void }) {
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [signing, setSigning] = useState<Agreement | null>(null);
  const [signDate, setSignDate] = useState(appClock.today());
  const [terminating, setTerminating] = useState<Agreement | null>(null);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);

  const sign = async () => {
    if (!signing) return;
    try {
      await api.call('care.signAgreement', { id: signing.id, signedDate: signDate });
      message.success('协议已签订');
      setSigning(null);
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card
      title="委托照料服务协议"
      data-testid="agreement-section"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          拟定协议
        </Button>
      }
    >
      <Table<Agreement>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={agreements}
        locale={{ emptyText: <Empty description="尚未拟定照料协议" /> }}
        columns={[
          { title: '协议编号', dataIndex: 'agreementNumber', render: (v: string | null) => <span className="doudi-mono">{v ?? '首次打印时编号'}</span> },
          { title: '照料服务人', dataIndex: 'caregiverName' },
          { title: '期限', key: 'term', render: (_v, a) => `${a.startDate} 至 ${a.endDate}` },
          { title: '服务内容', dataIndex: 'services', render: (v: string[]) => serviceItemsText(v) },
          { title: '探访间隔', dataIndex: 'visitIntervalDays', render: (v: number) => `${v}天` },
          { title: '照料护理补贴', key: 'subsidy', render: (_v, a) => `${yuan(a.subsidyFen)}/月（${careLevelText(a.careLevel)}）` },
          {
            title: '状态',
            dataIndex: 'status',
            render: (v: string, a) => (
              <Space size={4}>
                <Tag color={COLOR[v]}>{labelOf(AGREEMENT_STATUSES, v)}</Tag>
                {a.renewalDue && <Tag color="warning">剩{a.daysLeft}天到期</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'ops',
            render: (_v, a) => (
              <Space size={4}>
                <Button size="small" onClick={() => setPreview({ doc: 'agreement', id: a.id })}>
                  打印预览
                </Button>
                {a.status === 'draft' && (
                  <Button size="small" type="primary" onClick={() => setSigning(a)}>
                    签订
                  </Button>
                )}
                {a.status === 'signed' && (
                  <Button size="small" danger onClick={() => setTerminating(a)}>
                    解除
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <AgreementModal open={creating} personId={personId} onClose={() => setCreating(false)} onSaved={onChanged} />
      <Modal open={!!signing} title="签订协议" okText="确认签订" cancelText="取消" onOk={sign} onCancel={() => setSigning(null)} destroyOnHidden>
        <p>请确认三方已在纸质协议上签字盖章。</p>
        <label>
          签订日期 <DateField aria-label="签订日期" value={signDate} onChange={(v) => setSignDate(v ?? '')} style={{ width: 180 }} />
        </label>
      </Modal>
      <ReasonModal
        open={!!terminating}
        title="解除照料协议"
        description="解除后该供养对象的“照料协议”将显示为缺项，需另行委托照料服务人并重新签订协议。"
        okText="确认解除"
        onConfirm={async (reason) => {
          await api.call('care.terminateAgreement', { id: terminating!.id, date: appClock.today(), reason });
          message.success('协议已解除');
          onChanged();
        }}
        onClose={() => setTerminating(null)}
      />
      <PrintPreviewModal key={preview ? JSON.stringify(preview) : 'none'} target={preview} onClose={() => setPreview(null)} />
    </Card>
  );
}
