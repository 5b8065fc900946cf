/**
 * Matching persons and households against what the user types. Three or more characters go
 * through the trigram full-text indexes (any fragment of a name, pinyin, ID number, phone or
 * address); one or two characters match the start of a name, its pinyin or initials, any part of
 * a name (a given name 淑兰, a middle character: the posting table person_name_chars of migration
 * 20261205022043_name_fragments.sql), and the start of an address, all through ordinary indexes
 * (a one- or two-character fragment anywhere in an address or phone would mean scanning every
 * household, and finds nothing useful).
 *
 * Each match comes as a FROM clause and a condition over persons (alias `mp`) and households
 * (alias `mh`), so that callers join them directly and stop early (LIMIT) or fetch each match
 * once, and as id subqueries. Persons are also given as ranked stages (exact name, name prefix,
 * the rest), so that the search box fills its few places with the best matches without sorting
 * every match.
 */
import type { Store } from '../../store/store';

/** A FROM clause over persons `mp` and its condition. */
export interface PersonMatch {
  from: string;
  where: string;
  params: unknown[];
}

/**
 * A SELECT of (h.id, h.community_id, h.address, person_rowid, person_name) over `households h`
 * and its condition, for the household list.
 */
export interface ListPart {
  select: string;
  where: string;
  params: unknown[];
}

export interface MatchSql {
  /** FROM clause over persons, aliased `mp` (with their search index where it is used). */
  personFrom: string;
  /** Condition selecting matching live persons of `personFrom`. */
  personWhere: string;
  /** FROM clause over households, aliased `mh`. */
  householdFrom: string;
  /** Condition selecting live households of `householdFrom` matched on their own fields. */
  householdWhere: string;
  /** SELECT yielding one column `id` of matching live persons. */
  personIds: string;
  /** SELECT yielding one column `id` of live households matched on their own fields. */
  householdIds: string;
  /** Parameters of the person condition (and of personIds), and of the household one. */
  params: { person: unknown[]; household: unknown[] };
  /**
   * The person match in rank order: exact name, name starting with the query, (one or two
   * characters) name containing it, then all matches (which repeat the earlier stages' persons:
   * the caller skips those it has).
   */
  personStages: PersonMatch[];
  /**
   * The person match for the household list, in parts over `households h`, each selecting
   * (h.id, h.community_id, h.address, person_rowid, person_name): one-character fragments come
   * from the posting table with the household's rowid, without the person's name (rank 2).
   */
  listParts: ListPart[];
  /** The normalized query, for nameRank. */
  query: string;
}

export function normalizeQuery(q: string): string {
  return q.trim().replace(/\s+/g, ' ').toLowerCase();
}

function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

const HIGH = '\uffff';

/** 0 the name is the query, 1 it starts with it, 2 it contains it, 3 other matches (pinyin, ID, phone). */
export function nameRank(name: string, q: string): number {
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  return name.includes(q) ? 2 : 3;
}

/**
 * Persons whose name holds a one- or two-character fragment after its first character, by the
 * posting table (two characters: both postings, then the name checked for the pair in a row).
 */
function nameFragment(q: string): [sql: string, params: unknown[]] {
  const chars = [...q];
  if (chars.length === 1) return ['mp.rowid IN (SELECT person FROM person_name_chars WHERE ch = ?)', [q]];
  return [
    `(mp.rowid IN (SELECT a.person FROM person_name_chars a JOIN person_name_chars b ON b.ch = ? AND b.person = a.person
       WHERE a.ch = ?) AND instr(mp.name, ?) > 1)`,
    [chars[1], chars[0], q],
  ];
}

function fragmentStage(q: string): PersonMatch {
  const [fragment, params] = nameFragment(q);
  return { from: 'persons mp', where: `${fragment} AND mp.deleted_at IS NULL`, params };
}

const LIST_COLUMNS = 'h.id, h.community_id, h.address';

