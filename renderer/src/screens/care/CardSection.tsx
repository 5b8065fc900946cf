/** The person's care-service cards: issue, reissue, cancel, preview and print. */
import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { CARD_STATUSES } from '../../../../shared/care/codes';
import type { Card as CareCard } from '../../../../shared/care/types';
import { labelOf } from '../../../../shared/codes';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { ReasonModal } from '../../components/ReasonModal';
import { showFormError } from '../../lib/form-errors';
import { PrintPreviewModal, type PreviewTarget } from './PrintPreviewModal';

export function CardSection({ personId, cards, onChanged }: { personId: string; cards: CareCard[]; onChanged: () => void }) {
  const { message } = App.useApp();
  const [issuing, setIssuing] = useState(false);
  const [form] = Form.useForm<{ streetContact?: string; streetPhone?: string }>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: issuing });
  const [reissue, setReissue] = useState<CareCard | null>(null);
  const [cancel, setCancel] = useState<CareCard | null>(null);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const hasActive = cards.some((c) => c.status === 'active');

  const issue = async (v: { streetContact?: string; streetPhone?: string }) => {
    try {
      const c = await api.call('care.issueCard', { personId, streetContact: v.streetContact, streetPhone: v.streetPhone });
      message.success(`已发卡，卡号 ${c.cardNumber}`);
      guard.release();
      setIssuing(false);
      onChanged();
    } catch (e) {
      showFormError(form, e, message);
    }
  };

  return (
    <Card
      title="照料服务卡"
      data-testid="card-section"
      extra={
        !hasActive && (
          <Button type="primary" onClick={() => setIssuing(true)}>
            发放照料服务卡
          </Button>
        )
      }
    >
      <Table<CareCard>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={cards}
        locale={{ emptyText: <Empty description="尚未发放照料服务卡（须先签订照料协议）" /> }}
        columns={[
          { title: '卡号', dataIndex: 'cardNumber', render: (v: string) => <span className="doudi-mono" data-testid="card-number">{v}</span> },
          { title: '发卡日期', dataIndex: 'issuedDate' },
          { title: '有效期', key: 'valid', render: (_v, c) => `${c.validFrom} 至 ${c.validTo}` },
          {
            title: '状态',
            dataIndex: 'status',
            render: (v: string, c) => (
              <Tag color={v === 'active' ? 'success' : 'default'} title={c.endReason ?? undefined}>
                {labelOf(CARD_STATUSES, v)}
              </Tag>
            ),
          },
          {
            title: '操作',
            key: 'ops',
            render: (_v, c) => (
              <Space size={4}>
                <Button size="small" onClick={() => setPreview({ doc: 'cards', ids: [c.id], layout: 'single' })}>
                  打印预览
                </Button>
                {c.status === 'active' && (
                  <>
                    <Button size="small" onClick={() => setReissue(c)}>
                      补发
                    </Button>
                    <Button size="small" danger onClick={() => setCancel(c)}>
                      注销
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={issuing} title="发放照料服务卡" okText="发卡" cancelText="取消" onOk={() => form.submit()} onCancel={() => guard.confirmClose(() => setIssuing(false))} destroyOnHidden>
        <p>卡号自动编排；有效期按政策参数，且不超过照料协议的终止日期。</p>
        <Form form={form} layout="vertical" onFinish={issue} preserve={false}>
          <Form.Item label="街道联系人" name="streetContact" extra="印在卡上；不填则卡上留空白横线，打印前会提示">
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item label="街道联系电话" name="streetPhone">
            <Input maxLength={20} />
          </Form.Item>
        </Form>
      </Modal>
      <ReasonModal
        open={!!reissue}
        title="补发照料服务卡"
        description="原卡作废，发放新卡号的新卡（内容按当前照料协议）。"
        okText="确认补发"
        onConfirm={async (reason) => {
          const c = await api.call('care.reissueCard', { cardId: reissue!.id, reason });
          message.success(`已补发，新卡号 ${c.cardNumber}`);
          onChanged();
        }}
        onClose={() => setReissue(null)}
      />
      <ReasonModal
        open={!!cancel}
        title="注销照料服务卡"
        description="注销后该卡失效，“服务标准与标识”将显示为缺项。"
        okText="确认注销"
        onConfirm={async (reason) => {
          await api.call('care.cancelCard', { cardId: cancel!.id, reason });
          message.success('照料服务卡已注销');
          onChanged();
        }}
        onClose={() => setCancel(null)}
      />
      <PrintPreviewModal key={preview ? JSON.stringify(preview) : 'none'} target={preview} onClose={() => setPreview(null)} />
    </Card>
  );
}
