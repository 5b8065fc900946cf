/** The 留守档案 tab of 一户一档: the members' records, and the household's old 留守 tag if no one is recorded yet. */
import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { HouseholdDetail } from '../../../../shared/registry/types';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { kindLabel } from './labels';
import { RecordModal } from './RecordModal';
import { RecordsTable } from './RecordsTable';

export function HouseholdLeftBehind({ household, onCount }: { household: HouseholdDetail; onCount?: (n: number) => void }) {
  const [opening, setOpening] = useState(false);
  const q = useApiQuery(async () => {
    const r = await api.call('leftBehind.list', { householdId: household.id, filter: 'all' });
    onCount?.(r.rows.length);
    return r;
  }, [household.id]);
  const members = household.members.filter((m) => !m.diedOn).map((m) => ({ id: m.id, name: m.name }));
  return (
    <div data-testid="household-left-behind">
      <Space style={{ marginBottom: 8 }}>
        <Button icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="lb-open">
          建立留守档案
        </Button>
      </Space>
      {q.data && q.data.pending.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="lb-pending"
          title={`本户登记有“${q.data.pending.map((p) => kindLabel(p.kind)).join('、')}”类别，尚未为具体人员建档（待建档）：留守按人认定，请为符合条件的成员本人建立档案。`}
        />
      )}
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <RecordsTable rows={q.data?.rows ?? []} loading={q.loading} empty="本户没有留守人员档案" onChanged={q.reload} />
      )}
      {opening && (
        <RecordModal
          members={members}
          record={null}
          onClose={() => setOpening(false)}
          onSaved={() => {
            setOpening(false);
            q.reload();
          }}
        />
      )}
    </div>
  );
}
