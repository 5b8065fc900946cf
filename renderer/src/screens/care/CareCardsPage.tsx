/** 照料服务卡: the cards of the street, filtered (e.g. issued this month in a community), batch printing. */
import { useState } from 'react';
import { Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Card as CareCard } from '../../../../shared/care/types';
import { CARD_STATUSES } from '../../../../shared/care/codes';
import { labelOf } from '../../../../shared/codes';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useCommunities } from '../../hooks/use-org';
import { navigate } from '../../router/use-route';
import { ErrorBlock } from '../../components/ErrorBlock';
import { PrintPreviewModal, type PreviewTarget } from './PrintPreviewModal';
import { appClock } from '../../api/clock';
import { DateField } from '../../forms/DateField';

/** `filter`: the URL's validToBy=YYYY-MM-DD (cards expiring by then, e.g. from the 工作台): any issue date. */
export function CareCardsPage({ filter = '' }: { filter?: string }) {
  const communities = useCommunities();
  const expiring = new URLSearchParams(filter).get('validToBy');
  const [validToBy, setValidToBy] = useState<string | null>(expiring && /^\d{4}-\d{2}-\d{2}$/.test(expiring) ? expiring : null);
  const [communityId, setCommunityId] = useState<string | null>(null);
  const [status, setStatus] = useState<'active' | 'reissued' | 'cancelled' | null>('active');
  const [from, setFrom] = useState(validToBy ? '' : dayjs(appClock.today()).startOf('month').format('YYYY-MM-DD'));
  const [to, setTo] = useState(validToBy ? '' : dayjs(appClock.today()).endOf('month').format('YYYY-MM-DD'));
  const [selected, setSelected] = useState<string[]>([]);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const cards = useApiQuery(
    () => api.call('care.listCards', { communityId, status, issuedFrom: from || null, issuedTo: to || null, validToBy }),
    [communityId, status, from, to, validToBy],
  );

  return (
    <Card title="照料服务卡" extra={<Button onClick={() => navigate({ name: 'care' })}>返回“四有”台账</Button>}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          aria-label="社区"
          style={{ width: 180 }}
          allowClear
          placeholder="全部社区"
          value={communityId ?? undefined}
          onChange={(v) => setCommunityId(v ?? null)}
          options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          aria-label="卡状态"
          style={{ width: 130 }}
          allowClear
          placeholder="全部状态"
          value={status ?? undefined}
          onChange={(v) => setStatus(v ?? null)}
          options={CARD_STATUSES.map((s) => ({ value: s.code, label: s.label }))}
        />
        <label>
          发卡日期 <DateField aria-label="发卡起始日期" style={{ width: 150 }} value={from} onChange={(v) => setFrom(v ?? '')} />
        </label>
        <label>
          至 <DateField aria-label="发卡截止日期" style={{ width: 150 }} value={to} onChange={(v) => setTo(v ?? '')} />
        </label>
        <label>
          有效期至 <DateField aria-label="有效期截止日期" style={{ width: 150 }} value={validToBy ?? ''} onChange={(v) => setValidToBy(v || null)} /> 及以前
        </label>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={selected.length === 0}
          onClick={() => setPreview({ doc: 'cards', ids: selected, layout: 'a4-8up' })}
          data-testid="print-selected"
        >
          打印所选（{selected.length}）
        </Button>
      </Space>
      {cards.error ? (
        <ErrorBlock error={cards.error} onRetry={cards.reload} />
      ) : (
        <Table<CareCard>
          data-testid="card-table"
          rowKey="id"
          size="middle"
          loading={cards.loading}
          dataSource={cards.data ?? []}
          pagination={{ pageSize: 100, showSizeChanger: false }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          locale={{ emptyText: <Empty description="没有符合条件的照料服务卡" /> }}
          columns={[
            { title: '卡号', dataIndex: 'cardNumber', render: (v: string) => <span className="doudi-mono">{v}</span> },
            { title: '姓名', dataIndex: 'personName', render: (v: string, r) => <a onClick={() => navigate({ name: 'care-person', id: r.personId })}>{v}</a> },
            { title: '社区', dataIndex: 'communityName' },
            { title: '发卡日期', dataIndex: 'issuedDate' },
            { title: '有效期至', dataIndex: 'validTo' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (v: string) => <Tag color={v === 'active' ? 'success' : 'default'}>{labelOf(CARD_STATUSES, v)}</Tag>,
            },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        勾选后点击“打印所选”：可选择A4每页8张（带裁切线）或单张卡片。
      </Typography.Paragraph>
      <PrintPreviewModal key={preview ? JSON.stringify(preview) : 'none'} target={preview} onClose={() => setPreview(null)} />
    </Card>
  );
}
