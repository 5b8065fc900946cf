/**
 * 应补尽补 / 按标施补: people entitled to an allowance (subsidyEntitlements) who do not receive it this
 * month, and those receiving an amount different from the standard. 应退尽退: an enrolment still open
 * after its entitlement ended — by age (child allowances), by death (paid through the month of death),
 * or by leaving the category (no longer an orphan, certificate withdrawn) — until it is exited. 复核: a
 * household enrolment whose head died or that covers more persons than are alive. Orphan and
 * de-facto-unsupported status is read from the household's categories (the registry keeps them per
 * household) for members under 18. Every rule and figure is read on the day asked about.
 */
import { severeDisabilityOn } from '../policy/disability';
import { addMonths, monthOf, subsidyEntitlements, type SubsidyKind, type SubsidyParams } from '../../../../shared/policy';
import { SUBSIDY_KINDS } from '../../../../shared/policy/subsidies';
import type { GapReason } from '../../../../shared/assistance/codes';
import type { EntitlementGap } from '../../../../shared/assistance/types';
import { HEAD_RELATION } from '../../../../shared/codes';
import { maskIdNumber } from '../../../../shared/id-number';
import type { Store } from '../../store/store';
import { requireParam } from '../policy/params';
import { ageStopMonth, amountFor, payableIn, type EnrolmentDbRow } from './amounts';
import { streetDeathStops, type DeathStop } from './death-end';
import { OPEN_STATUSES } from './exits';
import { allowanceStandard } from './figures';
import { streetProgrammes } from './programme-categories';
import { mergeCategories } from '../../../../shared/assistance/programme-categories';

/** An enrolment not yet ended: it should be exited once the entitlement ends. */
const STILL_OPEN = ['active', 'suspended'];
const ALLOWANCES: readonly string[] = SUBSIDY_KINDS.map((k) => k.code);
/** The household category a child allowance stands on. */
const CHILD_CATEGORY: Record<string, string> = { 'orphan-allowance': 'orphan', 'unsupported-child-allowance': 'unsupported-child' };

interface Row {
  id: string;
  household_id: string;
  name: string;
  id_number: string;
  birth_date: string;
  relation: string;
  died_on: string | null;
  disability_category: string | null;
  disability_grade: string | null;
  /** Situation tags and programmes in force (mergeCategories, as the due lists read them). */
  categories: string[];
  community_name: string;
}

type DbRow = Omit<Row, 'categories'> & { tags: string };

/** The subsidy rules' parameters in force on the day; a missing one is an error naming it. */
export function subsidyParams(store: Store, street: string, on: string): SubsidyParams {
  return {
    disabilityLivingSubsidyCategories: requireParam<string[]>(store, street, 'disability.livingSubsidyCategories', on),
    severeDisability: severeDisabilityOn(store, street, on),
  };
}

// One truth: a household's programmes come from its enrolments in force, its situations from tags
// (merged in withCategories from one read of the street's programmes, not a subquery per person).
const PERSON_ROWS = `SELECT p.id, p.household_id, p.name, p.id_number, p.birth_date, p.relation, p.died_on, p.disability_category, p.disability_grade,
         h.categories AS tags, c.name AS community_name
    FROM persons p JOIN households h ON h.id = p.household_id JOIN communities c ON c.id = h.community_id
   WHERE p.street_code = ? AND p.deleted_at IS NULL AND h.deleted_at IS NULL AND h.status <> 'exited'`;
const PERSON_ORDER = 'ORDER BY c.sort_order, c.name, p.name';
function withCategories(rows: DbRow[], programmes: Map<string, string[]>): Row[] {
  return rows.map(({ tags, ...r }) => ({ ...r, categories: mergeCategories(JSON.parse(tags) as string[], programmes.get(r.household_id) ?? []) }));
}
const quoted = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * SQL pre-filter of the persons the rules below can list (a superset; the rules decide): holders of a
 * disability certificate, members of a household tagged 孤儿 / 事实无人抚养儿童, and persons with an
 * allowance still open. Everyone else is owed nothing and has nothing to exit. Indexes: see registry.ts.
 */
const CANDIDATES = `p.id IN (
    SELECT id FROM persons WHERE street_code = ? AND deleted_at IS NULL AND disability_category IS NOT NULL AND disability_grade IS NOT NULL
    UNION SELECT m.id FROM households t JOIN persons m ON m.household_id = t.id
     WHERE t.street_code = ? AND t.deleted_at IS NULL AND (t.categories LIKE '%"orphan"%' OR t.categories LIKE '%"unsupported-child"%')
    UNION SELECT person_id FROM enrolments WHERE street_code = ? AND person_id IS NOT NULL AND deleted_at IS NULL AND status IN (${quoted(STILL_OPEN)}))`;

