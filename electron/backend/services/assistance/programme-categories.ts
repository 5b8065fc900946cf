/**
 * The one reader of a household's programme categories: its enrolments in force
 * (shared/assistance/programme-categories.ts says which categories and statuses). Lists, filters,
 * the household page and file, the screening cadence, care and 应补尽补 read categories through
 * these SQL pieces, so a programme tag left in `households.categories` (an old database, a PC not
 * yet upgraded) is never read as a programme.
 */
import { IN_FORCE_STATUSES, isProgrammeCategory, mergeCategories, PROGRAMME_CATEGORIES } from '../../../../shared/assistance/programme-categories';
import type { AssistanceCategory } from '../../../../shared/codes';
import type { Store } from '../../store/store';

const quoted = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(',');
const IN_FORCE = quoted(IN_FORCE_STATUSES);
const PROGRAMMES = quoted(PROGRAMME_CATEGORIES);

/** SQL: the household `h` has an in-force enrolment in the programme given as the next parameter (index enrolments_household_programme_idx). */
export function inForceSql(h: string): string {
  return `EXISTS (SELECT 1 FROM enrolments pe WHERE pe.household_id = ${h}.id AND pe.programme = ? AND pe.status IN (${IN_FORCE}) AND pe.deleted_at IS NULL)`;
}

/**
 * SQL subquery: the ids of the households with the programme (one parameter) in force; for a
 * whole-street read, `h.id IN (…)` lets SQLite start from the enrolments (an index) instead of
 * asking inForceSql's EXISTS of every household or person of the street.
 */
export function inForceHouseholdsSql(): string {
  return `SELECT pe.household_id FROM enrolments pe WHERE pe.programme = ? AND pe.status IN (${IN_FORCE}) AND pe.deleted_at IS NULL`;
}

/** SQL condition and parameter: household `h` is in the category (a programme by enrolment, a situation by tag). */
export function categoryCondition(h: string, category: string): { sql: string; params: unknown[] } {
  if (isProgrammeCategory(category)) return { sql: inForceSql(h), params: [category] };
  return { sql: `EXISTS (SELECT 1 FROM json_each(${h}.categories) WHERE value = ?)`, params: [category] };
}

/**
 * SQL expression: the JSON array of household `h`'s categories, situation tags and in-force
 * programmes; put it where `h.categories` was selected (`${categoriesSql('h')} AS categories`).
 */
export function categoriesSql(h: string): string {
  return `(SELECT json_group_array(v) FROM (
      SELECT value AS v FROM json_each(${h}.categories) WHERE value NOT IN (${PROGRAMMES})
      UNION SELECT pe.programme FROM enrolments pe WHERE pe.household_id = ${h}.id AND pe.programme IN (${PROGRAMMES})
        AND pe.status IN (${IN_FORCE}) AND pe.deleted_at IS NULL))`;
}

/** Every household's programmes in force in the street, read at once (whole-street lists such as the due lists). */
export function streetProgrammes(store: Store, streetCode: string): Map<string, string[]> {
  const rows = store
    .prepare(
      `SELECT household_id, programme FROM enrolments WHERE street_code = ? AND programme IN (${PROGRAMMES})
         AND status IN (${IN_FORCE}) AND deleted_at IS NULL`,
    )
    .all(streetCode) as { household_id: string; programme: string }[];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.household_id, [...(out.get(r.household_id) ?? []), r.programme]);
  return out;
}

/** The household's programme categories in force. */
export function householdProgrammes(store: Store, householdId: string): AssistanceCategory[] {
  const rows = store
    .prepare(
      `SELECT DISTINCT programme FROM enrolments WHERE household_id = ? AND programme IN (${PROGRAMMES})
         AND status IN (${IN_FORCE}) AND deleted_at IS NULL`,
    )
    .all(householdId) as { programme: string }[];
  return mergeCategories([], rows.map((r) => r.programme));
}

/** A household's categories from its stored tags (JSON) and its enrolments. */
export function householdCategories(store: Store, householdId: string, tagsJson: string): AssistanceCategory[] {
  let tags: string[] = [];
  try {
    const v = JSON.parse(tagsJson) as unknown;
    if (Array.isArray(v)) tags = v.filter((x): x is string => typeof x === 'string');
  } catch {
    tags = [];
  }
  return mergeCategories(tags, householdProgrammes(store, householdId));
}
