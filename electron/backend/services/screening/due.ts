/**
 * Due lists and coverage. Each covered household (status 在册 or 关注) takes the tightest cadence
 * of its members under the cadence policy in force; it is due one interval after its last visit.
 * Three queries cover a street (households, their members, nothing per visit beyond an index
 * seek for each household's latest visit), so the lists stay fast with hundreds of thousands of visits.
 */
import { severeDisabilityOn } from '../policy/disability';
import type { SevereDisabilityParams } from '../../../../shared/policy/subsidies';
import { ageOn } from '../../../../shared/id-number';
import {
  daysOverdue,
  cadenceOfRank,
  compileCadence,
  householdCadence,
  nextDueOn,
  personGroups,
  type ScreeningGroup,
  type Cadence,
  type CadencePolicy,
  type PersonFacts,
} from '../../../../shared/screening/cadence';
import type { Coverage, CoverageRow, DueList, DueRow } from '../../../../shared/screening/schemas';
import { addDays, periodOf, weekStart, type PeriodKind } from '../../../../shared/time/calendar-days';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';
import { paramOn } from '../policy/params';
import { identityOf, sinceLastChange } from '../../store/since-last-change';
import { cadencePolicyOn } from './policy';
import { streetProgrammes } from '../assistance/programme-categories';
import { dueBy, orderFromScratch, orderMoved, orderUpdated, type DueEntry, type DueOrder } from './due-order';
import { keepOrder, keptOrder, lastVisitChanges, lastVisitSeq, lastVisits } from './kept-due-order';
import { mergeCategories } from '../../../../shared/assistance/programme-categories';

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
  grid_id: string | null;
  extra: string | number | null;
}

interface PersonDb {
  id: string;
  household_id: string;
  name: string;
  relation: string;
  birth_date: string;
  sex: 'male' | 'female';
  health: string;
  self_care: string;
  disability_category: string | null;
  disability_grade: string | null;
}

/** Persons with an open 留守 record: the 留守 group is theirs alone (shared/left-behind). */
function leftBehindPersons(store: Store, streetCode: string): Set<string> {
  const rows = store
    .prepare('SELECT DISTINCT person_id FROM left_behind_records WHERE street_code = ? AND closed_on IS NULL AND deleted_at IS NULL')
    .all(streetCode) as { person_id: string }[];
  return new Set(rows.map((r) => r.person_id));
}

/** Changes when a 留守 record is opened, updated or closed (the registry version does not see them). */
function leftBehindVersion(store: Store, streetCode: string): string {
  const r = store.prepare('SELECT count(*) AS n, max(updated_at) AS at FROM left_behind_records WHERE street_code = ?').get(streetCode) as { n: number; at: string | null };
  return `${r.n}@${r.at ?? ''}`;
}

function facts(m: PersonDb, cats: readonly string[], onDate: string, leftBehind?: ReadonlySet<string>): PersonFacts {
  return {
    age: ageOn(m.birth_date, onDate),
    health: m.health,
    selfCare: m.self_care,
    disabilityCategory: m.disability_category,
    disabilityGrade: m.disability_grade,
    sex: m.sex,
    leftBehind: leftBehind?.has(m.id) ?? false,
    householdCategories: cats,
  };
}

interface BaseHousehold {
  row: Omit<HouseholdDb, 'extra'>;
  members: PersonDb[];
  categories: string[];
  cadence: Cadence;
  coveredSince: string;
  /** The street's persons with an open 留守 record (the 留守 group). */
  leftBehind: ReadonlySet<string>;
  /** Why it has its cadence; worked out once, when first listed. */
  because?: string[];
}

/**
 * Whole-street cadence per covered household, cached while the registry, policy and date are
 * unchanged; a few days kept at once (today's lists and a past month's report read different days).
 */
const baseCache = new WeakMap<Store, Map<string, BaseHousehold[]>>();
const BASE_DAYS_KEPT = 4;

