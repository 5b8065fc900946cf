import { describe, expect, test } from 'vitest';
import { addDays } from '../../../../shared/time/calendar-days';
import { dueBy, orderFromScratch, orderMoved, orderUpdated, type DueEntry } from './due-order';

interface H {
  id: string;
  every: number;
  since: string;
}

/** A small deterministic generator (the same cases on every run). */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe('the kept due order equals one sorted from scratch', () => {
  test('after random visits, visits undone and days with many changes', () => {
    const rnd = random(15);
    const households: H[] = Array.from({ length: 300 }, (_, i) => ({ id: `h${i}`, every: [1, 7, 30][i % 3]!, since: addDays('2026-01-01', Math.floor(rnd() * 20)) }));
    const rank = new Map(households.map((h, i) => [h.id, (i * 7919) % 300]));
    const entryOf = (s: H, lastVisitOn: string | null): DueEntry<H> => ({
      s,
      id: s.id,
      lastVisitOn,
      dueOn: lastVisitOn === null ? s.since : addDays(lastVisitOn, s.every),
      rank: rank.get(s.id)!,
    });
    const idOf = (s: H) => s.id;
    const last = new Map<string, string>();
    let order = orderFromScratch(households, last, idOf, entryOf);
    // The same moves told household by household (as the log of changed last visits tells them).
    let logged = orderFromScratch(households, last, idOf, entryOf);
    for (let step = 0; step < 200; step++) {
      // Mostly one visit (the office day); now and then a visit undone, or a sync bringing many.
      const changes = step % 50 === 49 ? 60 : 1 + Math.floor(rnd() * 3);
      const told = new Map<string, string | null>([['other-street', '2026-01-05']]);
      for (let c = 0; c < changes; c++) {
        const h = households[Math.floor(rnd() * households.length)]!;
        if (rnd() < 0.15) last.delete(h.id);
        else last.set(h.id, addDays('2026-01-20', Math.floor(rnd() * 60)));
        told.set(h.id, last.get(h.id) ?? null);
      }
      const before = order.sorted;
      const moved = before.some((e) => (last.get(e.id) ?? null) !== e.lastVisitOn);
      order = orderUpdated(order, last, entryOf);
      logged = orderMoved(logged, told, entryOf);
      const scratch = orderFromScratch(households, last, idOf, entryOf);
      expect(order.sorted.map((e) => [e.id, e.dueOn])).toEqual(scratch.sorted.map((e) => [e.id, e.dueOn]));
      expect(logged.sorted.map((e) => [e.id, e.dueOn])).toEqual(scratch.sorted.map((e) => [e.id, e.dueOn]));
      // Kept results key on the array: a change is a new array, no change the same one.
      expect(order.sorted === before).toBe(!moved);
      for (const limit of ['2026-01-25', '2026-02-20', '2026-03-31']) {
        expect(dueBy(order.sorted, limit)).toBe(scratch.sorted.filter((e) => e.dueOn <= limit).length);
      }
    }
  });

  test('nothing in scope changed: the same order, so the lists built on it stay kept', () => {
    const hs: H[] = [{ id: 'a', every: 7, since: '2026-01-01' }];
    const entryOf = (s: H, lastVisitOn: string | null): DueEntry<H> => ({ s, id: s.id, lastVisitOn, dueOn: lastVisitOn ?? s.since, rank: 0 });
    const order = orderFromScratch(hs, new Map(), (s) => s.id, entryOf);
    expect(orderUpdated(order, new Map([['other-street', '2026-01-05']]), entryOf)).toBe(order);
  });
});