/** Parts of the household list's person match (MatchSql.listParts). */
function listParts(q: string, person: PersonMatch, short: boolean): ListPart[] {
  const joined = (m: PersonMatch): ListPart => ({
    select: `SELECT ${LIST_COLUMNS}, mp.rowid AS person_rowid, mp.name AS person_name FROM ${m.from} JOIN households h ON h.id = mp.household_id`,
    where: m.where,
    params: m.params,
  });
  if (!short) return [joined(person)];
  const indexed = joined({
    from: 'persons mp',
    where: `mp.deleted_at IS NULL AND ((mp.name >= ? AND mp.name < ?)
      OR (mp.name_initials >= ? AND mp.name_initials < ?) OR (mp.name_pinyin >= ? AND mp.name_pinyin < ?))`,
    params: [q, q + HIGH, q, q + HIGH, q, q + HIGH],
  });
  const chars = [...q];
  const fragment: ListPart =
    chars.length === 1
      ? {
          select: `SELECT ${LIST_COLUMNS}, pc.person AS person_rowid, NULL AS person_name
            FROM person_name_chars pc JOIN households h ON h.rowid = pc.household`,
          where: 'pc.ch = ?',
          params: [q],
        }
      : {
          select: `SELECT ${LIST_COLUMNS}, a.person AS person_rowid, mp.name AS person_name
            FROM person_name_chars a JOIN person_name_chars b ON b.ch = ? AND b.person = a.person
            JOIN persons mp ON mp.rowid = a.person JOIN households h ON h.rowid = a.household`,
          where: 'a.ch = ? AND instr(mp.name, ?) > 1',
          params: [chars[1], chars[0], q],
        };
  return [indexed, fragment];
}

export function buildMatch(rawQuery: string): MatchSql | null {
  const q = normalizeQuery(rawQuery);
  if (!q) return null;
  const ranked: PersonMatch[] = [
    { from: 'persons mp', where: 'mp.name = ? AND mp.deleted_at IS NULL', params: [q] },
    { from: 'persons mp', where: 'mp.name > ? AND mp.name < ? AND mp.deleted_at IS NULL', params: [q, q + HIGH] },
  ];
  let person: PersonMatch;
  let household: PersonMatch;
  const short = [...q].length < 3;
  if (!short) {
    person = {
      from: 'person_search ps JOIN persons mp ON mp.rowid = ps.rowid',
      where: 'person_search MATCH ? AND mp.deleted_at IS NULL',
      params: [ftsPhrase(q)],
    };
    household = {
      from: 'household_search hs JOIN households mh ON mh.rowid = hs.rowid',
      where: 'household_search MATCH ? AND mh.deleted_at IS NULL',
      params: [ftsPhrase(q)],
    };
  } else {
    const [fragment, fragmentParams] = nameFragment(q);
    person = {
      from: 'persons mp',
      where: `mp.deleted_at IS NULL AND ((mp.name >= ? AND mp.name < ?) OR ${fragment}
        OR (mp.name_initials >= ? AND mp.name_initials < ?) OR (mp.name_pinyin >= ? AND mp.name_pinyin < ?))`,
      params: [q, q + HIGH, ...fragmentParams, q, q + HIGH, q, q + HIGH],
    };
    household = { from: 'households mh', where: 'mh.deleted_at IS NULL AND mh.address >= ? AND mh.address < ?', params: [q, q + HIGH] };
  }
  return {
    personFrom: person.from,
    personWhere: person.where,
    householdFrom: household.from,
    householdWhere: household.where,
    personIds: `SELECT mp.id FROM ${person.from} WHERE ${person.where}`,
    householdIds: `SELECT mh.id FROM ${household.from} WHERE ${household.where}`,
    params: { person: person.params, household: household.params },
    personStages: short ? [...ranked, fragmentStage(q), person] : [...ranked, person],
    listParts: listParts(q, person, short),
    query: q,
  };
}

