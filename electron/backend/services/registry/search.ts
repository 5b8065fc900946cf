/**
 * Matching persons and households against what the user types. Three or more characters go
 * through the trigram full-text indexes (any fragment of a name, pinyin, ID number, phone or
 * address); one or two characters match the start of a name, its pinyin or initials through
 * ordinary indexes, and a fragment of an address or phone by scan.
 */
export interface MatchSql {
  /** SELECT yielding one column `id` of matching live persons. */
  personIds: string;
  /** SELECT yielding one column `id` of live households matched on their own fields. */
  householdIds: string;
  params: { person: unknown[]; household: unknown[] };
}

export function normalizeQuery(q: string): string {
  return q.trim().replace(/\s+/g, ' ').toLowerCase();
}

function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const HIGH = '\uffff';

export function buildMatch(rawQuery: string): MatchSql | null {
  const q = normalizeQuery(rawQuery);
  if (!q) return null;
  if ([...q].length >= 3) {
    return {
      personIds:
        'SELECT p.id FROM person_search s JOIN persons p ON p.rowid = s.rowid WHERE person_search MATCH ? AND p.deleted_at IS NULL',
      householdIds:
        'SELECT h.id FROM household_search s JOIN households h ON h.rowid = s.rowid WHERE household_search MATCH ? AND h.deleted_at IS NULL',
      params: { person: [ftsPhrase(q)], household: [ftsPhrase(q)] },
    };
  }
  return {
    personIds: `SELECT id FROM persons WHERE deleted_at IS NULL AND (
        (name >= ? AND name < ?) OR (name_initials >= ? AND name_initials < ?) OR (name_pinyin >= ? AND name_pinyin < ?))`,
    householdIds: `SELECT id FROM households WHERE deleted_at IS NULL AND (address LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\')`,
    params: {
      person: [q, q + HIGH, q, q + HIGH, q, q + HIGH],
      household: [likeContains(q), likeContains(q)],
    },
  };
}
