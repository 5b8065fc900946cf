/**
 * Matching persons and households against what the user types. Three or more characters go
 * through the trigram full-text indexes (any fragment of a name, pinyin, ID number, phone or
 * address); one or two characters match the start of a name, its pinyin or initials, and the
 * start of an address, all through ordinary indexes (a one- or two-character fragment anywhere
 * in an address or phone would mean scanning every household, and finds nothing useful).
 *
 * Each match comes as a FROM clause and a condition over persons (alias `mp`) and households
 * (alias `mh`), so that callers join them directly and stop early (LIMIT) or fetch each match
 * once, and as id subqueries.
 */
import type { Store } from '../../store/store';

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
}

export function normalizeQuery(q: string): string {
  return q.trim().replace(/\s+/g, ' ').toLowerCase();
}

function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

const HIGH = '\uffff';

function match(
  person: [from: string, where: string],
  household: [from: string, where: string],
  params: MatchSql['params'],
): MatchSql {
  return {
    personFrom: person[0],
    personWhere: person[1],
    householdFrom: household[0],
    householdWhere: household[1],
    personIds: `SELECT mp.id FROM ${person[0]} WHERE ${person[1]}`,
    householdIds: `SELECT mh.id FROM ${household[0]} WHERE ${household[1]}`,
    params,
  };
}

export function buildMatch(rawQuery: string): MatchSql | null {
  const q = normalizeQuery(rawQuery);
  if (!q) return null;
  if ([...q].length >= 3) {
    return match(
      ['person_search ps JOIN persons mp ON mp.rowid = ps.rowid', 'person_search MATCH ? AND mp.deleted_at IS NULL'],
      ['household_search hs JOIN households mh ON mh.rowid = hs.rowid', 'household_search MATCH ? AND mh.deleted_at IS NULL'],
      { person: [ftsPhrase(q)], household: [ftsPhrase(q)] },
    );
  }
  return match(
    [
      'persons mp',
      `mp.deleted_at IS NULL AND ((mp.name >= ? AND mp.name < ?)
        OR (mp.name_initials >= ? AND mp.name_initials < ?) OR (mp.name_pinyin >= ? AND mp.name_pinyin < ?))`,
    ],
    ['households mh', 'mh.deleted_at IS NULL AND mh.address >= ? AND mh.address < ?'],
    { person: [q, q + HIGH, q, q + HIGH, q, q + HIGH], household: [q, q + HIGH] },
  );
}

// ---- one page of the household list for a search ----
//
// The matches are fetched once, already filtered, with what the list is ordered by; the total,
// the order and the page are worked out here, so that only the page's households are read in
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
  person_id: string | null;
}

interface Entry {
  id: string;
  /** Position of the household's community in list order. */
  rank: number;
  address: string;
  members: string[];
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
 * `where` is a condition over `households h` (the list filters); the order is the list's:
 * community (sort order, name), address, id.
 */
export function searchPage(
  store: Store,
  m: MatchSql,
  where: { sql: string; params: unknown[] },
  offset: number,
  limit: number,
): SearchPage {
  const rows = store
    .prepare(
      `SELECT h.id, h.community_id, h.address, mp.id AS person_id
       FROM ${m.personFrom} JOIN households h ON h.id = mp.household_id
       WHERE ${m.personWhere} AND ${where.sql}
       UNION ALL
       SELECT h.id, h.community_id, h.address, NULL FROM households h
       WHERE h.id IN (${m.householdIds}) AND ${where.sql}`,
    )
    .all(...m.params.person, ...where.params, ...m.params.household, ...where.params) as MatchRow[];
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
      e = { id: r.id, rank: rank.get(r.community_id) ?? -1, address: r.address, members: [] };
      byId.set(r.id, e);
    }
    if (r.person_id) e.members.push(r.person_id);
  }
  const entries = [...byId.values()];
  entries.sort((a, b) => a.rank - b.rank || compareText(a.address, b.address) || compareText(a.id, b.id));
  const page = entries.slice(offset, offset + limit);
  return { total: entries.length, ids: page.map((e) => e.id), matchedMembers: new Map(page.map((e) => [e.id, e.members])) };
}
