/**
 * Reading 留守 records: one query for the list, the person tab and the 工作台 figure (the figure is
 * this list's staleCount), so a figure and its list cannot differ.
 */
import { ageOn } from '../../../../shared/id-number';
import type { LeftBehindFilter, LeftBehindList, LeftBehindPending, LeftBehindRecordView } from '../../../../shared/left-behind/procedures';
import { ageOutOn, isStale, updateDueOn } from '../../../../shared/left-behind/rules';
import { LEFT_BEHIND_KINDS, LEGACY_TAG_OF, type AwayMember, type LeftBehindKind, type LeftBehindParams } from '../../../../shared/left-behind/types';
import { AppError } from '../../../../shared/errors';
import type { Store } from '../../store/store';
import { today } from '../care/people';
import { leftBehindParams } from './params';

interface Row {
  id: string;
  person_id: string;
  household_id: string;
  kind: LeftBehindKind;
  reason: LeftBehindRecordView['reason'];
  reason_note: string | null;
  away_members: string;
  guardian_name: string | null;
  guardian_relation: string | null;
  guardian_phone: string | null;
  school: string | null;
  living_arrangement: LeftBehindRecordView['livingArrangement'];
  notes: string | null;
  opened_on: string;
  last_updated_on: string;
  closed_on: string | null;
  close_reason: LeftBehindRecordView['closeReason'];
  close_note: string | null;
  person_name: string;
  sex: 'male' | 'female';
  birth_date: string;
  community_id: string;
  community_name: string;
  address: string;
}

const SELECT = `SELECT r.*, p.name AS person_name, p.sex, p.birth_date, h.community_id, c.name AS community_name, h.address
  FROM left_behind_records r
  JOIN persons p ON p.id = r.person_id
  JOIN households h ON h.id = r.household_id
  JOIN communities c ON c.id = h.community_id
  WHERE r.deleted_at IS NULL AND r.street_code = ?`;

function toView(r: Row, onDate: string, p: LeftBehindParams): LeftBehindRecordView {
  const open = r.closed_on === null;
  const ageOutDay = r.kind === 'child' ? ageOutOn(r.birth_date, p.childAgeBelow) : null;
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    sex: r.sex,
    age: ageOn(r.birth_date, onDate),
    householdId: r.household_id,
    communityId: r.community_id,
    communityName: r.community_name,
    address: r.address,
    kind: r.kind,
    reason: r.reason,
    reasonNote: r.reason_note,
    away: JSON.parse(r.away_members) as AwayMember[],
    guardianName: r.guardian_name,
    guardianRelation: r.guardian_relation,
    guardianPhone: r.guardian_phone,
    school: r.school,
    livingArrangement: r.living_arrangement,
    notes: r.notes,
    openedOn: r.opened_on,
    lastUpdatedOn: r.last_updated_on,
    updateDueOn: updateDueOn(r.last_updated_on, p.updateCadenceMonths),
    stale: open && isStale(r.last_updated_on, p.updateCadenceMonths, onDate),
    ageOutOn: ageOutDay,
    ageOut: open && ageOutDay !== null && onDate >= ageOutDay,
    closedOn: r.closed_on,
    closeReason: r.close_reason,
    closeNote: r.close_note,
  };
}

export function getLeftBehind(store: Store, streetCode: string, id: string): LeftBehindRecordView {
  const r = store.prepare(`${SELECT} AND r.id = ?`).get(streetCode, id) as Row | undefined;
  if (!r) throw new AppError('not-found', '留守档案不存在或已被删除');
  const d = today(store);
  return toView(r, d, leftBehindParams(store, streetCode, d));
}

export interface ListInput {
  kind?: LeftBehindKind | null;
  communityId?: string | null;
  householdId?: string | null;
  filter: LeftBehindFilter;
}

export function listLeftBehind(store: Store, streetCode: string, input: ListInput): LeftBehindList {
  const d = today(store);
  const p = leftBehindParams(store, streetCode, d);
  let sql = SELECT;
  const args: unknown[] = [streetCode];
  if (input.kind) (sql += ' AND r.kind = ?'), args.push(input.kind);
  if (input.communityId) (sql += ' AND h.community_id = ?'), args.push(input.communityId);
  if (input.householdId) (sql += ' AND r.household_id = ?'), args.push(input.householdId);
  const all = (store.prepare(`${sql} ORDER BY c.sort_order, c.name, h.address, p.name, r.opened_on`).all(...args) as Row[]).map((r) => toView(r, d, p));
  const open = all.filter((r) => r.closedOn === null);
  const keep: Record<LeftBehindFilter, (r: LeftBehindRecordView) => boolean> = {
    open: (r) => r.closedOn === null,
    stale: (r) => r.stale,
    'age-out': (r) => r.ageOut,
    closed: (r) => r.closedOn !== null,
    all: () => true,
  };
  return {
    rows: all.filter(keep[input.filter]),
    openCount: open.length,
    staleCount: open.filter((r) => r.stale).length,
    ageOutCount: open.filter((r) => r.ageOut).length,
    pending: pendingTags(store, streetCode, input),
  };
}

/**
 * Households tagged 留守 (the old household category) with no open record of that kind for any
 * member: 待建档. Records are never made from the tags: a tag does not say who is left behind.
 */
function pendingTags(store: Store, streetCode: string, input: ListInput): LeftBehindPending[] {
  const kinds = LEFT_BEHIND_KINDS.map((k) => k.code).filter((k) => !input.kind || k === input.kind);
  const tags = kinds.map((k) => LEGACY_TAG_OF[k]);
  // One pass over the street's households for every kind asked, not one per kind (CROSS JOIN keeps
  // the households outside). The LIKEs are a cheap pre-filter on the JSON text; json_each decides.
  const args: unknown[] = [JSON.stringify(kinds.map((k, i) => [k, tags[i]])), streetCode, ...tags.map((t) => `%"${t}"%`)];
  let where = '';
  if (input.communityId) (where += ' AND h.community_id = ?'), args.push(input.communityId);
  if (input.householdId) (where += ' AND h.id = ?'), args.push(input.householdId);
  const rows = store
    .prepare(
      `WITH k AS (SELECT key AS rank, json_extract(value, '$[0]') AS kind, json_extract(value, '$[1]') AS tag FROM json_each(?))
       SELECT h.id AS household_id, h.address, c.name AS community_name, k.kind,
         COALESCE((SELECT p.name FROM persons p WHERE p.household_id = h.id AND p.relation = '02' AND p.deleted_at IS NULL LIMIT 1), '') AS head_name
       FROM households h JOIN communities c ON c.id = h.community_id CROSS JOIN k
       WHERE h.street_code = ? AND h.deleted_at IS NULL AND h.status IN ('active', 'watch')
         AND (${tags.map(() => 'h.categories LIKE ?').join(' OR ')})
         AND EXISTS (SELECT 1 FROM json_each(h.categories) t WHERE t.value = k.tag)
         AND NOT EXISTS (SELECT 1 FROM left_behind_records r WHERE r.household_id = h.id AND r.kind = k.kind AND r.closed_on IS NULL AND r.deleted_at IS NULL)
         ${where}
       ORDER BY k.rank, c.sort_order, c.name, h.address, h.id`,
    )
    .all(...args) as { household_id: string; address: string; community_name: string; kind: LeftBehindKind; head_name: string }[];
  return rows.map((r) => ({ householdId: r.household_id, address: r.address, communityName: r.community_name, headName: r.head_name, kind: r.kind }));
}
