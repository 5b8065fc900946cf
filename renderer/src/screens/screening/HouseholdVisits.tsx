/**
 * Visits of any household, not only those on a due list: a household search that opens the visit
 * entry (走访排查); the household page's file lists its visits and opens the same entry.
 */
import { useState } from 'react';
import { Select } from 'antd';
import type { HouseholdDetail } from '../../../../shared/registry/types';
import { api } from '../../api/client';
import { useSession } from '../../session/session-context';
import { useHouseholdSearch } from '../household-detail/use-household-search';
import { VisitModal, type VisitTarget } from './VisitModal';
import { appClock } from '../../api/clock';

export function visitTargetOf(h: HouseholdDetail): VisitTarget {
  const head = h.members.find((m) => m.relation === '02') ?? h.members[0];
  return { householdId: h.id, headName: head?.name ?? '（无户主）', address: h.address };
}

/** The visit entry for a target, with today's date and the signed-in user as the visitor. */
export function VisitEntry({ target, onClose, onSaved }: { target: VisitTarget; onClose: () => void; onSaved: () => void }) {
  const { session } = useSession();
  return <VisitModal target={target} today={appClock.today()} visitor={session.user.displayName} onClose={onClose} onSaved={onSaved} />;
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