// ---- one page of the household list for a search ----
//
// The matches are fetched once, already filtered, with what the list is ordered by; the total,
// the order and the page are worked out here (households with the best-ranked member name first,
// then in list order), so that only the page's households are read in
// full (counting and sorting in SQL walked every match two more times: see the registry-search
// benchmark in tests/bench).

export interface SearchPage {
  total: number;
  /** Household ids of the page, in list order. */
  ids: string[];
  /** Ids of each listed household's members that matched. */
  matchedMembers: Map<string, string[]>;
}

interface MatchRow {
  id: string;
  community_id: string;
  address: string;
  person_rowid: number | null;
  /** Null for a one-character fragment from the posting table: the name contains the query. */
  person_name: string | null;
}

interface Entry {
  id: string;
  /** Position of the household's community in list order. */
  rank: number;
  address: string;
  /** Rowids of the matched members. */
  members: Set<number>;
  /** Best nameRank of its matched members (3 for a household matched on its own fields). */
  best: number;
}

const SURROGATE = /[\ud800-\udfff]/;

/**
 * Compares like SQLite's BINARY collation (UTF-8 bytes, that is code points). JavaScript's `<`
 * compares UTF-16 units, which differs only between a surrogate pair and a character from U+E000.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * `where` is a condition over `households h` (the list filters); the order is the best member's
 * nameRank, then the list's: community (sort order, name), address, id.
 */
export function searchPage(
  store: Store,
  m: MatchSql,
  where: { sql: string; params: unknown[] },
  offset: number,
  limit: number,
): SearchPage {
  const parts = m.listParts.map((p) => `${p.select} WHERE ${p.where} AND ${where.sql}`);
  const rows = store
    .prepare(
      `${parts.join(' UNION ALL ')}
       UNION ALL
       SELECT h.id, h.community_id, h.address, NULL, NULL FROM households h
       WHERE h.id IN (${m.householdIds}) AND ${where.sql}`,
    )
    .all(...m.listParts.flatMap((p) => [...p.params, ...where.params]), ...m.params.household, ...where.params) as MatchRow[];
  // Communities in list order (sort order, then name): a household sorts by its community's rank.
  const communities = (store.prepare('SELECT id, name, sort_order FROM communities').all() as {
    id: string;
    name: string;
    sort_order: number;
  }[]).sort((a, b) => a.sort_order - b.sort_order || compareText(a.name, b.name));
  const rank = new Map(communities.map((c, i) => [c.id, i]));
  const byId = new Map<string, Entry>();
  for (const r of rows) {
    let e = byId.get(r.id);
    if (!e) {
      e = { id: r.id, rank: rank.get(r.community_id) ?? -1, address: r.address, members: new Set(), best: 3 };
      byId.set(r.id, e);
    }
    if (r.person_rowid !== null) {
      e.members.add(r.person_rowid);
      e.best = Math.min(e.best, r.person_name === null ? 2 : nameRank(r.person_name, m.query));
    }
  }
  const entries = [...byId.values()];
  entries.sort((a, b) => a.best - b.best || a.rank - b.rank || compareText(a.address, b.address) || compareText(a.id, b.id));
  const page = entries.slice(offset, offset + limit);
  // Person ids of the page's matched members only.
  const rowids = page.flatMap((e) => [...e.members]);
  const idOf = new Map(
    rowids.length === 0
      ? []
      : (store.prepare(`SELECT rowid AS r, id FROM persons WHERE rowid IN (${rowids.map(() => '?').join(',')})`).all(...rowids) as { r: number; id: string }[]).map(
          (x) => [x.r, x.id] as const,
        ),
  );
  return {
    total: entries.length,
    ids: page.map((e) => e.id),
    matchedMembers: new Map(page.map((e) => [e.id, [...e.members].map((r) => idOf.get(r)!).filter(Boolean)])),
  };
}
