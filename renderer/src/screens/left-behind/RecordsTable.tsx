/** 留守 records as a table, with 更新 / 关闭 on the open ones (the household tab and the list screen). */
import { useState } from 'react';
import { Button, Empty, Space, Table, Typography } from 'antd';
import type { LeftBehindRecordView } from '../../../../shared/left-behind/procedures';
import { navigate } from '../../router/use-route';
import { CloseModal } from './CloseModal';
import { AwayList, StatusTags, kindLabel, reasonLabel } from './labels';
import { RecordModal } from './RecordModal';

export function RecordsTable(props: { rows: LeftBehindRecordView[]; loading?: boolean; showPlace?: boolean; empty: string; onChanged: () => void }) {
  const [updating, setUpdating] = useState<LeftBehindRecordView | null>(null);
  const [closing, setClosing] = useState<LeftBehindRecordView | null>(null);
  return (
    <>
      <Table<LeftBehindRecordView>
        data-testid="lb-table"
        rowKey="id"
        size="middle"
        loading={props.loading}
        dataSource={props.rows}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={props.empty} /> }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'personName',
            width: 90,
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                {props.showPlace ? <a onClick={() => navigate({ name: 'household', id: r.householdId })}>{v}</a> : v}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${r.age}岁`}</Typography.Text>
              </Space>
            ),
          },
          {
            title: '类别 / 原因',
            key: 'kind',
            width: 130,
            render: (_v, r) => (
              <Space direction="vertical" size={0}>
                <span>{kindLabel(r.kind)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {reasonLabel(r.reason)}
                </Typography.Text>
              </Space>
            ),
          },
          ...(props.showPlace
            ? [
                {
                  title: '社区 / 住址',
                  key: 'place',
                  width: 150,
                  render: (_v: unknown, r: LeftBehindRecordView) => (
                    <Space direction="vertical" size={0}>
                      <span>{r.communityName}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.address}
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]
            : []),
          { title: '外出家人', key: 'away', render: (_v, r) => <AwayList r={r} /> },
          {
            title: '监护人 / 居住',
            key: 'care',
            width: 130,
            render: (_v, r) =>
              r.kind === 'child' ? `${r.guardianName ?? ''}${r.guardianRelation ? `（${r.guardianRelation}）` : ''} ${r.guardianPhone ?? ''}` : r.livingArrangement === 'alone' ? '独自居住' : r.livingArrangement === 'with-spouse' ? '与配偶居住' : '—',
          },
          { title: '建档 / 最近核实', key: 'dates', width: 110, render: (_v, r) => `${r.openedOn} / ${r.lastUpdatedOn}` },
          { title: '状态', key: 'status', width: 150, render: (_v, r) => <StatusTags r={r} /> },
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_v, r) =>
              r.closedOn ? null : (
                <Space size={4}>
                  <Button size="small" aria-label={`更新 ${r.personName} 的${kindLabel(r.kind)}档案`} onClick={() => setUpdating(r)}>
                    更新
                  </Button>
                  <Button size="small" danger aria-label={`关闭 ${r.personName} 的${kindLabel(r.kind)}档案`} onClick={() => setClosing(r)}>
                    关闭
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {updating && (
        <RecordModal
          members={[]}
          record={updating}
          onClose={() => setUpdating(null)}
          onSaved={() => {
            setUpdating(null);
            props.onChanged();
          }}
        />
      )}
      {closing && (
        <CloseModal
          record={closing}
          onClose={() => setClosing(null)}
          onSaved={() => {
            setClosing(null);
            props.onChanged();
          }}
        />
      )}
    </>
  );
}
