/**
 * Visits of any household, not only those on a due list: a household's recent visits with a
 * 登记走访 button (the household page), and a household search that opens the visit entry (走访排查).
 */
import { useState } from 'react';
import { Button, Card, Select, Table, Tag, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { labelOf } from '../../../../shared/codes';
import { VISIT_METHODS } from '../../../../shared/ledger/codes';
import type { HouseholdDetail } from '../../../../shared/registry/types';
import type { VisitRow } from '../../../../shared/screening/schemas';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useSession } from '../../session/session-context';
import { useHouseholdSearch } from '../household-detail/use-household-search';
import { VisitModal, type VisitTarget } from './VisitModal';
import { appClock } from '../../api/clock';

export function visitTargetOf(h: HouseholdDetail): VisitTarget {
  const head = h.members.find((m) => m.relation === '02') ?? h.members[0];
  return { householdId: h.id, headName: head?.name ?? '（无户主）', address: h.address };
}

/** The visit entry for a target, with today's date and the signed-in user as the visitor. */
function VisitEntry({ target, onClose, onSaved }: { target: VisitTarget; onClose: () => void; onSaved: () => void }) {
  const { session } = useSession();
  return <VisitModal target={target} today={appClock.today()} visitor={session.user.displayName} onClose={onClose} onSaved={onSaved} />;
}

/** 走访记录 card of the household page: the latest visits and 登记走访. */
export function HouseholdVisitsCard({ household }: { household: HouseholdDetail }) {
  const [visiting, setVisiting] = useState(false);
  const q = useApiQuery(() => api.call('screening.listVisits', { householdId: household.id, page: 1, pageSize: 5 }), [household.id]);
  return (
    <Card
      title={`走访记录${q.data ? `（共 ${q.data.total} 次）` : ''}`}
      data-testid="household-visits"
      extra={
        <Button icon={<FormOutlined />} onClick={() => setVisiting(true)} data-testid="household-visit">
          登记走访
        </Button>
      }
    >
      <Table<VisitRow>
        rowKey="id"
        size="small"
        loading={q.loading}
        pagination={false}
        dataSource={q.data?.rows ?? []}
        locale={{ emptyText: '暂无走访记录' }}
        columns={[
          { title: '走访日期', dataIndex: 'visitedOn', width: 110 },
          { title: '方式', dataIndex: 'method', width: 70, render: (m: string) => labelOf(VISIT_METHODS, m) },
          { title: '走访人', dataIndex: 'visitorName', width: 100 },
          {
            title: '情况',
            render: (_, v) => (
              <>
                {v.situation === 'problem' ? <Tag color="error">发现问题 {v.itemIds.length} 个</Tag> : <Tag color="success">正常</Tag>}
                {v.note && <Typography.Text type="secondary">{v.note}</Typography.Text>}
              </>
            ),
          },
        ]}
      />
      {visiting && (
        <VisitEntry
          target={visitTargetOf(household)}
          onClose={() => setVisiting(false)}
          onSaved={() => {
            setVisiting(false);
            q.reload();
          }}
        />
      )}
    </Card>
  );
}

/** Search any household of the street (name, ID number, address, pinyin) and record a visit to it. */
export function VisitAnyHousehold({ onSaved }: { onSaved: () => void }) {
  const [text, setText] = useState('');
  const [target, setTarget] = useState<VisitTarget | null>(null);
  const search = useHouseholdSearch(text, '');
  const pick = async (id: string) => {
    setText('');
    setTarget(visitTargetOf(await api.call('registry.getHousehold', { id })));
  };
  return (
    <>
      <Select
        aria-label="查找家庭登记走访"
        data-testid="visit-search"
        showSearch={{ filterOption: false, onSearch: setText }}
        placeholder="查找家庭登记走访（姓名/身份证/地址）"
        style={{ width: 300 }}
        value={null}
        loading={search.loading}
        options={search.options}
        notFoundContent={text.trim() ? (search.error ?? '未找到') : '输入姓名、身份证号或地址'}
        onChange={(id: string) => void pick(id)}
      />
      {target && (
        <VisitEntry
          target={target}
          onClose={() => setTarget(null)}
          onSaved={() => {
            setTarget(null);
            onSaved();
          }}
        />
      )}
    </>
  );
}