function baseHouseholds(store: Store, streetCode: string, onDate: string, policy: CadencePolicy, def: SevereDisabilityParams, policyKey: string): BaseHousehold[] {
  const version = (store.prepare('SELECT n FROM screening_registry_version WHERE id = 1').get() as { n: number } | undefined)?.n ?? -1;
  const key = `${streetCode}|${onDate}|${policyKey}|${JSON.stringify(def)}|${version}|${leftBehindVersion(store, streetCode)}`;
  let cache = baseCache.get(store);
  if (!cache) baseCache.set(store, (cache = new Map()));
  const cached = cache.get(key);
  if (cached) return cached;
  const hs = store
    .prepare(
      `SELECT h.id, h.address, h.categories, h.created_at, h.community_id, h.grid_id FROM households h
       WHERE h.street_code = ? AND h.deleted_at IS NULL AND h.status IN ('active','watch')`,
    )
    .all(streetCode) as Omit<HouseholdDb, 'extra'>[];
  // Only living members make a household due: a recorded death closes the person's visits.
  const ps = store
    .prepare(
      `SELECT p.id, p.household_id, p.name, p.relation, p.birth_date, p.sex, p.health, p.self_care, p.disability_category, p.disability_grade
       FROM persons p WHERE p.street_code = ? AND p.deleted_at IS NULL AND p.died_on IS NULL`,
    )
    .all(streetCode) as PersonDb[];
  const members = new Map<string, PersonDb[]>();
  for (const p of ps) {
    const list = members.get(p.household_id);
    if (list) list.push(p);
    else members.set(p.household_id, [p]);
  }
  const programmes = streetProgrammes(store, streetCode);
  const rankOf = compileCadence(policy, def);
  const leftBehind = leftBehindPersons(store, streetCode);
  const rows: BaseHousehold[] = [];
  for (const h of hs) {
    const ms = members.get(h.id);
    if (!ms) continue;
    // Situation tags and the programmes in force (one truth: programmes from enrolments).
    const cats: string[] = mergeCategories(JSON.parse(h.categories) as string[], programmes.get(h.id) ?? []);
    const catSet = new Set(cats);
    let best = 9;
    for (const m of ms) {
      const r = rankOf(facts(m, cats, onDate, leftBehind), catSet);
      if (r < best) best = r;
    }
    const cadence = cadenceOfRank(best);
    if (!cadence) continue;
    rows.push({ row: h, members: ms, categories: cats, cadence, coveredSince: shanghaiDate(new Date(h.created_at)), leftBehind });
  }
  // Entries of an older registry version are never asked for again: they age out first.
  if (cache.size >= BASE_DAYS_KEPT) cache.delete(cache.keys().next().value!);
  cache.set(key, rows);
  return rows;
}

/** Covered households in scope with their cadence on the date (the policy in force on that date). */
function screened(
  store: Store,
  streetCode: string,
  scope: Scope,
  onDate: string,
): { policy: CadencePolicy; def: SevereDisabilityParams; rows: BaseHousehold[]; all: BaseHousehold[] } {
  const rec = paramOn(store, streetCode, 'screening.cadence', onDate);
  const policy = cadencePolicyOn(store, streetCode, onDate);
  const def = severeDisabilityOn(store, streetCode, onDate);
  const all = baseHouseholds(store, streetCode, onDate, policy, def, `${rec?.id}|${rec?.updatedAt}`);
  return { policy, def, rows: scoped(all, scope), all };
}

/** A community's or grid's households: one array per street array and scope, so lists of a scope are kept too. */
const scopedArrays = new WeakMap<BaseHousehold[], Map<string, BaseHousehold[]>>();

function scoped(all: BaseHousehold[], scope: Scope): BaseHousehold[] {
  if (!scope.communityId && !scope.gridId) return all;
  let byScope = scopedArrays.get(all);
  if (!byScope) scopedArrays.set(all, (byScope = new Map()));
  const key = `${scope.communityId ?? ''}|${scope.gridId ?? ''}`;
  let rows = byScope.get(key);
  if (!rows) {
    rows = all.filter((b) => (!scope.communityId || b.row.community_id === scope.communityId) && (!scope.gridId || b.row.grid_id === scope.gridId));
    byScope.set(key, rows);
  }
  return rows;
}

interface Names {
  community: Map<string, string>;
  grid: Map<string, { name: string; worker: string | null }>;
}

function names(store: Store, streetCode: string): Names {
  const cs = store.prepare('SELECT id, name FROM communities WHERE street_code = ?').all(streetCode) as { id: string; name: string }[];
  const gs = store.prepare('SELECT id, name, worker_name FROM grids WHERE street_code = ?').all(streetCode) as {
    id: string;
    name: string;
    worker_name: string | null;
  }[];
  return {
    community: new Map(cs.map((c) => [c.id, c.name])),
    grid: new Map(gs.map((g) => [g.id, { name: g.name, worker: g.worker_name }])),
  };
}

const COLLATOR = new Intl.Collator('zh');

/**
 * Each covered household's place in the street's address order (Chinese collation): the sort key
 * of the due lists, computed once per registry version (the cache of baseHouseholds) so that a
 * list sorts by two plain comparisons instead of collating addresses on every call.
 */
const addressRank = new WeakMap<BaseHousehold[], Map<BaseHousehold, number>>();

function addressRanks(all: BaseHousehold[]): Map<BaseHousehold, number> {
  let ranks = addressRank.get(all);
  if (!ranks) {
    const sorted = [...all].sort((a, b) => COLLATOR.compare(a.row.address, b.row.address));
    ranks = new Map(sorted.map((b, i) => [b, i]));
    addressRank.set(all, ranks);
  }
  return ranks;
}