/**
 * The household enrolments the 复核 rule can list: open ones whose household has a death by the day
 * or fewer members on record than it covers (without either, nobody died and the members cover it).
 */
const REVIEW_ENROLMENTS = `SELECT e.* FROM enrolments e
  WHERE e.street_code = ? AND e.person_id IS NULL AND e.deleted_at IS NULL AND e.status IN (${quoted(OPEN_STATUSES)}) AND (e.end_month IS NULL OR e.end_month > ?)
    AND (EXISTS (SELECT 1 FROM persons d WHERE d.household_id = e.household_id AND d.died_on IS NOT NULL AND d.died_on <= ?)
         OR e.covered_persons > (SELECT count(*) FROM persons m WHERE m.household_id = e.household_id AND m.deleted_at IS NULL AND m.street_code = ?))`;

/**
 * Whom the check reads: `candidates` (the SQL pre-filter above, the default) or `everyone` in the
 * street (the whole-street reading the pre-filter must agree with; tests compare the two).
 */
export type GapScope = 'candidates' | 'everyone';

export function entitlementGaps(store: Store, street: string, onDate: string, scope: GapScope = 'candidates'): EntitlementGap[] {
  return gapCheck(store, street, scope)(onDate);
}

/**
 * The check over what the street has on record, read once (persons, their allowances, deaths) and
 * asked about any day: the monthly report asks about the month's two ends.
 */
export function gapCheck(store: Store, street: string, scope: GapScope = 'candidates'): (onDate: string) => EntitlementGap[] {
  const everyone = scope === 'everyone';
  const programmes = streetProgrammes(store, street);
  const persons = withCategories(
    store
      .prepare(everyone ? `${PERSON_ROWS} ${PERSON_ORDER}` : `${PERSON_ROWS} AND ${CANDIDATES} ${PERSON_ORDER}`)
      .all(...(everyone ? [street] : [street, street, street, street])) as DbRow[],
    programmes,
  );
  const deathStop = streetDeathStops(store, street);
  const enrolments = store
    .prepare(`SELECT * FROM enrolments WHERE street_code = ? AND deleted_at IS NULL${everyone ? '' : ' AND person_id IS NOT NULL'}`)
    .all(street) as EnrolmentDbRow[];
  const byPerson = new Map<string, EnrolmentDbRow[]>();
  for (const e of enrolments) if (e.person_id) byPerson.set(e.person_id, [...(byPerson.get(e.person_id) ?? []), e]);
  return (onDate) => gapsOn(store, street, onDate, { everyone, persons, programmes, deathStop, enrolments, byPerson });
}

function gapsOn(
  store: Store,
  street: string,
  onDate: string,
  read: { everyone: boolean; persons: Row[]; programmes: Map<string, string[]>; deathStop: DeathStop; enrolments: EnrolmentDbRow[]; byPerson: Map<string, EnrolmentDbRow[]> },
): EntitlementGap[] {
  const { everyone, persons, programmes, deathStop, enrolments, byPerson } = read;
  const month = monthOf(onDate);
  const params = subsidyParams(store, street, onDate);
  // Read once for the day: the standards in force.
  const standards = new Map<SubsidyKind, number | null>();
  const standardOf = (kind: SubsidyKind) => {
    if (!standards.has(kind)) standards.set(kind, allowanceStandard(store, street, kind, onDate));
    return standards.get(kind)!;
  };
  const out: EntitlementGap[] = [];
  for (const p of persons) {
    const who = { personId: p.id, householdId: p.household_id, name: p.name, idMasked: maskIdNumber(p.id_number), communityName: p.community_name };
    const dead = p.died_on !== null && p.died_on <= onDate;
    const categories = p.categories;
    const kinds = dead
      ? []
      : subsidyEntitlements(
          {
            birthDate: p.birth_date,
            isOrphan: categories.includes('orphan'),
            isUnsupportedChild: categories.includes('unsupported-child'),
            disabilityCategory: p.disability_category,
            disabilityGrade: p.disability_grade,
          },
          { categories },
          onDate,
          params,
        );
    for (const kind of kinds) {
      const standardFen = standardOf(kind);
      const receiving = (byPerson.get(p.id) ?? []).find((e) => e.programme === kind && payableIn(store, e, month, deathStop));
      const base = { ...who, subsidy: kind, standardFen };
      if (!receiving) {
        out.push({ ...base, problem: 'missing', receivedFen: null });
        continue;
      }
      if (standardFen === null) continue; // no standard set: nothing to compare with
      const received = amountFor(store, receiving, month).amountFen;
      if (received !== standardFen) out.push({ ...base, problem: 'off-standard', receivedFen: received });
    }
    for (const e of byPerson.get(p.id) ?? []) {
      if (!STILL_OPEN.includes(e.status)) continue;
      const end = entitlementEnd(store, deathStop, e, p, kinds, month, onDate);
      if (!end || (e.end_month !== null && e.end_month <= end.stopMonth)) continue;
      out.push({ ...who, subsidy: e.programme, enrolmentId: e.id, standardFen: null, problem: 'should-exit', receivedFen: null, ...end });
    }
  }
  if (everyone) {
    out.push(...householdReviews(deathStop, enrolments, persons, month, onDate));
    return out;
  }
  // The 复核 rule reads every member of the households it can list, and only those.
  const reviewed = store.prepare(REVIEW_ENROLMENTS).all(street, month, onDate, street) as EnrolmentDbRow[];
  const members =
    reviewed.length === 0
      ? []
      : withCategories(
          store
            .prepare(`${PERSON_ROWS} AND p.household_id IN (SELECT value FROM json_each(?)) ${PERSON_ORDER}`)
            .all(street, JSON.stringify([...new Set(reviewed.map((e) => e.household_id))])) as DbRow[],
          programmes,
        );
  out.push(...householdReviews(deathStop, reviewed, members, month, onDate));
  return out;
}

