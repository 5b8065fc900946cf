/**
 * Rows of a whole street grouped by person, keeping the query's order: the 四有 board reads every
 * person's agreements, cards, visits, plan and profile in one query each instead of per person.
 */
export function byPerson<T extends { person_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.person_id);
    if (list) list.push(r);
    else out.set(r.person_id, [r]);
  }
  return out;
}

/** The first row of each person in the query's order (the per-person query's `LIMIT 1`). */
export function firstByPerson<T extends { person_id: string }>(rows: T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) if (!out.has(r.person_id)) out.set(r.person_id, r);
  return out;
}