export interface DueQuery extends Scope {
  /** Only the grids this grid worker works. */
  worker?: string | null;
  /** Without paging, the whole list (the printed visit sheet). */
  page?: number;
  pageSize?: number;
}

/** Due today (due date today, or passed), due this week (by Sunday, overdue included), overdue. */
export function dueList(store: Store, streetCode: string, list: DueList['list'], query: DueQuery): DueList {
  const today = shanghaiDate(store.nowDate());
  const weekEnd = addDays(weekStart(today), 6);
  const limit = list === 'overdue' ? addDays(today, -1) : list === 'today' ? today : weekEnd;
  const n = names(store, streetCode);
  const workerGrids = query.worker ? new Set([...n.grid].filter(([, g]) => g.worker === query.worker).map(([id]) => id)) : null;
  const { policy, def, rows: inScope, all } = screened(store, streetCode, query, today);
  const scopeKey = `${streetCode}|${query.communityId ?? ''}|${query.gridId ?? ''}|${query.worker ?? ''}`;
  // Every household in scope with its due date, worked out once per change for the three lists (the 工作台 asks all three).
  // The households and grids are worked out above (not read inside): their identity is in the key.
  const inputs = `${identityOf(inScope)}|${identityOf(all)}|${workerGrids ? [...workerGrids].sort().join(',') : ''}`;
  const byDue = sinceLastChange(store, `due-all|${scopeKey}|${inputs}`, () => {
    const ranks = addressRanks(all);
    // Due dates repeat (a few hundred distinct last visits per cadence): worked out once each.
    const dueMemo = new Map<string, string>();
    const entryOf = (s: BaseHousehold, lastVisitOn: string | null): DueEntry<BaseHousehold> => {
      let dueOn: string;
      if (lastVisitOn === null) dueOn = s.coveredSince;
      else {
        const k = s.cadence + lastVisitOn;
        dueOn = dueMemo.get(k) ?? nextDueOn(s.cadence, lastVisitOn, s.coveredSince);
        dueMemo.set(k, dueOn);
      }
      return { s, id: s.row.id, lastVisitOn, dueOn, rank: ranks.get(s) ?? 0 };
    };
    // After a visit only the households whose last visit changed move (the key holds the households and the day),
    // read from the log of changes; the whole table when nothing is kept or the log was pruned past it.
    const prev = keptOrder<BaseHousehold>(store, scopeKey, inputs);
    const moved = prev && lastVisitChanges(store, prev.seq);
    let order: DueOrder<BaseHousehold>;
    let seq: number;
    if (prev && moved) {
      order = orderMoved(prev.order, moved.changes, entryOf);
      seq = moved.seq;
    } else {
      seq = lastVisitSeq(store);
      const last = lastVisits(store);
      order = prev
        ? orderUpdated(prev.order, last, entryOf)
        : orderFromScratch(workerGrids ? inScope.filter((s) => s.row.grid_id && workerGrids.has(s.row.grid_id)) : inScope, last, (s) => s.row.id, entryOf);
    }
    keepOrder(store, scopeKey, inputs, order, seq);
    return order.sorted;
  });
  // Sorted by due date: a list is the households due by its limit, a prefix of the whole.
  const matched = sinceLastChange(store, `due|${scopeKey}|${list}|${identityOf(byDue)}`, () => byDue.slice(0, dueBy(byDue, limit)));
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? Math.max(1, matched.length);
  const rows = matched.slice((page - 1) * pageSize, page * pageSize).map(({ s, lastVisitOn, dueOn }): DueRow => {
    // Why the household has its cadence: worked out only for the rows listed.
    s.because ??= householdCadence(s.members.map((m) => facts(m, s.categories, today, s.leftBehind)), policy, def).because;
    const head = s.members.find((m) => m.relation === '02') ?? s.members[0]!;
    const grid = s.row.grid_id ? n.grid.get(s.row.grid_id) : undefined;
    return {
      householdId: s.row.id,
      headName: head.name,
      address: s.row.address,
      communityId: s.row.community_id,
      communityName: n.community.get(s.row.community_id) ?? '',
      gridId: s.row.grid_id,
      gridName: grid?.name ?? null,
      workerName: grid?.worker ?? null,
      memberCount: s.members.length,
      cadence: s.cadence,
      because: s.because,
      lastVisitOn,
      dueOn,
      daysOverdue: daysOverdue(dueOn, today),
    };
  });
  return { today, list, total: matched.length, page, pageSize, rows };
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
  return sinceLastChange(store, `coverage|${streetCode}|${period}|${date}|${scope.communityId ?? ''}|${scope.gridId ?? ''}`, () =>
    computeCoverage(store, streetCode, period, date, scope),
  );
}

