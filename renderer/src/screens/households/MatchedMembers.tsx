/** Under a household found by search: the members whose name, pinyin, ID or phone matched. */
import type { HouseholdRow } from '../../../../shared/registry/types';

export function MatchedMembers({ members }: { members: NonNullable<HouseholdRow['matchedMembers']> }) {
  if (members.length === 0) return null;
  return (
    <div className="doudi-matched" data-testid="matched-members">
      匹配成员：
      {members.map((m, i) => (
        <span key={m.id}>
          {i > 0 && '；'}
          <mark>{m.name}</mark> <span className="doudi-mono">{m.idMasked}</span>
        </span>
      ))}
    </div>
  );
}