/** Why and from when a person's open enrolment is no longer due, or null while it is. */
function entitlementEnd(
  store: Store,
  deathStop: DeathStop,
  e: EnrolmentDbRow,
  p: Row,
  kinds: readonly SubsidyKind[],
  month: string,
  onDate: string,
): { reason: GapReason; stopMonth: string } | null {
  if (p.died_on !== null && p.died_on <= onDate) return { reason: 'death', stopMonth: deathStop(e)! };
  const ageStop = ageStopMonth(store, e);
  if (ageStop !== null && month >= ageStop) return { reason: 'age', stopMonth: ageStop };
  return leftCategory(e, p, kinds) ? { reason: 'category', stopMonth: addMonths(month, 1) } : null;
}

/**
 * An allowance whose category the person no longer has on the day: a child allowance without the
 * household's 孤儿 / 事实无人抚养儿童 category (age is the age rule's), a disability subsidy without the
 * certificate or outside the rule's categories and grades.
 */
function leftCategory(e: EnrolmentDbRow, p: Row, kinds: readonly SubsidyKind[]): boolean {
  const child = CHILD_CATEGORY[e.programme];
  if (child) return !p.categories.includes(child);
  return ALLOWANCES.includes(e.programme) && !kinds.includes(e.programme as SubsidyKind);
}

/** Household enrolments (低保, 低保边缘) whose members changed: all died, the head died, fewer alive than covered. */
function householdReviews(deathStop: DeathStop, enrolments: EnrolmentDbRow[], persons: Row[], month: string, onDate: string): EntitlementGap[] {
  const out: EntitlementGap[] = [];
  const byHousehold = new Map<string, Row[]>();
  for (const p of persons) byHousehold.set(p.household_id, [...(byHousehold.get(p.household_id) ?? []), p]);
  for (const e of enrolments) {
    if (e.person_id !== null || !OPEN_STATUSES.includes(e.status) || (e.end_month !== null && e.end_month <= month)) continue;
    const members = byHousehold.get(e.household_id) ?? [];
    if (members.length === 0) continue;
    const alive = members.filter((m) => m.died_on === null || m.died_on > onDate);
    const head = members.find((m) => m.relation === HEAD_RELATION && alive.includes(m)) ?? members.find((m) => m.relation === HEAD_RELATION) ?? members[0]!;
    const who = { personId: head.id, householdId: e.household_id, name: head.name, idMasked: maskIdNumber(head.id_number), communityName: head.community_name };
    const base = { ...who, subsidy: e.programme, enrolmentId: e.id, standardFen: null, receivedFen: null };
    if (alive.length === 0) {
      const stopMonth = deathStop(e);
      if (stopMonth && (e.end_month === null || e.end_month > stopMonth)) out.push({ ...base, problem: 'should-exit', reason: 'death', stopMonth });
    } else if (!alive.some((m) => m.relation === HEAD_RELATION) && members.some((m) => m.relation === HEAD_RELATION)) {
      out.push({ ...base, problem: 'review', reason: 'head-died' });
    } else if (e.programme === 'dibao' && alive.length < e.covered_persons) {
      out.push({ ...base, problem: 'review', reason: 'covered-exceeds-living' });
    }
  }
  return out;
}
