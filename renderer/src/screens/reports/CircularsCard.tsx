/**
 * 通报 on a street's 工作台 (issue 15): the district's published 通报 naming this street, newest
 * first, each opening its printable text. (Mounted by the 工作台; empty when there is none.)
 */
import type { CSSProperties } from 'react';
import { Button, Card, Empty, List, Tag } from 'antd';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatInstant } from '../../lib/dates';
import { navigate } from '../../router/use-route';

export function CircularsCard({ hideWhenEmpty = false, style }: { hideWhenEmpty?: boolean; style?: CSSProperties }) {
  const q = useApiQuery(() => api.call('reports.circulars', {}), []);
  if (hideWhenEmpty && !q.error && (q.data ?? []).length === 0) return null;
  return (
    <Card size="small" title="区民政局通报" data-testid="circulars-card" loading={q.loading && !q.data} style={style}>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (q.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有点名本街道的通报" />
      ) : (
        <List
          size="small"
          dataSource={q.data}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button key="open" size="small" onClick={() => navigate({ name: 'print-circular', id: c.id })}>
                  查看
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <span>
                    <Tag color="red">通报</Tag>
                    {c.title}
                  </span>
                }
                description={`${c.docNumber}　发布于 ${formatInstant(c.publishedAt)}`}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
