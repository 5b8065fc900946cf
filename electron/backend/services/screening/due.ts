/**
 * Due lists and coverage. Each covered household (status 在册 or 关注) takes the tightest cadence
 * of its members under the cadence policy in force; it is due one interval after its last visit.
 * Three queries cover a street (households, their members, nothing per visit beyond an index
 * seek for each household's latest visit), so the lists stay fast with hundreds of thousands of visits.
 */
import { ageOn } from '../../../../shared/id-number';
import {
  daysOverdue,
  dueState,
  householdCadence,
  nextDueOn,
  type Cadence,
  type CadencePolicy,
  type DueState,
  type PersonFacts,
} from '../../../../shared/screening/cadence';
import type { Coverage, CoverageRow, DueList, DueRow } from '../../../../shared/screening/schemas';
import { periodOf, type PeriodKind } from '../../../../shared/time/calendar-days';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';
import { cadencePolicyOn } from './policy';

export interface Scope {
  communityId?: string;
  gridId?: string;
}

interface HouseholdDb {
  id: string;
  address: string;
  categories: string;
  created_at: string;
  community_id: string;
  community_name: string;
  grid_id: string | null;
  grid_name: string | null;
  worker_name: string | null;
  extra: string | null;
}

interface PersonDb {
  household_id: string;
  name: string;
  relation: string;
  birth_date: string;
  health: string;
  self_care: string;
  disability_category: string | null;
  disability_grade: string | null;
}

export interface ScreenedHousehold {
  row: HouseholdDb;
  headName: string;
  memberCount: number;
  cadence: Cadence;
  because: string[];
  coveredSince: string;
}

const SCOPE = `h.street_code = ? AND h.deleted_at IS NULL AND h.status IN ('active','watch')
  AND (? IS NULL OR h.community_id = ?) AND (? IS NULL OR h.grid_id = ?)`;

/** Covered households in scope with their cadence on the date; `extraSql` adds one per-household column. */
function screened(store: Store, streetCode: string, scope: Scope, onDate: string, policy: CadencePolicy, extraSql: string, extraArgs: unknown[]): ScreenedHousehold[] {
  const s = [streetCode, scope.communityId ?? null, scope.communityId ?? null, scope.gridId ?? null, scope.gridId ?? null];
  const hs = store
    .prepare(
      `SELECT h.id, h.address, h.categories, h.created_at, h.community_id, c.name AS community_name,
        h.grid_id, g.name AS grid_name, g.worker_name, ${extraSql} AS extra
       FROM households h JOIN communities c ON c.id = h.community_id LEFT JOIN grids g ON g.id = h.grid_id
       WHERE ${SCOPE}`,
    )
    .all(...extraArgs, ...s) as HouseholdDb[];
  const ps = store
    .prepare(
      `SELECT p.household_id, p.name, p.relation, p.birth_date, p.health, p.self_care, p.disability_category, p.disability_grade
       FROM persons p JOIN households h ON h.id = p.household_id WHERE p.deleted_at IS NULL AND ${SCOPE}`,
    )
    .all(...s) as PersonDb[];
  const members = new Map<string, PersonDb[]>();
  for (const p of ps) {
    const list = members.get(p.household_id);
    if (list) list.push(p);
    else members.set(p.household_id, [p]);
  }
  const out: ScreenedHousehold[] = [];
  for (const h of hs) {
    const ms = members.get(h.id) ?? [];
    const cats = JSON.parse(h.categories) as string[];
    const facts: PersonFacts[] = ms.map((m) => ({
      age: ageOn(m.birth_date, onDate),
      health: m.health,
      selfCare: m.self_care,
      disabilityCategory: m.disability_category,
      disabilityGrade: m.disability_grade,
      householdCategories: cats,
    }));
    const d = householdCadence(facts, policy);
    if (!d.cadence) continue;
    out.push({
      row: h,
      headName: ms.find((m) => m.relation === '02')?.name ?? ms[0]?.name ?? '',
      memberCount: ms.length,
      cadence: d.cadence,
      because: d.because,
      coveredSince: shanghaiDate(new Date(h.created_at)),
    });
  }
  return out;
}

