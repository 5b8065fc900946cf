/**
 * Birth dates and ID numbers of demo persons: a birth date for an exact age on the reference
 * date, and unique, valid GB 11643 numbers whose sequence digit matches the sex (odd = male).
 */
import { ageOn, makeIdNumber, type Sex } from '../../../shared/id-number';
import type { Rng } from './random';

const DAY_MS = 86_400_000;

function ymd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A birth date (YYYY-MM-DD) for someone who is exactly `age` on `referenceDate`. */
export function birthDateForAge(rng: Rng, age: number, referenceDate: string): string {
  const y = Number(referenceDate.slice(0, 4));
  const m = Number(referenceDate.slice(5, 7));
  const d = Number(referenceDate.slice(8, 10));
  // Last birthday at most 360 days ago: born between (ref - age years - 360 days) and (ref - age years).
  const latest = Date.UTC(y - age, m - 1, d);
  let birth = ymd(latest - rng.int(0, 360) * DAY_MS);
  // 29 February and month ends can shift a day; settle on a date that gives the exact age.
  for (let i = 0; ageOn(birth, referenceDate) !== age && i < 3; i++) {
    birth = ymd(Date.parse(birth) + (ageOn(birth, referenceDate) > age ? DAY_MS : -DAY_MS));
  }
  return birth;
}

/** Hands out unique ID numbers. */
export class IdAllocator {
  private readonly used = new Set<string>();

  get size(): number {
    return this.used.size;
  }

  allocate(rng: Rng, areaCode: string, birthDate: string, sex: Sex): string {
    const date = birthDate.replace(/-/g, '');
    for (let attempt = 0; attempt < 1000; attempt++) {
      // Sequence 001–999: odd for men, even for women.
      const seq = sex === 'male' ? rng.int(0, 499) * 2 + 1 : rng.int(1, 499) * 2;
      const id = makeIdNumber(areaCode, date, seq);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
    throw new Error(`no free ID number for ${areaCode} ${date}`);
  }
}
