/**
 * What the warning rules read of the PC's data, for many persons at once: a handful of set-based
 * queries over the id list (json_each), never one per person, so a 100,000-row department file is
 * judged in one pass. Also each street's dated rule parameters, 重度残疾 definition and calendar.
 */
import { IN_FORCE_STATUSES, mergeCategories } from '../../../../shared/assistance/programme-categories';
import type { HolidayCalendar } from '../../../../shared/ledger/deadlines';
import { valueInForce, type Dated } from '../../../../shared/policy/in-force';
import type { SevereDisabilityParams } from '../../../../shared/policy/subsidies';
import { WARNING_RULES, type DepartmentRecord } from '../../../../shared/warnings/types';
import { warningParamKey, type RuleParamHistory } from '../../../../shared/warnings/rule-params';
import type { PersonSituation, SituationEnrolment } from '../../../../shared/warnings/rules';
import type { Store } from '../../store/store';
import { holidaysOn } from '../policy/ledger';
import { paramHistory } from '../policy/params';

const IN_LIST = 'IN (SELECT value FROM json_each(?))';

export interface LoadedPerson {
  streetCode: string;
  situation: PersonSituation;
  records: DepartmentRecord[];
}

interface PersonRow {
  id: string;
  household_id: string;
  street_code: string;
  died_on: string | null;
  categories: string;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** The persons (live rows) with their records and situations. */
export function loadPersons(store: Store, personIds: readonly string[]): LoadedPerson[] {
  const ids = JSON.stringify([...new Set(personIds)]);
  const persons = store
    .prepare(
      `SELECT p.id, p.household_id, p.street_code, p.died_on, h.categories FROM persons p JOIN households h ON h.id = p.household_id
        WHERE p.id ${IN_LIST} AND p.deleted_at IS NULL`,
    )
    .all(ids) as PersonRow[];
  if (persons.length === 0) return [];
  const householdIds = JSON.stringify([...new Set(persons.map((p) => p.household_id))]);
  const records = new Map<string, DepartmentRecord[]>();
  const recordRows = store
    .prepare(`SELECT id, import_id, source, person_id, start_on, end_on, facts FROM department_records WHERE person_id ${IN_LIST} AND deleted_at IS NULL`)
    .all(ids) as { id: string; import_id: string; source: DepartmentRecord['source']; person_id: string; start_on: string; end_on: string | null; facts: string }[];
  for (const r of recordRows) {
    push(records, r.person_id, { id: r.id, importId: r.import_id, source: r.source, personId: r.person_id, startOn: r.start_on, endOn: r.end_on, facts: JSON.parse(r.facts) });
  }
  const enrolmentRows = store
    .prepare(
      `SELECT programme, person_id, household_id, status, end_month FROM enrolments
        WHERE (household_id ${IN_LIST} OR person_id ${IN_LIST}) AND deleted_at IS NULL`,
    )
    .all(householdIds, ids) as { programme: string; person_id: string | null; household_id: string; status: string; end_month: string | null }[];
  const enrolments = new Map<string, SituationEnrolment[]>();
  for (const e of enrolmentRows) push(enrolments, e.household_id, { programme: e.programme, personId: e.person_id, status: e.status, endMonth: e.end_month });
  const paid = lastPaid(store, persons, recordRows);
  return persons.map((p) => {
    const all = enrolments.get(p.household_id) ?? [];
    const own = all.filter((e) => e.personId === null || e.personId === p.id);
    const inForce = all.filter((e) => e.personId === null && (IN_FORCE_STATUSES as readonly string[]).includes(e.status)).map((e) => e.programme);
    return {
      streetCode: p.street_code,
      records: records.get(p.id) ?? [],
      situation: {
        personId: p.id,
        householdId: p.household_id,
        diedOn: p.died_on,
        enrolments: own,
        lastPaidMonth: paid.get(p.id) ?? { own: null, household: null },
        householdCategories: mergeCategories(JSON.parse(p.categories) as string[], inForce),
      },
    };
  });
}

/**
 * The last month paid (net of 扣回, by enrolment and month) to each dead-reported person's own
 * enrolments and to the household's: read only for persons with a death record (few).
 */
function lastPaid(store: Store, persons: PersonRow[], records: { source: string; person_id: string }[]): Map<string, { own: string | null; household: string | null }> {
  const dead = new Set(records.filter((r) => r.source === 'death').map((r) => r.person_id));
  const out = new Map<string, { own: string | null; household: string | null }>();
  const who = persons.filter((p) => dead.has(p.id));
  if (who.length === 0) return out;
  const rows = store
    .prepare(
      `SELECT person_id, household_id, max(for_month) AS month FROM (
         SELECT person_id, household_id, for_month, sum(amount_fen) AS net FROM payment_batch_rows
          WHERE (person_id ${IN_LIST} OR (person_id IS NULL AND household_id ${IN_LIST})) AND deleted_at IS NULL
          GROUP BY enrolment_id, for_month, person_id, household_id)
        WHERE net > 0 GROUP BY person_id, household_id`,
    )
    .all(JSON.stringify(who.map((p) => p.id)), JSON.stringify(who.map((p) => p.household_id))) as { person_id: string | null; household_id: string; month: string }[];
  for (const p of who) {
    out.set(p.id, {
      own: rows.find((r) => r.person_id === p.id)?.month ?? null,
      household: rows.find((r) => r.person_id === null && r.household_id === p.household_id)?.month ?? null,
    });
  }
  return out;
}

/** A key's dated values for a street; on one date the street's own value stands before the district's. */
function dated<T>(store: Store, street: string, key: string): Dated<T>[] {
  const byDate = new Map<string, Dated<T>>();
  for (const r of paramHistory(store, street, key)) {
    if (!byDate.has(r.effectiveFrom) || r.partition === street) byDate.set(r.effectiveFrom, { effectiveFrom: r.effectiveFrom, value: r.value as T });
  }
  return [...byDate.values()];
}

export interface StreetRuleTerms {
  params: RuleParamHistory;
  severeOn: (onDate: string) => SevereDisabilityParams | null;
  calendar: HolidayCalendar;
}

export function streetRuleTerms(store: Store, street: string, today: string): StreetRuleTerms {
  const params: Record<string, unknown> = {};
  for (const rule of WARNING_RULES) params[rule] = dated(store, street, warningParamKey(rule));
  const grades = dated<string[]>(store, street, 'disability.severeGrades');
  const grade3 = dated<string[]>(store, street, 'disability.severeGrade3Categories');
  return {
    params: params as RuleParamHistory,
    severeOn: (onDate) => {
      const g = valueInForce(grades, onDate);
      const c = valueInForce(grade3, onDate);
      return g && c ? { grades: g, grade3Categories: c } : null;
    },
    calendar: holidaysOn(store, street, today),
  };
}