const LAST_VISIT = `(SELECT v.visited_on FROM visits v WHERE v.household_id = h.id AND v.deleted_at IS NULL
  ORDER BY v.visited_on DESC LIMIT 1)`;

export function dueRows(store: Store, streetCode: string, scope: Scope, today: string): (DueRow & { state: DueState })[] {
  const policy = cadencePolicyOn(store, streetCode, today);
  return screened(store, streetCode, scope, today, policy, LAST_VISIT, []).map((s) => {
    const lastVisitOn = s.row.extra;
    const dueOn = nextDueOn(s.cadence, lastVisitOn, s.coveredSince);
    return {
      householdId: s.row.id,
      headName: s.headName,
      address: s.row.address,
      communityId: s.row.community_id,
      communityName: s.row.community_name,
      gridId: s.row.grid_id,
      gridName: s.row.grid_name,
      workerName: s.row.worker_name,
      memberCount: s.memberCount,
      cadence: s.cadence,
      because: s.because,
      lastVisitOn,
      dueOn,
      daysOverdue: daysOverdue(dueOn, today),
      state: dueState(dueOn, today),
    };
  });
}

/** Due today (due date today, or passed), due this week (by Sunday, overdue included), overdue. */
export function dueList(store: Store, streetCode: string, list: DueList['list'], scope: Scope): DueList {
  const today = shanghaiDate(store.nowDate());
  const keep: Record<DueList['list'], DueState[]> = {
    overdue: ['overdue'],
    today: ['overdue', 'today'],
    week: ['overdue', 'today', 'week'],
  };
  const rows = dueRows(store, streetCode, scope, today)
    .filter((r) => keep[list].includes(r.state))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.address.localeCompare(b.address, 'zh')))
    .map(({ state: _s, ...r }) => r);
  return { today, list, rows };
}

const PERIOD_RANK: Record<PeriodKind, number> = { day: 0, week: 1, month: 2 };
const CADENCE_RANK: Record<Cadence, number> = { daily: 0, weekly: 1, monthly: 2 };

function emptyRow(key: string, name: string): CoverageRow {
  return { key, name, due: 0, done: 0, overdue: 0, pending: 0, coveragePermille: 1000 };
}

/**
 * Coverage of a day, week or month: households whose cadence is at least that often are due in it;
 * done when visited at least once in it; not done is overdue once the period has ended, else pending.
 */
export function coverage(store: Store, streetCode: string, period: PeriodKind, date: string, scope: Scope): Coverage {
  const today = shanghaiDate(store.nowDate());
  const { start, end } = periodOf(period, date);
  const onDate = end < today ? end : today < start ? start : today;
  const policy = cadencePolicyOn(store, streetCode, onDate);
  const done = `EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id AND v.deleted_at IS NULL AND v.visited_on >= ? AND v.visited_on <= ?)`;
  const total = emptyRow('total', '合计');
  const communities = new Map<string, CoverageRow>();
  const grids = new Map<string, CoverageRow>();
  for (const s of screened(store, streetCode, scope, onDate, policy, done, [start, end])) {
    if (CADENCE_RANK[s.cadence] > PERIOD_RANK[period] || s.coveredSince > end) continue;
    const c = communities.get(s.row.community_id) ?? emptyRow(s.row.community_id, s.row.community_name);
    communities.set(s.row.community_id, c);
    const gKey = s.row.grid_id ?? `none:${s.row.community_id}`;
    const g = grids.get(gKey) ?? { ...emptyRow(gKey, s.row.grid_name ?? '未划分网格'), communityName: s.row.community_name, workerName: s.row.worker_name };
    grids.set(gKey, g);
    const visited = Number(s.row.extra) === 1;
    for (const r of [total, c, g]) {
      r.due += 1;
      if (visited) r.done += 1;
      else if (end < today) r.overdue += 1;
      else r.pending += 1;
    }
  }
  const finish = (r: CoverageRow) => ({ ...r, coveragePermille: r.due === 0 ? 1000 : Math.floor((r.done * 1000) / r.due) });
  const byName = (a: CoverageRow, b: CoverageRow) => a.name.localeCompare(b.name, 'zh');
  return {
    period,
    start,
    end,
    total: finish(total),
    communities: [...communities.values()].map(finish).sort(byName),
    grids: [...grids.values()].map(finish).sort(byName),
  };
}