/** One covered household's standing in a period: due in it, visited in it or not, overdue once it ended. */
export interface PeriodStanding {
  householdId: string;
  communityId: string;
  communityName: string;
  gridKey: string;
  gridName: string;
  workerName: string | null;
  /** The screening groups its members belong to on the counting day (union over members). */
  groups: () => ScreeningGroup[];
  visited: boolean;
  overdue: boolean;
}

/** A household due in a period, before visits are looked at (PeriodStanding without visited / overdue). */
export type PeriodDue = Omit<PeriodStanding, 'visited' | 'overdue'>;

/**
 * The households due in a period (cadence at least as often as the period, under screening by its
 * end), without reading visits: what a visit cannot change, so a caller can keep it across visits.
 */
export function periodDue(store: Store, streetCode: string, period: PeriodKind, date: string, scope: Scope): { start: string; end: string; rows: PeriodDue[] } {
  const today = shanghaiDate(store.nowDate());
  const { start, end } = periodOf(period, date);
  const onDate = end < today ? end : today < start ? start : today;
  const n = names(store, streetCode);
  const { policy, def, rows: inScope } = screened(store, streetCode, scope, onDate);
  const rows: PeriodDue[] = [];
  for (const s of inScope) {
    if (CADENCE_RANK[s.cadence] > PERIOD_RANK[period] || s.coveredSince > end) continue;
    const gi = s.row.grid_id ? n.grid.get(s.row.grid_id) : undefined;
    rows.push({
      householdId: s.row.id,
      communityId: s.row.community_id,
      communityName: n.community.get(s.row.community_id) ?? '',
      gridKey: s.row.grid_id ?? `none:${s.row.community_id}`,
      gridName: gi?.name ?? '未划分网格',
      workerName: gi?.worker ?? null,
      groups: () => [...new Set(s.members.flatMap((m) => personGroups(facts(m, s.categories, onDate, s.leftBehind), policy, def)))],
    });
  }
  return { start, end, rows };
}

/**
 * Households visited in a period: for a period not yet over, a latest visit on or after its start;
 * for a past one, any visit dated within it.
 */
export function visitedInPeriod(store: Store, start: string, end: string): Set<string> {
  const rows =
    end >= shanghaiDate(store.nowDate())
      ? store.prepare('SELECT household_id FROM household_last_visit WHERE last_visited_on >= ?').raw(true).all(start)
      : store.prepare('SELECT DISTINCT household_id FROM visits WHERE visited_on >= ? AND visited_on <= ? AND deleted_at IS NULL').raw(true).all(start, end);
  return new Set((rows as [string][]).map((r) => r[0]));
}

/**
 * The households due in a period and whether each was visited: the one rule behind coverage (and
 * the monthly report's screening table). Due: periodDue; done: visited at least once in it
 * (visitedInPeriod); overdue: not done and the period over.
 */
export function periodStandings(store: Store, streetCode: string, period: PeriodKind, date: string, scope: Scope): { start: string; end: string; rows: PeriodStanding[] } {
  const over = periodOf(period, date).end < shanghaiDate(store.nowDate());
  const { start, end, rows } = periodDue(store, streetCode, period, date, scope);
  const visitedIds = visitedInPeriod(store, start, end);
  return { start, end, rows: rows.map((r) => ({ ...r, visited: visitedIds.has(r.householdId), overdue: !visitedIds.has(r.householdId) && over })) };
}

function computeCoverage(store: Store, streetCode: string, period: PeriodKind, date: string, scope: Scope): Coverage {
  const { start, end, rows } = periodStandings(store, streetCode, period, date, scope);
  const total = emptyRow('total', '合计');
  const communities = new Map<string, CoverageRow>();
  const grids = new Map<string, CoverageRow>();
  for (const s of rows) {
    const c = communities.get(s.communityId) ?? emptyRow(s.communityId, s.communityName);
    communities.set(s.communityId, c);
    const g = grids.get(s.gridKey) ?? { ...emptyRow(s.gridKey, s.gridName), communityName: s.communityName, workerName: s.workerName };
    grids.set(s.gridKey, g);
    for (const r of [total, c, g]) {
      r.due += 1;
      if (s.visited) r.done += 1;
      else if (s.overdue) r.overdue += 1;
      else r.pending += 1;
    }
  }
  const finish = (r: CoverageRow) => ({ ...r, coveragePermille: r.due === 0 ? 1000 : Math.floor((r.done * 1000) / r.due) });
  const byName = (a: CoverageRow, b: CoverageRow) => COLLATOR.compare(a.name, b.name);
  return {
    period,
    start,
    end,
    total: finish(total),
    communities: [...communities.values()].map(finish).sort(byName),
    grids: [...grids.values()].map(finish).sort(byName),
  };
}
