/**
 * The street's households in due order (due date, then address rank), kept between visits: a visit
 * changes one household's last visit, so only the households whose last visit differs from the kept
 * order are taken out and put back (binary search), instead of re-sorting the whole street. Whether
 * it is kept or worked out from scratch, the order is the same (due-order.test.ts compares them).
 */

export interface DueEntry<H> {
  s: H;
  id: string;
  lastVisitOn: string | null;
  dueOn: string;
  /** The household's place in the street's address order: unique, so the order is total. */
  rank: number;
}

/** Makes a household's entry for its last visit (null: never visited). */
export type EntryOf<H> = (s: H, lastVisitOn: string | null) => DueEntry<H>;

export interface DueOrder<H> {
  sorted: DueEntry<H>[];
  /** Each household's entry in `sorted` (the entries taken out when its last visit changes). */
  byId: Map<string, DueEntry<H>>;
}

/** Past this share of households changed (a sync of many visits, a day's import) a full sort is cheaper. */
const RESORT_SHARE = 1 / 16;

function before<H>(a: DueEntry<H>, b: DueEntry<H>): number {
  return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.rank - b.rank;
}

/** The first index whose entry does not come before `e`. */
function lowerBound<H>(sorted: DueEntry<H>[], e: DueEntry<H>): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid]!, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function orderFromScratch<H>(households: readonly H[], last: ReadonlyMap<string, string>, idOf: (s: H) => string, entryOf: EntryOf<H>): DueOrder<H> {
  const sorted = households.map((s) => entryOf(s, last.get(idOf(s)) ?? null)).sort(before);
  return { sorted, byId: new Map(sorted.map((e) => [e.id, e])) };
}

/**
 * The order under the last visits now (`last`, the whole table): the same order object when nothing
 * in scope changed, else a new array (kept results key on its identity) with only the changed moved.
 * `prev` is not to be used afterwards (its map is reused).
 */
export function orderUpdated<H>(prev: DueOrder<H>, last: ReadonlyMap<string, string>, entryOf: EntryOf<H>): DueOrder<H> {
  const changed: DueEntry<H>[] = [];
  for (const [id, e] of prev.byId) if ((last.get(id) ?? null) !== e.lastVisitOn) changed.push(e);
  return moved(prev, changed, (id) => last.get(id) ?? null, entryOf);
}

/**
 * The order after the last visits of a few households changed (`changes`: household → its last visit
 * now, null for none; households not in the order are ignored): what orderUpdated gives with the
 * whole table, reading only the changed. `prev` is not to be used afterwards.
 */
export function orderMoved<H>(prev: DueOrder<H>, changes: ReadonlyMap<string, string | null>, entryOf: EntryOf<H>): DueOrder<H> {
  const changed: DueEntry<H>[] = [];
  for (const [id, on] of changes) {
    const e = prev.byId.get(id);
    if (e && e.lastVisitOn !== on) changed.push(e);
  }
  return moved(prev, changed, (id) => changes.get(id), entryOf);
}

/** `changed` moved to their place under `lastOf` (undefined: unchanged); many changed: sorted again. */
function moved<H>(prev: DueOrder<H>, changed: DueEntry<H>[], lastOf: (id: string) => string | null | undefined, entryOf: EntryOf<H>): DueOrder<H> {
  if (changed.length === 0) return prev;
  const resorted = (): DueOrder<H> => {
    const sorted = prev.sorted
      .map((e) => {
        const on = lastOf(e.id);
        return on === undefined || on === e.lastVisitOn ? e : entryOf(e.s, on);
      })
      .sort(before);
    return { sorted, byId: new Map(sorted.map((e) => [e.id, e])) };
  };
  if (changed.length > prev.sorted.length * RESORT_SHARE) return resorted();
  const sorted = prev.sorted.slice();
  for (const old of changed) {
    let at = lowerBound(sorted, old);
    while (at < sorted.length && sorted[at] !== old) at++; // ranks are unique: found at once
    if (at === sorted.length) return resorted();
    sorted.splice(at, 1);
    const next = entryOf(old.s, lastOf(old.id) ?? null);
    sorted.splice(lowerBound(sorted, next), 0, next);
    prev.byId.set(next.id, next);
  }
  return { sorted, byId: prev.byId };
}

/** How many entries are due on or before `limit` (the length of a list: a prefix of the order). */
export function dueBy<H>(sorted: readonly DueEntry<H>[], limit: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.dueOn <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
